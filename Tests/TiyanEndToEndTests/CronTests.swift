import Foundation
import Testing
import TiyanCore

/// What cron relies on: `latest` names the last completed run, `--keep` prunes only completed
/// runs, and a run killed at any moment leaves the earlier runs, `latest` and the lock usable.
@Suite(.serialized) struct CronTests {
    @Test func killedRunLeavesEarlierRunsAndLatestIntactAndKeepPrunes() async throws {
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let root = fixtures.workspace + "/reports"
        let manager = FileManager.default
        // Things under the output root that are not completed runs, which pruning must spare.
        let stranger = root + "/20200101T000000Z"
        try manager.createDirectory(atPath: stranger, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/notes", withIntermediateDirectories: true)
        try "log\n".write(toFile: root + "/cron.log", atomically: true, encoding: .utf8)

        let first = try await crawl(fixtures, root: root)
        #expect(latest(root) == first)
        let firstFiles = try snapshot(root + "/" + first)

        // Killed while the slow host (8 s before it answers) is being fetched.
        let killed = try #require(try await crawlKilledOnSlowHost(fixtures, root: root),
                                  "the killed crawl had not created its run folder")
        #expect(latest(root) == first, "latest moved to a killed run")
        #expect(try snapshot(root + "/" + first) == firstFiles, "the earlier run changed")
        #expect(!manager.fileExists(atPath: root + "/" + killed + "/run.json"), "a killed run looks complete")
        #expect(!manager.fileExists(atPath: root + "/" + killed + "/archive.warc.gz"))
        #expect(manager.fileExists(atPath: root + "/" + killed + "/.archive.warc.gz.partial"), "killed mid-archive")

        try await Task.sleep(for: .milliseconds(1100))
        let second = try await crawl(fixtures, root: root, keep: 2)
        #expect(latest(root) == second, "the run after a kill took the stale lock and completed")
        try await Task.sleep(for: .milliseconds(1100))
        let third = try await crawl(fixtures, root: root, keep: 2)
        #expect(latest(root) == third)

        let left = Set(try manager.contentsOfDirectory(atPath: root))
        #expect(!left.contains(first), "--keep 2 keeps only the two newest completed runs")
        #expect(left.isSuperset(of: [second, third, "notes", "cron.log", "20200101T000000Z", "latest"]))
        #expect(left.contains(killed), "an incomplete run is never pruned")
        #expect(manager.fileExists(atPath: root + "/latest/index.html"))
    }

    private func crawl(_ fixtures: FixtureCrawl, root: String, keep: Int? = nil) async throws -> String {
        let outcome = try await TiyanProcess.run(fixtures.crawlArguments(out: root) + ["--only", "yi"]
            + (keep.map { ["--keep", "\($0)"] } ?? []))
        #expect(outcome.status == 0, "stderr: \(outcome.stderr.suffix(2000))")
        guard outcome.status == 0 else { throw TestFailure("crawl failed") }
        return (outcome.lastLine as NSString).lastPathComponent
    }

    /// Starts a crawl of yi and the slow host, SIGKILLs it once the slow host has been asked,
    /// and returns the run folder it had begun (nil if none was created yet).
    private func crawlKilledOnSlowHost(_ fixtures: FixtureCrawl, root: String) async throws -> String? {
        guard let binary = TiyanProcess.binary else { throw TestFailure("tiyan not built") }
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = fixtures.crawlArguments(out: root, timeout: 20) + ["--only", "yi,slow"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try await Task.sleep(for: .milliseconds(1100))
        try process.run()
        var asked = false
        for _ in 0..<400 where !asked {
            asked = fixtures.server.requests.contains { $0.host == "www.slow.gov.cn" }
            if !asked { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(asked, "the crawl never reached the slow host")
        #expect(process.isRunning, "the crawl ended before it could be killed")
        // Overlapping cron runs need no flock(1): the second one refuses and touches nothing.
        let overlapping = try await TiyanProcess.run(fixtures.crawlArguments(out: root) + ["--only", "yi"])
        #expect(overlapping.status == 1 && overlapping.stderr.contains("holds the lock"), "\(overlapping.stderr)")
        kill(process.processIdentifier, SIGKILL)
        await process.exited()
        #expect(process.terminationReason == .uncaughtSignal)
        // The lock file still names the dead run: a stale lock the next run must take over.
        let holder = (try? String(contentsOfFile: root + "/.tiyan.lock", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(holder == String(process.processIdentifier), "lock file: \(holder ?? "missing")")
        let created = Set((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).subtracting(before)
        return created.first { $0.hasSuffix("Z") }
    }

    private func latest(_ root: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/latest")
    }

    private func snapshot(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = FileManager.default.contents(atPath: directory + "/" + name)
        }
        return files
    }
}
