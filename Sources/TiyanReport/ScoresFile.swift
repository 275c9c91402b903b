public import TiyanCore
public import TiyanScoring

/// scores.csv for the ranking engine: `id,name,region,<module…>,total,grade`, then one
/// `dimension:<name>` column per 掌上好办 dimension, one `item:<name>` column per 一体化 item, one
/// `coverage:<column>` per score column before it (module, total, dimension, item: the measured
/// share of its indicator weight, 0–100), `not_rankable` (the withheld scores and why,
/// `column: reason` joined by ` | `), `veto` (the indicators whose 单项否决 capped the total,
/// `;`-separated) and `algorithm_version`; one row per target in `targets` order. An unscored or
/// withheld module, total, dimension or item is an empty field, never 0, so a site that could
/// not be measured is neither ranked as failing nor ranked at all. The prefixes keep the columns
/// self-describing for `tiyan rank`.
public enum ScoresFile {
    public static let dimensionPrefix = TargetScore.dimensionPrefix
    public static let itemPrefix = TargetScore.itemPrefix
    public static let coveragePrefix = "coverage:"
    public static let withheldSeparator = " | "

    /// The score columns of a table, in file order: modules, total, dimensions, items.
    static func scoreColumns(modules: [String], dimensions: [String], items: [String]) -> [String] {
        modules + [TargetScore.totalColumn] + dimensions.map { dimensionPrefix + $0 } + items.map { itemPrefix + $0 }
    }

    /// Rows end with LF rather than RFC 4180's CRLF: line-oriented tools and the readers of this
    /// file split on `\n`, and every CSV library accepts either.
    public static func render(targets: [Target], scores: [TargetScore], modules: [String], algorithmVersion: String)
        -> String
    {
        let byTarget = Dictionary(scores.map { ($0.targetID, $0) }, uniquingKeysWith: { first, _ in first })
        let dimensions = scores.first?.dimensions.map(\.name) ?? []
        let items = scores.first?.items.map(\.name) ?? []
        let coverageColumns = scoreColumns(modules: modules, dimensions: dimensions, items: items)
        var out = CSVField.row(["id", "name", "region"] + modules + ["total", "grade"]
            + dimensions.map { dimensionPrefix + $0 } + items.map { itemPrefix + $0 }
            + coverageColumns.map { coveragePrefix + $0 } + ["not_rankable", "veto", "algorithm_version"]) + "\n"
        for target in targets {
            let score = byTarget[target.id]
            let moduleFields = modules.map { ScoreText.format(score?.score(of: $0)) }
            let dimensionFields = dimensions.map { name in
                ScoreText.format(score?.dimensions.first { $0.name == name }?.score ?? nil)
            }
            let itemFields = items.map { name in ScoreText.format(score?.items.first { $0.name == name }?.score ?? nil) }
            let coverageFields = coverageColumns.map { ScoreText.format(score?.coverage[$0]) }
            let withheld = (score?.withheld ?? []).map { "\($0.column): \($0.reason)" }.joined(separator: withheldSeparator)
            let fields = [target.id, target.name, target.region] + moduleFields
                + [ScoreText.format(score?.total), score?.grade ?? ""] + dimensionFields + itemFields + coverageFields
                + [withheld, (score?.vetoes ?? []).map(\.indicator).joined(separator: ";"), algorithmVersion]
            out += CSVField.row(fields) + "\n"
        }
        return out
    }
}
