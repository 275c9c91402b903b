import ArgumentParser
import Foundation
import TiyanConfig
import TiyanCore
import TiyanReport
import TiyanScoring

struct ReprobeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprobe",
        abstract: "Re-run probes and scoring on a run's archive, without network.",
        discussion: """
            Rewrites results.jsonl, scores.csv and index.html of RUN_DIR from archive.warc.gz alone, \
            with the probes and scoring rules (probes/scoring.yaml) of --probes: an old run re-scored \
            under new rules. run.json keeps what the crawl recorded but takes the new algorithm_version, \
            probes hash and counts; pages.jsonl stays as the crawl wrote it.
            """)

    @Argument(help: "A run folder written by `tiyan crawl`.")
    var runDirectory: String

    @Option(help: "The probes directory.")
    var probes: String = "probes"

    @Option(name: .customLong("assert"), help: ArgumentHelp(
        "Thresholds the re-scored run must meet, as for crawl; exit status 5 when one fails.", valueName: "FILE"))
    var assertions: String?

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
            let check = try AssertionCheck(path: assertions, rules: pipeline.scorer.rules)
            let lock = try RunLock(path: runDirectory + "/.tiyan.lock")
            defer { lock.release() }
            let outputs = try await pipeline.evaluate(archive: archive)
            try pipeline.writeResults(outputs, to: runDirectory)
            try updateManifest(outputs, pipeline: pipeline)
            try writeReport(outputs, pipeline: pipeline)
            Progress.line("tiyan: reprobed \(outputs.contents.targets.count) targets, \(outputs.results.count) results")
            print(runDirectory)
            try check?.enforce(scores: outputs.scores, results: outputs.results)
        } catch let failure as RunFailure {
            Progress.line("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
    }

    /// run.json names the rules that made scores.csv; a run folder without one stays without.
    private func updateManifest(_ outputs: RunPipeline.Outputs, pipeline: RunPipeline) throws {
        let path = runDirectory + "/run.json"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        guard let text = RunManifest.rescored(
            String(decoding: data, as: UTF8.self), algorithmVersion: pipeline.scorer.algorithmVersion,
            probesSHA256: (try? ContentHash.sha256(ofDirectory: probes)) ?? "",
            countsByStatus: RunPipeline.countsByStatus(outputs.results), at: Date())
        else { throw RunFailure("\(path) is not a JSON object") }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw RunFailure("cannot write \(path): \(error)")
        }
    }

    /// The evaluators' report of the new results, headed by what the archive knows of its run.
    private func writeReport(_ outputs: RunPipeline.Outputs, pipeline: RunPipeline) throws {
        let info = outputs.contents.info
        // A merged run's archive begins with its first shard's warcinfo: the run's own identity
        // is in run.json when there is one.
        let recorded = FileManager.default.contents(atPath: runDirectory + "/run.json")
            .flatMap { try? JSONValue.parse(String(decoding: $0, as: UTF8.self)) }
        let manifest = RunManifest(
            runID: recorded?["run_id"]?.stringValue ?? info.runID,
            startedAt: recorded?["started_at"]?.stringValue.flatMap(ISO8601DateFormatter().date(from:)) ?? info.startedAt,
            finishedAt: Date(), toolVersion: ToolVersion.current,
            algorithmVersion: pipeline.scorer.algorithmVersion, targetsSHA256: recorded?["targets_sha256"]?.stringValue ?? "",
            probesSHA256: (try? ContentHash.sha256(ofDirectory: probes)) ?? "",
            options: [("reprobe", "true"), ("probes", probes)],
            countsByStatus: RunPipeline.countsByStatus(outputs.results),
            targetCount: outputs.contents.targets.count, pageCount: outputs.pages.count)
        do {
            try ArchivedCopies.write(archive: runDirectory + "/archive.warc.gz", pages: outputs.pages,
                                     runID: manifest.runID, to: runDirectory)
            try AtomicFile.write(HTMLReport.render(HTMLReportInput(
                manifest: manifest, targets: outputs.contents.targets, scores: outputs.scores,
                modules: pipeline.runner.modules, results: outputs.results, pages: outputs.pages,
                minimumCoverage: pipeline.scorer.rules.coverage.minimum, guide: pipeline.guide)),
                to: runDirectory + "/index.html")
        } catch {
            throw RunFailure("cannot write \(runDirectory)/index.html: \(error)")
        }
    }
}
