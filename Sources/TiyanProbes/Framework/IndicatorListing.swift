/// `tiyan validate --list`: one aligned line per indicator, saying how it is declared (its
/// kind, or `rule` for a Swift type of its own), where its logic and its configuration live and
/// how many examples test it, so a reader finds either side of an indicator from the other.
public enum IndicatorListing {
    public static let header = ["indicator", "kind", "swift", "yaml", "examples"]

    public static func lines(_ rules: [RuleDescription]) -> [String] {
        let rows = [header] + rules.map { rule in
            [rule.id, rule.kind ?? "rule", rule.swiftFile, "\(rule.file):\(rule.line)", String(rule.examples.count)]
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                column == row.count - 1 ? text : text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
