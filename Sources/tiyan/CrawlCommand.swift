import ArgumentParser
import Foundation
import TiyanArchive
import TiyanConfig
import TiyanCore
import TiyanCrawl
import TiyanFetch
import TiyanReport
import TiyanScoring

struct CrawlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawl",
        abstract: "Crawl, archive, probe, score and write a run folder; prints its path as the last line.",
        discussion: """
            Progress goes to stderr: on a terminal one status line (phase, targets done, pages fetched, \
            elapsed, an estimate), otherwise one line per event; --quiet keeps only errors. stdout carries \
            only the run folder's path. A first SIGINT or SIGTERM stops fetching and leaves the incomplete \
            run folder (named on stderr); a second one exits at once.
            \(ExitStatus.runWithAssertions)
            """)

    @Option(help: ArgumentHelp(DefaultData.targetsHelp, valueName: "FILE"))
    var targets: String?

    @Option(help: ArgumentHelp(DefaultData.probesHelp, valueName: "DIR"))
    var probes: String?

    @Option(help: "Where run folders are written.")
    var out: String = "reports"

    @Option(help: ArgumentHelp("Crawl only these target ids.", valueName: "ID,.."))
    var only: String?

    @Option(name: .customLong("max-pages"), help: "Fetches per target (overrides max_pages).")
    var maxPages: Int?

    @Flag(name: .customLong("ignore-robots"), help: "Fetch discovered pages even where robots.txt disallows them.")
    var ignoreRobots = false

    @Option(help: ArgumentHelp("A search query set replacing the default one in probes/ for this run.",
                               valueName: "FILE"))
    var queries: String?

    @Option(help: ArgumentHelp(
        "Crawl only shard K of N: a contiguous block of the selected targets by position (README, \"Past one machine\").",
        valueName: "K/N"))
    var shard: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "After the run, remove completed runs beyond the newest N (never incomplete ones, never other files).",
        valueName: "N"))
    var keep: Int?

    @Option(help: ArgumentHelp(
        "Seconds one target's probes may take; the indicators not decided by then are errors.",
        valueName: "seconds"))
    var probeBudget: Double = ProbeIsolation.defaultBudgetSeconds

    @Flag(help: "Print only errors and the run folder's path (for cron).")
    var quiet = false

    @Option(name: .customLong("assert"), help: ArgumentHelp(
        "Thresholds the run must meet (README, \"Thresholds\"); exit status 5 when one fails, after the run folder is complete.",
        valueName: "FILE"))
    var assertions: String?

    @Flag(help: ArgumentHelp(RunProfile.help))
    var profile = false

    @OptionGroup var network: NetworkOptions

    @OptionGroup var rendering: RenderOptions

    func validate() throws {
        if let maxPages, maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, not \(shard)") }
        if let keep, keep < 1 { throw ValidationError(RunRetention.badKeep(keep)) }
        guard probeBudget.isFinite, probeBudget > 0 else {
            throw ValidationError("--probe-budget must be a positive number of seconds")
        }
        if let queries, !FileManager.default.isReadableFile(atPath: queries) {
            let reason = FileAccess.problem(reading: queries, as: .file)
            throw ValidationError("--queries: cannot read \(queries): \(reason)")
        }
    }

    func run() async throws {
        Progress.quiet = quiet
        do {
            try await crawl()
        } catch let failure as RunFailure {
            Progress.error("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
    }

    private func crawl() async throws {
        let startedAt = Date()
        var runProfile = profile ? RunProfile() : nil
        let targets = try DefaultData.targets(self.targets)
        let probes = try DefaultData.probes(self.probes)
        let configuration = try loadConfiguration(targets: targets, probes: probes)
        let check = try AssertionCheck(path: assertions, rules: configuration.pipeline.scorer.rules)
        let shard = self.shard.flatMap(Shard.init)
        let chosen = try select(configuration.targets.targets, from: targets)
        let selected = shard?.select(chosen) ?? chosen

        let runID = RunID.make(startedAt: startedAt, shard: shard.map { ($0.index, $0.count) })
        // Before the run folder exists: `--render always` without a browser leaves nothing behind.
        let browser = try await rendering.startBrowser(for: selected)
        // Shards of one crawl may share an output root; each locks only its own slot.
        let folder: NewRunFolder
        do {
            folder = try NewRunFolder(
                root: out, runID: runID,
                lockName: ".tiyan\(shard.map { "-shard\($0.index)-of-\($0.count)" } ?? "").lock")
        } catch {
            await browser.renderer?.shutdown()
            throw error
        }
        defer { folder.lock.release() }
        let directory = folder.directory
        Progress.begin(runFolder: directory)

        // The archive is streamed to a temporary name and renamed once complete.
        let archivePath = directory + "/archive.warc.gz"
        let partialPath = directory + "/.archive.warc.gz.partial"
        let archive: WARCWriter
        do {
            archive = try WARCWriter(path: partialPath, info: ArchiveRunInfo(
                runID: runID, startedAt: startedAt, toolVersion: ToolVersion.current))
        } catch {
            await browser.renderer?.shutdown()
            throw RunFailure("cannot write the archive: \(error)")
        }

        var settings = CrawlSettings(rules: configuration.discovery, pageNature: configuration.pageNature)
        settings.ignoreRobots = ignoreRobots
        settings.userAgentOverride = network.userAgent
        settings.maxPagesOverride = maxPages
        settings.search = configuration.search
        // With --connect-to the addresses are fixed by the operator, so an IPv6 connect would
        // test the mapping, not the site.
        settings.hasIPv6Route = network.connectTo.isEmpty && Fetcher.hasIPv6Route()
        settings.render = rendering.render
        settings.renderer = browser.renderer
        settings.renderTimeCap = .milliseconds(Int(rendering.renderTimeCap * 1000))
        let crawler = Crawler(fetcher: Fetcher(options: network.fetchOptions), settings: settings, archive: archive,
                              progress: Progress.fetch, targetFinished: Progress.targetDone)
        Progress.line("tiyan: crawling \(selected.count) targets into \(directory)")
        Progress.begin(.fetch, total: selected.count)
        do {
            try await crawler.crawl(selected)
            await browser.renderer?.shutdown()
            // Stopped by a signal: what was fetched stays under the partial name.
            try Task.checkCancellation()
            try archive.close()
            try FileManager.default.moveItem(atPath: partialPath, toPath: archivePath)
        } catch is CancellationError {
            await browser.renderer?.shutdown()
            try? archive.close()
            throw Interrupted()
        } catch {
            await browser.renderer?.shutdown()
            throw RunFailure("archive write failed: \(error)")
        }

        runProfile?.endStage("fetch and archive")
        var pipeline = configuration.pipeline
        pipeline.runner.profile = runProfile?.probes
        let outputs: RunPipeline.Outputs
        do {
            outputs = try await pipeline.evaluate(
                archive: archivePath, isolation: ProbeIsolation(probesDirectory: probes, budgetSeconds: probeBudget))
        } catch is CancellationError {
            throw Interrupted()
        }
        runProfile?.endStage("probe and score")
        Progress.begin(.report, total: selected.count)
        let finishedAt = Date()
        do {
            try pipeline.writeResults(outputs, to: directory)
            try AtomicFile.write(PagesFile.render(outputs.pages), to: directory + "/pages.jsonl")
            let manifest = RunManifest(
                runID: runID, startedAt: startedAt, finishedAt: finishedAt, toolVersion: ToolVersion.current,
                algorithmVersion: pipeline.scorer.algorithmVersion, targetsSHA256: configuration.targetsHash,
                probesSHA256: configuration.probesHash,
                options: [("targets", targets), ("probes", probes), ("only", only ?? ""),
                          ("max_pages", maxPages.map(String.init) ?? ""), ("ignore_robots", "\(ignoreRobots)"),
                          ("queries", queries ?? ""), ("render", browser.state),
                          ("render_engine", browser.renderer?.engine ?? "")] + (shard.map { [("shard", $0.description)] } ?? [])
                    + network.recorded,
                countsByStatus: RunPipeline.countsByStatus(outputs.results),
                targetCount: outputs.contents.targets.count, pageCount: outputs.pages.count,
                archiveSHA256: try ArchiveHash.sha256(ofFile: archivePath))
            try ArchivedCopies.write(archive: archivePath, pages: outputs.pages, runID: runID, to: directory)
            try AtomicFile.write(HTMLReport.render(HTMLReportInput(
                manifest: manifest, targets: outputs.contents.targets, scores: outputs.scores,
                modules: pipeline.runner.modules, results: outputs.results, pages: outputs.pages,
                minimumCoverage: pipeline.scorer.rules.coverage.minimum, guide: pipeline.guide,
                screenshots: ReportScreenshots.load(archive: archivePath, contents: outputs.contents))),
                to: directory + "/index.html")
            // Last: run.json is what marks the run complete (RunFolders.isComplete).
            try AtomicFile.write(manifest.render(), to: directory + "/run.json")
        } catch let failure as RunFailure {
            throw failure
        } catch {
            throw RunFailure("cannot write the run folder: \(error)")
        }
        runProfile?.endStage("write the run folder and report")
        Progress.finish()
        runProfile?.write()
        Progress.line(RunSummary(targets: outputs.contents.targets.count, pages: outputs.pages.count,
                                 results: outputs.results, startedAt: startedAt).line)
        // A shard is not a run an evaluator should open: `latest` is left to the merge.
        try RunRetention.conclude(root: out, runID: runID, keep: keep, movesLatest: shard == nil)
        print(directory)
        try check?.enforce(scores: outputs.scores, results: outputs.results)
    }

    private struct Configuration {
        var targets: TargetList
        var discovery: DiscoveryRules
        var pageNature: PageNatureMarkers
        var search: SearchCrawlRules?
        var pipeline: RunPipeline
        var targetsHash: String
        var probesHash: String
    }

    private func loadConfiguration(targets: String, probes: String) throws -> Configuration {
        do {
            let list = try TargetList.load(path: targets)
            let probeConfiguration = try ProbeConfiguration.load(directory: probes)
            return Configuration(
                targets: list, discovery: try DiscoveryRules.load(from: probeConfiguration),
                pageNature: try PageNatureFile.load(from: probeConfiguration),
                search: try SearchCrawlRules.load(from: probeConfiguration, queriesFile: queries),
                pipeline: try RunPipeline(probes: probeConfiguration),
                targetsHash: try ContentHash.sha256(ofFile: targets),
                probesHash: try ContentHash.sha256(ofDirectory: probes))
        } catch let errors as ConfigurationErrors {
            throw RunFailure("bad configuration:\n" + errors.description)
        } catch let failure as RunFailure {
            throw failure
        } catch {
            throw RunFailure("bad configuration: \(error)")
        }
    }

    private func select(_ all: [Target], from file: String) throws -> [Target] {
        guard let only else { return all }
        let wanted = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let unknown = wanted.filter { id in !all.contains { $0.id == id } }
        guard unknown.isEmpty else {
            throw UsageFailure("--only names target ids that \(file) does not have: "
                + unknown.joined(separator: ", "))
        }
        return all.filter { wanted.contains($0.id) }
    }
}
