public import TiyanConfig
import TiyanCore

extension Assertions {
    static let ruleKeys = ["score", "coverage", "indicator", "min", "never", "targets", "allow_missing", "note"]

    /// Reads an assertion file (`assertions:` a list of rules); every problem is a
    /// `ConfigurationError` with file, line and field, all at once. Columns must be ones the
    /// scoring rules produce, so a typo (`totl`, `dimension:可 用`) cannot pass silently.
    public static func load(path: String, rules: ScoringRules) throws -> Assertions {
        let issues = ConfigurationIssues(file: path)
        guard let root = try YAMLReader.load(path: path) else {
            issues.report(line: nil, field: nil, "empty file")
            try issues.throwIfAny()
            return Assertions([])
        }
        let assertions = read(root, rules: rules, issues: issues)
        try issues.throwIfAny()
        return assertions
    }

    static func read(_ root: ConfigNode, rules: ScoringRules, issues: ConfigurationIssues) -> Assertions {
        let columns = Set([TargetScore.totalColumn] + rules.modules.map(\.name)
            + rules.dimensions.map { TargetScore.dimensionPrefix + $0.name }
            + rules.items.map { TargetScore.itemPrefix + $0.name })
        guard let list = root["assertions"], let items = list.items, !items.isEmpty else {
            issues.report(root, field: "assertions", "expected `assertions:` with a non-empty list of rules")
            return Assertions([])
        }
        var assertions: [Assertion] = []
        for (index, item) in items.enumerated() {
            let field = "assertions[\(index)]"
            guard let entries = item.entries else {
                issues.report(item, field: field, "expected a mapping such as {score: total, min: 60}")
                continue
            }
            for entry in entries where !ruleKeys.contains(entry.key) {
                issues.report(line: entry.keyLine, field: "\(field).\(entry.key)",
                              "unknown key (known: \(ruleKeys.joined(separator: ", ")))")
            }
            let kinds = ["score", "coverage", "indicator"].filter { item[$0] != nil }
            guard kinds.count == 1, let kind = kinds.first, let subject = item[kind]?.scalar, !subject.isEmpty else {
                issues.report(item, field: field, "give exactly one of score, coverage or indicator")
                continue
            }
            let targets = (item["targets"]?.items ?? []).compactMap(\.scalar)
            let allowMissing = item["allow_missing"]?.bool ?? false
            switch kind {
            case "indicator":
                guard let never = item["never"] else {
                    issues.report(item, field: field + ".never", "an indicator rule needs `never: [statuses]`")
                    continue
                }
                var statuses: [Status] = []
                for node in never.items ?? [never] {
                    guard let text = node.scalar, let status = Status(rawValue: text) else {
                        issues.report(node, field: field + ".never",
                                      "expected statuses from: \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
                        continue
                    }
                    statuses.append(status)
                }
                assertions.append(Assertion(rule: .never(indicator: IndicatorPattern(subject), statuses: statuses),
                                            targets: targets, allowMissing: allowMissing, line: item.line))
            default:
                guard columns.contains(subject) else {
                    issues.report(item[kind] ?? item, field: "\(field).\(kind)",
                                  "unknown column \(subject) (known: \(columns.sorted().joined(separator: ", ")))")
                    continue
                }
                guard let minimum = item["min"]?.double, (0...100).contains(minimum) else {
                    issues.report(item["min"] ?? item, field: field + ".min", "expected `min:` a number from 0 to 100")
                    continue
                }
                let rule: Rule = kind == "score" ? .score(column: subject, minimum: minimum)
                    : .coverage(column: subject, minimum: minimum)
                assertions.append(Assertion(rule: rule, targets: targets, allowMissing: allowMissing, line: item.line))
            }
        }
        return Assertions(assertions)
    }
}
