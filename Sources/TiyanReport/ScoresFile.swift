public import TiyanCore
public import TiyanScoring

/// scores.csv for the ranking engine: `id,name,region,<module…>,total,grade`, one row per
/// target in `targets` order. An unscored module or total is an empty field, never 0, so a
/// site that could not be measured is not ranked as failing.
public enum ScoresFile {
    /// Rows end with LF rather than RFC 4180's CRLF: line-oriented tools and the readers of this
    /// file split on `\n`, and every CSV library accepts either.
    public static func render(targets: [Target], scores: [TargetScore], modules: [String]) -> String {
        let byTarget = Dictionary(scores.map { ($0.targetID, $0) }, uniquingKeysWith: { first, _ in first })
        var out = CSVField.row(["id", "name", "region"] + modules + ["total", "grade"]) + "\n"
        for target in targets {
            let score = byTarget[target.id]
            let moduleFields = modules.map { ScoreText.format(score?.score(of: $0)) }
            let fields = [target.id, target.name, target.region] + moduleFields
                + [ScoreText.format(score?.total), score?.grade ?? ""]
            out += CSVField.row(fields) + "\n"
        }
        return out
    }
}
