import TiyanScoring

/// The league table `tiyan rank` prints: every target of the latest run ranked on its total,
/// with its score and rank in each module (or each dimension and item), and — given an earlier
/// run — how far each target moved since. Built from scores.csv alone.
public struct LeagueTable: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case module, dimension
    }

    public struct Cell: Sendable {
        public var score: Double?
        public var rank: Int?
        /// Measured share of the column's indicator weight (0–100); nil in files before coverage.
        public var coverage: Double?
        /// Why the score is withheld (not graded, not ranked), when it is.
        public var withheld: String?
    }

    public enum Movement: Sendable {
        /// Not in the earlier run.
        case new
        /// Rank delta (positive = climbed) and total delta; nil where either run has no score.
        case moved(rank: Int?, total: Double?)
    }

    public struct Row: Sendable {
        public var id: String
        public var name: String
        public var region: String
        public var rank: Int?
        public var total: Double?
        public var grade: String?
        public var coverage: Double?
        /// Why the total is withheld (not graded, not ranked), when it is.
        public var withheld: String?
        public var cells: [Cell]
        public var vetoes: [String]
        public var movement: Movement?
    }

    /// A target of the earlier run that the latest one no longer has.
    public struct Dropped: Sendable {
        public var id: String
        public var name: String
        public var rank: Int?
        public var total: Double?
    }

    public var run: RunFolder
    public var earlier: RunFolder?
    public var grouping: Grouping
    public var columns: [String]
    public var rows: [Row]
    public var dropped: [Dropped]

    public static func make(latest: RunFolder, scores: ScoreTable, earlier: (run: RunFolder, scores: ScoreTable)?,
                            by grouping: Grouping) -> LeagueTable
    {
        let columns = grouping == .module ? scores.modules : scores.dimensions + scores.items
        let totals = CompetitionRanking.rank(scores.rows.map { (id: $0.id, score: $0.total) })
        var columnRanks: [String: [String: Int]] = [:]
        for column in columns {
            let ranked = CompetitionRanking.rank(scores.rows.map { (id: $0.id, score: $0.scores[column]) })
            columnRanks[column] = Dictionary(ranked.compactMap { entry in entry.rank.map { (entry.id, $0) } },
                                             uniquingKeysWith: { first, _ in first })
        }
        let previous = earlier.map { earlier in
            Dictionary(CompetitionRanking.rank(earlier.scores.rows.map { (id: $0.id, score: $0.total) })
                .map { ($0.id, (rank: $0.rank, total: $0.score)) }, uniquingKeysWith: { first, _ in first })
        }
        let byID = Dictionary(scores.rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        for entry in totals {
            guard let row = byID[entry.id] else { continue }
            var movement: Movement?
            if let previous {
                if let before = previous[row.id] {
                    let rankDelta = zip(before.rank, entry.rank).map { $0.0 - $0.1 }
                    let totalDelta = zip(CompetitionRanking.shown(row.total), CompetitionRanking.shown(before.total))
                        .map { $0.0 - $0.1 }
                    movement = .moved(rank: rankDelta, total: totalDelta)
                } else {
                    movement = .new
                }
            }
            rows.append(Row(
                id: row.id, name: row.name, region: row.region, rank: entry.rank, total: row.total, grade: row.grade,
                coverage: row.coverage["total"], withheld: row.withheld["total"],
                cells: columns.map { column in
                    Cell(score: row.scores[column], rank: columnRanks[column]?[row.id],
                         coverage: row.coverage(of: column, in: scores), withheld: row.withheldReason(of: column, in: scores))
                },
                vetoes: row.vetoes, movement: movement))
        }
        var dropped: [Dropped] = []
        if let earlier, let previous {
            for row in earlier.scores.rows where byID[row.id] == nil {
                dropped.append(Dropped(id: row.id, name: row.name, rank: previous[row.id]?.rank ?? nil, total: row.total))
            }
        }
        return LeagueTable(run: latest, earlier: earlier?.run, grouping: grouping, columns: columns, rows: rows,
                           dropped: dropped)
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
