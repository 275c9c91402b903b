import ArgumentParser
import Foundation
import TiyanConfig
import TiyanReport

struct ReprobeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprobe",
        abstract: "Re-run probes and scoring on a run's archive, without network.",
        discussion: "Rewrites results.jsonl and scores.csv of RUN_DIR from archive.warc.gz alone.")

    @Argument(help: "A run folder written by `tiyan crawl`.")
    var runDirectory: String

    @Option(help: "The probes directory.")
    var probes: String = "probes"

    func run() async throws {
        do {
            let archive = runDirectory + "/archive.warc.gz"
            guard FileManager.default.fileExists(atPath: archive) else {
                throw RunFailure("\(archive) does not exist")
            }
            let pipeline: RunPipeline
            do {
                pipeline = try RunPipeline(probes: try ProbeConfiguration.load(directory: probes))
            } catch let errors as ConfigurationErrors {
                throw RunFailure("bad configuration:\n" + errors.description)
            }
            let lock = try RunLock(path: runDirectory + "/.tiyan.lock")
            defer { lock.release() }
            let outputs = try await pipeline.evaluate(archive: archive)
            try pipeline.writeResults(outputs, to: runDirectory)
            Progress.line("tiyan: reprobed \(outputs.contents.targets.count) targets, \(outputs.results.count) results")
            print(runDirectory)
        } catch let failure as RunFailure {
            Progress.line("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
    }
}
