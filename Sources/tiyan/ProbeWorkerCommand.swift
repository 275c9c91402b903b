import ArgumentParser
import Foundation
import TiyanArchive
import TiyanConfig
import TiyanCore
import TiyanProbes
#if canImport(Glibc)
import Glibc
#endif

/// The child process of `ProbeSupervisor`: judges the given sites of an archive and streams
/// what it decides as `ProbeWorkerLine`s. Not for people: crawl and reprobe start it.
struct ProbeWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe-worker",
        abstract: "Judge sites of an archive for a supervising crawl or reprobe (internal).",
        shouldDisplay: false)

    @Option(help: "The archive.")
    var archive: String

    @Option(help: "The probes directory.")
    var probes: String

    @Option(help: "Comma-separated indices of the archive's sites to judge.")
    var sites: String

    @Flag(help: "Write the probes' profile before the last line.")
    var profile = false

    func run() async throws {
        // Ctrl-C reaches the whole process group; the supervisor decides what an interrupt stops.
        signal(SIGINT, SIG_IGN)
        let pipeline: RunPipeline
        let contents: ArchiveContents
        do {
            pipeline = try RunPipeline(probes: try ProbeConfiguration.load(directory: probes))
            contents = try WARCReader.read(path: archive, bodies: false)
        } catch {
            FileHandle.standardError.write(Data("tiyan probe-worker: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let wanted = sites.split(separator: ",").compactMap { Int($0) }.filter { contents.sites.indices.contains($0) }
        let output = WorkerOutput()
        let fault = InjectedFault.fromEnvironment()
        let measured = profile ? ProbeProfile() : nil
        let runner = {
            var runner = pipeline.runner
            runner.profile = measured
            return runner
        }()
        let info = contents.info
        let path = archive
        let all = contents.sites
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                guard next < wanted.count else { return }
                let index = wanted[next]
                next += 1
                group.addTask {
                    output.write(.started(site: index))
                    let (site, charsets) = try RunPipeline.load(all[index], info: info, path: path)
                    for (offset, facts) in charsets.sorted(by: { $0.key < $1.key }) {
                        output.write(.charset(
                            site: index, offset: offset, bytes: facts.bytes, name: facts.name, source: facts.source))
                    }
                    runner.evaluate(site, indicators: nil, onJudgedPage: { record in
                        guard let offset = record.warcOffset else { return }
                        output.write(.verdict(site: index, offset: offset, error: record.error))
                    }, onResult: { result in
                        output.write(.result(site: index, result))
                        fault?.strike(target: result.target)
                    })
                    output.write(.ended(site: index))
                }
            }
            for _ in 0..<RunPipeline.sitesInFlight { startNext() }
            while try await group.next() != nil { startNext() }
        }
        for (name, entry) in (measured?.snapshot ?? [:]).sorted(by: { $0.key < $1.key }) {
            output.write(.profile(name: name, entry))
        }
        output.write(.done)
    }
}

/// Lines from several sites' tasks, each written whole: a pipe keeps only writes of up to
/// PIPE_BUF bytes together, and result lines are longer.
private final class WorkerOutput: @unchecked Sendable {
    private let lock = NSLock()

    func write(_ line: ProbeWorkerLine) {
        let data = Data((line.text + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(data)
    }
}

/// A failure on purpose, for the tests of the supervisor: `TIYAN_PROBE_FAULT=<target>:trap`
/// kills the worker with SIGILL (what a Swift trap does) after the target's first result,
/// `<target>:hang` stops it there for good. Read by the worker only, never by crawl or reprobe.
private struct InjectedFault: Sendable {
    enum Kind: String { case trap, hang }
    var target: String
    var kind: Kind

    static func fromEnvironment() -> InjectedFault? {
        guard let text = ProcessInfo.processInfo.environment["TIYAN_PROBE_FAULT"] else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[1]) else { return nil }
        return InjectedFault(target: parts[0], kind: kind)
    }

    func strike(target: String) {
        guard target == self.target else { return }
        switch kind {
        case .trap: raise(SIGILL)
        case .hang: while true { sleep(3600) }
        }
    }
}
