import ArgumentParser
import Foundation
import TiyanReport

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "The league table across targets, per module or per dimension, with grade and rank.",
        discussion: """
            Reads scores.csv and run.json of finished run folders (no network, no re-probe). Targets are \
            ranked on the total, and within each module (--by module) or each 掌上好办 dimension and \
            一体化 item (--by dimension), by standard competition ranking: equal scores as printed share a \
            rank and the next rank skips (1, 2, 2, 4); unscored targets come last without a rank. \
            With two run folders the later one (by start time) is ranked and each target shows its movement \
            since the earlier one: rank delta (▲ climbed, ▼ fell), total delta, `new` targets, and the \
            targets dropped. Runs scored by different algorithm versions are compared with a warning; \
            re-score the older one with `tiyan reprobe RUN_DIR --probes DIR` first.
            \(ExitStatus.readRuns)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json, md }
    enum Grouping: String, ExpressibleByArgument, CaseIterable { case module, dimension }

    @Argument(help: "One run folder, or two to show movement since the earlier one.")
    var runDirectories: [String]

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Columns: module scores, or the dimension and item scores.")
    var by: Grouping = .module

    func validate() throws {
        guard (1...2).contains(runDirectories.count) else {
            throw ValidationError("give one run folder, or two to compare")
        }
    }

    func run() throws {
        do {
            var runs = try runDirectories.map(CompletedRun.open)
            runs.sort(by: RunFolder.chronological)
            guard let latest = runs.last else { return }
            let earlier = runs.count == 2 ? runs.first : nil
            if let earlier, earlier.algorithmVersion != latest.algorithmVersion {
                Progress.error("tiyan: warning: \(earlier.runID) was scored by algorithm \(earlier.algorithmVersion ?? "unknown") "
                              + "and \(latest.runID) by \(latest.algorithmVersion ?? "unknown"); score deltas mix rules")
            }
            let table = LeagueTable.make(
                latest: latest, scores: try latest.scores(),
                earlier: try earlier.map { (run: $0, scores: try $0.scores()) },
                by: by == .module ? .module : .dimension)
            switch format {
            case .text: print(table.renderText(), terminator: "")
            case .csv: print(table.renderCSV(), terminator: "")
            case .json: print(table.renderJSON(), terminator: "")
            case .md: print(table.renderMarkdown(), terminator: "")
            }
        } catch let failure as ReadFailure {
            Progress.error("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
    }
}
