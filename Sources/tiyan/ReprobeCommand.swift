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
            probes hash and counts; pages.jsonl stays as the crawl wrote it. A SIGINT or SIGTERM while \
            the files are being rewritten is held until they agree again.
            Exit status: 0 rewritten; 1 the run folder has no archive, bad configuration, or a file cannot \
            be written; 2 usage errors; 5 rewritten, but an assertion of --assert does not hold; 130 / 143 \
            interrupted by SIGINT / SIGTERM.
            """)

    @Argument(help: "A run folder written by `tiyan crawl`.")
    var runDirectory: String

    @Option(help: ArgumentHelp(DefaultData.probesHelp, valueName: "DIR"))
    var probes: String?

    @Flag(help: "Print only errors and the run folder's path.")
    var quiet = false

    @Option(help: ArgumentHelp(
        "Seconds one target's probes may take; the indicators not decided by then are errors.",
        valueName: "seconds"))
    var probeBudget: Double = ProbeIsolation.defaultBudgetSeconds

    func validate() throws {
        guard probeBudget.isFinite, probeBudget > 0 else {
            throw ValidationError("--probe-budget must be a positive number of seconds")
        }
    }

    @Option(name: .customLong("assert"), help: ArgumentHelp(
        "Thresholds the re-scored run must meet, as for crawl; exit status 5 when one fails.", valueName: "FILE"))
    var assertions: String?

    @Flag(help: ArgumentHelp(RunProfile.help))
    var profile = false

    func run() async throws {
        Progress.quiet = quiet
        var runProfile = profile ? RunProfile() : nil
        do {
            let probes = try DefaultData.probes(self.probes)
            let archive = runDirectory + "/archive.warc.gz"
            guard FileManager.default.fileExists(atPath: archive) else {
                if FileManager.default.fileExists(atPath: runDirectory + "/.archive.warc.gz.partial") {
                    throw RunFailure("\(runDirectory) is an incomplete run: its crawl stopped before the archive "
                        + "was complete (only .archive.warc.gz.partial); crawl again")
                }
                throw RunFailure("cannot read \(archive): \(FileAccess.problem(reading: archive, as: .file))")
            }
            var pipeline: RunPipeline
            do {
                pipeline = try RunPipeline(probes: try ProbeConfiguration.load(directory: probes))
                pipeline.runner.profile = runProfile?.probes
            } catch let errors as ConfigurationErrors {
                throw RunFailure("bad configuration:\n" + errors.description)
            }
            let check = try AssertionCheck(path: assertions, rules: pipeline.scorer.rules)
            let lock = try RunLock(path: runDirectory + "/.tiyan.lock")
            defer { lock.release() }
            runProfile?.endStage("load the probes")
            let outputs: RunPipeline.Outputs
            do {
                outputs = try await pipeline.evaluate(
                    archive: archive, isolation: ProbeIsolation(probesDirectory: probes, budgetSeconds: probeBudget))
            } catch is CancellationError {
                throw Interrupted()
            }
            runProfile?.endStage("probe and score")
            Progress.finish()
            // results.jsonl, scores.csv, run.json and index.html must agree with each other.
            try Interruption.critical {
                try pipeline.writeResults(outputs, to: runDirectory)
                try updateManifest(outputs, pipeline: pipeline, probes: probes)
                try writeReport(outputs, pipeline: pipeline, probes: probes)
            }
            runProfile?.endStage("write results and report")
            runProfile?.write()
            Progress.line("tiyan: reprobed \(outputs.contents.targets.count) targets, \(outputs.results.count) results")
            print(runDirectory)
            try check?.enforce(scores: outputs.scores, results: outputs.results)
        } catch let failure as RunFailure {
            Progress.error("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
    }

    /// run.json names the rules that made scores.csv; a run folder without one stays without.
    private func updateManifest(_ outputs: RunPipeline.Outputs, pipeline: RunPipeline, probes: String) throws {
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
    private func writeReport(_ outputs: RunPipeline.Outputs, pipeline: RunPipeline, probes: String) throws {
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
                minimumCoverage: pipeline.scorer.rules.coverage.minimum, guide: pipeline.guide,
                screenshots: ReportScreenshots.load(archive: runDirectory + "/archive.warc.gz", contents: outputs.contents))),
                to: runDirectory + "/index.html")
        } catch {
            throw RunFailure("cannot write \(runDirectory)/index.html: \(error)")
        }
    }
}
