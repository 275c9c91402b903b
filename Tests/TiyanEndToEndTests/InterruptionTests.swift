import Foundation
import Testing
import TiyanArchive

/// SIGINT / SIGTERM on a running crawl: a message naming what was interrupted and the incomplete
/// folder, fetching stops, the lock is released, the status is 128 + the signal; a second
/// signal exits at once. And the progress and summary a person or cron sees.
@Suite(.serialized) struct InterruptionTests {
    /// Starts a crawl of yi and the slow host (8 s before it answers) and returns once the slow
    /// host has been asked.
    private func startCrawl(_ fixtures: FixtureCrawl, root: String) async throws -> (Process, Pipe) {
        guard let binary = TiyanProcess.binary else { throw TestFailure("tiyan not built") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = fixtures.crawlArguments(out: root, timeout: 20) + ["--only", "yi,slow"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        for _ in 0..<400 where !fixtures.server.requests.contains(where: { $0.host == "www.slow.gov.cn" }) {
            try await Task.sleep(for: .milliseconds(25))
        }
        // The request has reached the server; give tiyan a moment to have installed its handler.
        try await Task.sleep(for: .milliseconds(200))
        return (process, errors)
    }

    private func finish(_ process: Process, _ errors: Pipe) async -> (status: Int32, stderr: String, seconds: Double) {
        let started = Date()
        let data = await errors.fileHandleForReading.readToEndOffThePool()
        await process.exited()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), Date().timeIntervalSince(started))
    }

    @Test(arguments: [(SIGINT, "SIGINT", Int32(130)), (SIGTERM, "SIGTERM", Int32(143))])
    func aSignalStopsTheCrawlAndSaysWhereTheIncompleteRunIs(_ signal: Int32, _ name: String, _ status: Int32) async throws {
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let root = fixtures.workspace + "/reports"
        let (process, errors) = try await startCrawl(fixtures, root: root)
        #expect(process.isRunning, "the crawl ended before it could be interrupted")
        let askedBefore = fixtures.server.requests.count
        kill(process.processIdentifier, signal)
        let (exitStatus, stderr, seconds) = await finish(process, errors)
        #expect(exitStatus == status, "stderr: \(stderr.suffix(1500))")
        #expect(seconds < 8, "stopped within the slow host's delay, not after it: \(seconds) s")
        #expect(stderr.contains("interrupted by \(name) during fetch"), "\(stderr.suffix(1500))")

        let folders = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix("Z") }
        let folder = try #require(folders.first, "no run folder")
        #expect(stderr.contains("the incomplete run is left in \(root)/\(folder)"), "\(stderr.suffix(1500))")
        #expect(!FileManager.default.fileExists(atPath: root + "/\(folder)/run.json"))
        #expect(!FileManager.default.fileExists(atPath: root + "/\(folder)/archive.warc.gz"))
        #expect(FileManager.default.fileExists(atPath: root + "/\(folder)/.archive.warc.gz.partial"))
        #expect(!FileManager.default.fileExists(atPath: root + "/latest"))
        // Released, not merely dropped by the kernel: the lock file no longer names the process.
        let lock = (try? String(contentsOfFile: root + "/.tiyan.lock", encoding: .utf8)) ?? ""
        #expect(lock.isEmpty, "lock file: \(lock)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(fixtures.server.requests.count <= askedBefore + 2, "fetching went on after the signal")
        // What is left is named incomplete by the commands that read runs.
        let reprobe = try await TiyanProcess.run(["reprobe", "--probes", TiyanProcess.repositoryRoot + "/probes", root + "/" + folder])
        #expect(reprobe.status == 1 && reprobe.stderr.contains("is an incomplete run"), "\(reprobe.stderr)")
        let rank = try await TiyanProcess.run(["rank", root + "/" + folder])
        #expect(rank.status == 1 && rank.stderr.contains("is an incomplete run"), "\(rank.stderr)")
        // No record of an aborted transfer passes for the site's answer: the slow home page was
        // in flight when the signal came, and it is not in the partial archive as a timeout.
        let partial = try WARCReader.read(path: root + "/\(folder)/.archive.warc.gz.partial", bodies: false)
        #expect(partial.resources.contains { $0.target == "yi" && $0.role == .home }, "what was fetched is kept")
        let aborted = partial.resources.filter { $0.target == "slow" && $0.error == .timeout }
        #expect(aborted.isEmpty, "aborted: \(aborted.map { "\($0.error?.rawValue ?? "-") \($0.elapsedMilliseconds) ms" })")
    }

    @Test func aSecondSignalExitsAtOnce() async throws {
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let (process, errors) = try await startCrawl(fixtures, root: fixtures.workspace + "/reports")
        kill(process.processIdentifier, SIGINT)
        kill(process.processIdentifier, SIGINT)
        let (status, stderr, seconds) = await finish(process, errors)
        #expect(status == 130)
        #expect(seconds < 3)
        #expect(stderr.contains("exiting at once (a second signal)") || stderr.contains("tiyan: stopped"), "\(stderr.suffix(1500))")
    }

    @Test func quietPrintsOnlyTheRunPathAndAPlainLogEndsWithASummary() async throws {
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let root = fixtures.workspace + "/reports"
        let quiet = try await TiyanProcess.run(fixtures.crawlArguments(out: root) + ["--only", "yi", "--quiet"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty, "--quiet printed: \(quiet.stderr.prefix(500))")
        #expect(quiet.stdout.split(separator: "\n").count == 1 && quiet.lastLine.hasPrefix(root))

        try await Task.sleep(for: .milliseconds(1100))
        let logged = try await TiyanProcess.run(fixtures.crawlArguments(out: root) + ["--only", "yi,jia"])
        #expect(logged.status == 0, "\(logged.stderr.suffix(1000))")
        let lines = logged.stderr.split(separator: "\n").map(String.init)
        #expect(!logged.stderr.contains("\u{1B}["), "no terminal control codes in a log")
        #expect(lines.contains { $0.hasPrefix("tiyan: fetch 2/2 targets") }, "\(logged.stderr.suffix(1500))")
        #expect(lines.contains { $0.hasPrefix("tiyan: probe 2/2 targets") })
        let summary = try #require(lines.last)
        #expect(summary.range(of: #"^tiyan: done: 2 targets, [0-9]+ pages, [0-9]+ results \(pass [0-9]+.*\), [0-9]+(m[0-9]+)?s, peak memory [0-9]+ MB$"#,
                              options: .regularExpression) != nil, "\(summary)")
    }

    @Test func aTerminalGetsOneStatusLineWithPhaseCountsAndTime() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let binary = TiyanProcess.binary else { return }
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let arguments = fixtures.crawlArguments(out: fixtures.workspace + "/reports") + ["--only", "yi,jia"]
        // script(1) gives the crawl a terminal; its stdout is the terminal's output.
        let command = ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let outcome = try await TiyanProcess.runProgram("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"])
        #expect(outcome.status == 0, "\(outcome.stdout.suffix(1000))")
        #expect(outcome.stdout.contains("\r\u{1B}[Kfetch "), "\(outcome.stdout.prefix(1000))")
        #expect(outcome.stdout.range(of: #"fetch [0-9]/2 targets, [0-9]+ pages, [0-9]+s"#, options: .regularExpression) != nil)
        #expect(outcome.stdout.contains("tiyan: done: 2 targets"))
    }
}
