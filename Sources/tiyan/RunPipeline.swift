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
    let runner: ProbeRunner

    struct Outputs {
        var contents: ArchiveContents
        var results: [IndicatorResult]
        var scores: [TargetScore]
        var pages: [PageLine]
    }

    init(probes: ProbeConfiguration) throws {
        runner = try ProbeRunner(configuration: probes)
    }

    func evaluate(archive path: String) async throws -> Outputs {
        let contents: ArchiveContents
        do {
            contents = try WARCReader.read(path: path)
        } catch {
            throw RunFailure("cannot read archive \(path): \(error)")
        }
        let sites = contents.sites
        let runner = self.runner
        // Targets are independent: probe them in parallel, then put them back in recorded order.
        let perTarget = await withTaskGroup(of: (Int, [IndicatorResult]).self) { group in
            for (index, site) in sites.enumerated() {
                group.addTask { (index, runner.evaluate(site)) }
            }
            var collected = [[IndicatorResult]](repeating: [], count: sites.count)
            for await (index, results) in group { collected[index] = results }
            return collected
        }
        let results = perTarget.flatMap { $0 }
        let scores = Scorer.score(results: results, targets: contents.targets, modules: runner.modules)
        let pages = contents.resources.map { record -> PageLine in
            let textual = record.role.isPage || record.role == .script || record.role == .stylesheet || record.role == .robots
            guard textual, record.hasBody else { return PageLine(record: record, charset: nil, charsetSource: nil) }
            let decoded = CharsetDecoder.decode(record.body, contentType: record.contentType)
            return PageLine(record: record, charset: decoded.charset, charsetSource: decoded.source.rawValue)
        }
        return Outputs(contents: contents, results: results, scores: scores, pages: pages)
    }

    func writeResults(_ outputs: Outputs, to directory: String) throws {
        try AtomicFile.write(ResultsFile.render(outputs.results), to: directory + "/results.jsonl")
        try AtomicFile.write(ScoresFile.render(targets: outputs.contents.targets, scores: outputs.scores,
                                               modules: runner.modules), to: directory + "/scores.csv")
    }

    static func countsByStatus(_ results: [IndicatorResult]) -> [Status: Int] {
        var counts: [Status: Int] = [:]
        for result in results { counts[result.status, default: 0] += 1 }
        return counts
    }
}
