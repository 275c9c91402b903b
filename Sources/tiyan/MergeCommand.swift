import ArgumentParser
import Foundation
import TiyanArchive
import TiyanConfig
import TiyanCore
import TiyanProbes
import TiyanReport
import TiyanScoring

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shard runs of one crawl (crawl --shard K/N) into one run folder; prints its path.",
        discussion: """
            The archives are concatenated in shard order (gzip-member WARC files concatenate into a valid \
            WARC file), pages.jsonl offsets are shifted to match, results.jsonl lines are joined, scores.csv \
            is recomputed from them, run.json sums the shards and index.html is rendered anew. Refuses a set \
            that is not every shard 1…N of one crawl over the same targets, probes and scoring rules.
            \(ExitStatus.run)
            """)

    @Argument(help: "The shard run folders (any order).")
    var runDirectories: [String]

    @Option(help: "The output root the merged run folder is written under; `latest` there is pointed at it.")
    var out: String = "reports"

    @Option(help: "The probes directory whose scoring.yaml re-scores the joined results; its algorithm_version must be the shards'.")
    var probes: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "After the merge, remove completed runs in --out beyond the newest N.", valueName: "N"))
    var keep: Int?

    @Flag(help: "Print only errors and the run folder's path (for cron).")
    var quiet = false

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError(RunRetention.badKeep(keep)) }
    }

    func run() async throws {
        Progress.quiet = quiet
        do {
            try merge(probes: try DefaultData.probes(probes))
        } catch let failure as RunFailure {
            Progress.error("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
    }

    private func merge(probes: String) throws {
        let set = try ShardRunSet(directories: runDirectories)
        let runID = RunID.make(startedAt: set.startedAt)
        let folder = try NewRunFolder(root: out, runID: runID)
        defer { folder.lock.release() }
        let directory = folder.directory
        Progress.begin(runFolder: directory)

        let archive = directory + "/archive.warc.gz"
        let shifts = try ArchiveConcatenation.concatenate(
            set.members.map { $0.directory + "/archive.warc.gz" }, into: archive)
        var resultLines = ""
        var results: [IndicatorResult] = []
        var pages: [PageLine] = []
        var modules: [String]?
        for (member, shift) in zip(set.members, shifts) {
            let resultsText = try read(member.directory, "results.jsonl")
            resultLines += resultsText
            if !resultsText.isEmpty, !resultsText.hasSuffix("\n") { resultLines += "\n" }
            let resultsFile = member.directory + "/results.jsonl"
            for line in try RunFileDecoding.lines(resultsText, file: resultsFile) {
                results.append(try RunFileDecoding.result(line, file: resultsFile))
            }
            let pagesFile = member.directory + "/pages.jsonl"
            for line in try RunFileDecoding.lines(try read(member.directory, "pages.jsonl"), file: pagesFile) {
                var page = try RunFileDecoding.page(line, file: pagesFile)
                page.warcOffset = page.warcOffset.map { $0 + shift }
                pages.append(page)
            }
            let shardModules = try Self.modules(inScores: try read(member.directory, "scores.csv"))
            if let modules, modules != shardModules {
                throw RunFailure("\(member.directory)/scores.csv has modules \(shardModules), the others \(modules)")
            }
            modules = shardModules
        }
        let contents: ArchiveContents
        do {
            contents = try WARCReader.read(path: archive, bodies: false)
        } catch {
            throw RunFailure("the merged archive does not read back: \(error)")
        }
        let moduleList = modules ?? []
        let first = set.first.manifest
        let scorer: Scorer
        let guide: IndicatorGuide
        do {
            let configuration = try ProbeConfiguration.load(directory: probes)
            scorer = Scorer(rules: try ScoringRules.load(from: configuration))
            guide = try IndicatorGuides.make(runner: try ProbeRunner(configuration: configuration), configuration: configuration)
        } catch {
            throw RunFailure("bad scoring configuration in \(probes): \(error)")
        }
        if let shardVersion = first["algorithm_version"]?.stringValue, shardVersion != scorer.algorithmVersion {
            throw RunFailure(
                "the shards were scored by algorithm_version \(shardVersion), \(probes)/scoring.yaml is "
                    + "\(scorer.algorithmVersion): merge with the shards' probes, then reprobe the merged run")
        }
        let scores = scorer.score(results: results, targets: contents.targets, modules: moduleList)
        let options = (first["options"].flatMap { value -> [(String, String)]? in
            guard case let .object(pairs) = value else { return nil }
            return pairs.filter { $0.0 != "shard" }.map { ($0.0, $0.1.stringValue ?? $0.1.serialized()) }
        } ?? []) + [("merged_from", set.members.map { ($0.directory as NSString).lastPathComponent }
            .joined(separator: ","))]
        let manifest = RunManifest(
            runID: runID, startedAt: set.startedAt, finishedAt: set.finishedAt,
            toolVersion: first["tool_version"]?.stringValue ?? "",
            algorithmVersion: first["algorithm_version"]?.stringValue ?? "",
            targetsSHA256: first["targets_sha256"]?.stringValue ?? "",
            probesSHA256: first["probes_sha256"]?.stringValue ?? "", options: options,
            countsByStatus: RunPipeline.countsByStatus(results), targetCount: contents.targets.count,
            pageCount: pages.count, archiveSHA256: try? ArchiveHash.sha256(ofFile: archive))
        do {
            try AtomicFile.write(resultLines, to: directory + "/results.jsonl")
            try AtomicFile.write(ScoresFile.render(
                targets: contents.targets, scores: scores, modules: moduleList, algorithmVersion: scorer.algorithmVersion),
                                 to: directory + "/scores.csv")
            try AtomicFile.write(PagesFile.render(pages), to: directory + "/pages.jsonl")
            try ArchivedCopies.write(archive: archive, pages: pages, runID: runID, to: directory)
            try AtomicFile.write(HTMLReport.render(HTMLReportInput(
                manifest: manifest, targets: contents.targets, scores: scores, modules: moduleList,
                results: results, pages: pages, minimumCoverage: scorer.rules.coverage.minimum,
                guide: guide, screenshots: ReportScreenshots.load(archive: archive, contents: contents))),
                to: directory + "/index.html")
            // Last: run.json marks the run complete.
            try AtomicFile.write(manifest.render(), to: directory + "/run.json")
        } catch {
            throw RunFailure("cannot write the run folder: \(error)")
        }
        Progress.line("tiyan: merged \(set.members.count) shards, \(contents.targets.count) targets, \(results.count) results")
        try RunRetention.conclude(root: out, runID: runID, keep: keep, movesLatest: true)
        print(directory)
    }

    private func read(_ directory: String, _ name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
            let reason = FileAccess.problem(reading: directory + "/" + name, as: .file)
            throw RunFailure("cannot read \(directory)/\(name): \(reason)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The module columns of a scores.csv header: between `region` and `total` (columns after
    /// `total` may grow without concerning the merge).
    static func modules(inScores csv: String) throws -> [String] {
        let header = csv.split(separator: "\n", maxSplits: 1).first.map { $0.split(separator: ",").map(String.init) } ?? []
        guard header.prefix(3) == ["id", "name", "region"], let total = header.firstIndex(of: "total") else {
            throw RunFailure("scores.csv does not start with id,name,region,…,total")
        }
        return Array(header[3..<total])
    }
}
