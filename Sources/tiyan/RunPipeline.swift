import Foundation
import TiyanArchive
import TiyanConfig
import TiyanCore
import TiyanHTML
import TiyanProbes
import TiyanReport
import TiyanScoring

/// probe → score → report over an archive. `crawl` and `reprobe` share it, so a reprobe of the
/// same archive with the same probes writes byte-identical results.jsonl and scores.csv.
struct RunPipeline {
    /// `var` so that `--profile` can attach a `ProbeProfile`.
    var runner: ProbeRunner
    let scorer: Scorer
    /// Names, sources and fixes for the report.
    let guide: IndicatorGuide

    struct Outputs {
        var contents: ArchiveContents
        var results: [IndicatorResult]
        var scores: [TargetScore]
        var pages: [PageLine]
    }

    /// Loads the probe modules and the scoring rules, reporting the problems of both at once.
    init(probes: ProbeConfiguration) throws {
        var errors: [ConfigurationError] = []
        var runner: ProbeRunner?
        var rules: ScoringRules?
        do { runner = try ProbeRunner(configuration: probes) } catch let failure as ConfigurationErrors {
            errors += failure.errors
        }
        do { rules = try ScoringRules.load(from: probes) } catch let failure as ConfigurationErrors {
            errors += failure.errors
        }
        guard let runner, let rules, errors.isEmpty else { throw ConfigurationErrors(errors) }
        self.runner = runner
        scorer = Scorer(rules: rules)
        guide = try IndicatorGuides.make(runner: runner, configuration: probes)
    }

    /// Reads the archive's index, then judges the sites in probe worker processes (see
    /// `ProbeSupervisor`), each site's bodies read only while it is judged, so memory follows
    /// the sites in flight, not the whole run, and a crash or a runaway rule costs one target.
    func evaluate(archive path: String, isolation: ProbeIsolation) async throws -> Outputs {
        let contents: ArchiveContents
        do {
            contents = try WARCReader.read(path: path, bodies: false)
        } catch {
            throw RunFailure("cannot read archive \(path): \(error)")
        }
        Progress.begin(.probe, total: contents.sites.count)
        let perTarget: [SiteOutput]
        if let supervisor = ProbeSupervisor(isolation: isolation, archive: path, runner: runner) {
            perTarget = try supervisor.judge(contents.sites, info: contents.info)
        } else {
            perTarget = try await Self.evaluateInProcess(contents.sites, info: contents.info, path: path, runner: runner)
        }
        let results = perTarget.flatMap(\.results)
        let scores = scorer.score(results: results, targets: contents.targets, modules: runner.modules)
        var charsets: [Int64: Charset] = [:]
        var judgedErrors: [Int64: JudgedError] = [:]
        for output in perTarget {
            charsets.merge(output.charsets) { first, _ in first }
            judgedErrors.merge(output.judgedErrors) { first, _ in first }
        }
        let pages = contents.resources.map { record -> PageLine in
            let facts = record.warcOffset.flatMap { charsets[$0] }
            var line = PageLine(record: record, charset: facts?.name, charsetSource: facts?.source)
            // The index was read without bodies; their sizes come from the per-target pass.
            line.bytes = facts?.bytes ?? 0
            if let judged = record.warcOffset.flatMap({ judgedErrors[$0] }) { line.error = judged.error?.rawValue }
            return line
        }
        return Outputs(contents: contents, results: results, scores: scores, pages: pages)
    }

    /// Every site judged in this process, a few at a time (the worker's way, and the fallback
    /// when no worker can be started).
    static func evaluateInProcess(_ sites: [ArchivedSite], info: ArchiveRunInfo, path: String, runner: ProbeRunner)
        async throws -> [SiteOutput]
    {
        try await withThrowingTaskGroup(of: (Int, SiteOutput).self) { group in
            var next = 0
            func startNext() {
                guard next < sites.count else { return }
                let index = next
                next += 1
                group.addTask {
                    let (site, charsets) = try RunPipeline.load(sites[index], info: info, path: path)
                    return (index, RunPipeline.judge(site, charsets: charsets, runner: runner))
                }
            }
            for _ in 0..<sitesInFlight { startNext() }
            var collected = [SiteOutput?](repeating: nil, count: sites.count)
            while let (index, output) = try await group.next() {
                collected[index] = output
                Progress.targetDone(sites[index].target.id)
                // Stopped by a signal: the sites in flight finish, no new one starts.
                try Task.checkCancellation()
                startNext()
            }
            return collected.compactMap { $0 }
        }
    }

    /// One site per core the process may run on: probing is CPU-bound (the archive's bodies come
    /// from the page cache), and each site in flight holds its bodies and parsed pages, so more
    /// sites than cores only raised the peak (two per core: 668 MB for a 5-portal farm).
    static let sitesInFlight = max(1, usableCores())

    /// The cores of this process's affinity mask (`taskset -c 0` gives one), not of the machine.
    /// Read from /proc/self/status's `Cpus_allowed` mask (Glibc's module does not export
    /// sched_getaffinity); the machine's count where that cannot be read.
    static func usableCores() -> Int {
        let machine = ProcessInfo.processInfo.activeProcessorCount
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
        else { return machine }
        let mask = line.dropFirst("Cpus_allowed:".count).filter(\.isHexDigit)
        let count = mask.reduce(0) { $0 + (Int(String($1), radix: 16) ?? 0).nonzeroBitCount }
        return count > 0 ? min(count, machine) : machine
    }

    /// What pages.jsonl says of a body (the body itself is not kept): its size and charset.
    struct Charset: Sendable {
        var name: String?
        var source: String?
        var bytes: Int
    }

    /// A page's error class as the probes derived it from its bytes (pages.jsonl's `error`).
    struct JudgedError: Sendable {
        var error: FetchErrorClass?
    }

    struct SiteOutput: Sendable {
        var results: [IndicatorResult]
        var charsets: [Int64: Charset]
        var judgedErrors: [Int64: JudgedError] = [:]
    }

    /// A site with its bodies read from the archive, and the charset facts of each body.
    static func load(_ index: ArchivedSite, info: ArchiveRunInfo, path: String) throws
        -> (ArchivedSite, [Int64: Charset])
    {
        let resources: [FetchRecord]
        let renders: [RenderedView]
        do {
            resources = try WARCReader.loadingBodies(of: index.resources, info: info, path: path)
            renders = try WARCReader.loadingRenders(of: index.renders, info: info, path: path)
        } catch {
            throw RunFailure("cannot read archive \(path): \(error)")
        }
        let site = ArchivedSite(target: index.target, runStart: index.runStart, resources: resources, renders: renders)
        var charsets: [Int64: Charset] = [:]
        for record in resources {
            guard let offset = record.warcOffset else { continue }
            let textual = record.role.isPage || record.role == .script || record.role == .stylesheet || record.role == .robots
            guard textual, record.hasBody else {
                charsets[offset] = Charset(name: nil, source: nil, bytes: record.body.count)
                continue
            }
            let decoded = CharsetDecoder.decode(record.body, contentType: record.contentType)
            charsets[offset] = Charset(name: decoded.charset, source: decoded.source.rawValue, bytes: record.body.count)
        }
        return (site, charsets)
    }

    /// The site's results, sorted by indicator, with what pages.jsonl says of its bodies.
    static func judge(_ site: ArchivedSite, charsets: [Int64: Charset], runner: ProbeRunner) -> SiteOutput {
        var results: [IndicatorResult] = []
        var judgedErrors: [Int64: JudgedError] = [:]
        runner.evaluate(site, indicators: nil, onJudgedPage: { record in
            if let offset = record.warcOffset { judgedErrors[offset] = JudgedError(error: record.error) }
        }, onResult: { results.append($0) })
        return SiteOutput(
            results: results.sorted { $0.indicator < $1.indicator }, charsets: charsets, judgedErrors: judgedErrors)
    }

    func writeResults(_ outputs: Outputs, to directory: String) throws {
        try AtomicFile.write(ResultsFile.render(outputs.results), to: directory + "/results.jsonl")
        try AtomicFile.write(ScoresFile.render(targets: outputs.contents.targets, scores: outputs.scores,
                                               modules: runner.modules, algorithmVersion: scorer.algorithmVersion),
                             to: directory + "/scores.csv")
    }

    static func countsByStatus(_ results: [IndicatorResult]) -> [Status: Int] {
        var counts: [Status: Int] = [:]
        for result in results { counts[result.status, default: 0] += 1 }
        return counts
    }
}
