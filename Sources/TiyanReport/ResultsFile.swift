public import TiyanCore

/// results.jsonl: one indicator result per line, in the order given (the probe runner's order),
/// so a reprobe of the same archive writes the same bytes.
public enum ResultsFile {
    public static func render(_ results: [IndicatorResult]) -> String {
        JSONLines.render(results.map(\.json))
    }
}
