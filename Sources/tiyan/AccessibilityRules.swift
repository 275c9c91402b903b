import TiyanCore

/// Page-level accessibility results of `tiyan check` (SPEC "Page-level accessibility
/// results"): the ACT rules' indicators for the checked page's role, shown as
/// `{"id","act_rule","outcome","evidence"}` instead of indicators.
struct AccessibilityRules {
    var id: String
    var actRule: String
    var outcome: String
    var reason: String?
    var evidence: [Evidence]

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(id)), ("act_rule", .string(actRule)), ("outcome", .string(outcome)),
        ]
        if let reason { fields.append(("reason", .string(reason))) }
        fields.append(("evidence", .array(evidence.map(\.json))))
        return .object(fields)
    }

    var line: String {
        let head = "  ACT \(actRule) \(outcome.padding(toLength: 13, withPad: " ", startingAt: 0))"
        guard outcome == "failed" || outcome == "cantTell", let first = evidence.first else { return head }
        return head + " \(first.locator)  \(reason ?? "")"
    }

    /// Separates ACT results (indicators `ACT-<rule>-<role>`) from the other indicators,
    /// keeping the ACT results of `role` only. A page that could not be judged (no value)
    /// reads as cantTell.
    static func split(_ results: [IndicatorResult], role: PageRole) -> ([AccessibilityRules], [IndicatorResult]) {
        var rules: [AccessibilityRules] = []
        var others: [IndicatorResult] = []
        let suffix = "-\(role.rawValue)"
        for result in results {
            guard result.indicator.hasPrefix("ACT-") else {
                others.append(result)
                continue
            }
            guard result.indicator.hasSuffix(suffix) else { continue }
            let id = String(result.indicator.dropLast(suffix.count))
            var outcome = "cantTell"
            if case let .object(fields) = result.value,
               case let .string(value)? = fields.first(where: { $0.0 == "outcome" })?.1
            {
                outcome = value
            } else if result.status == .notApplicable {
                outcome = "inapplicable"
            }
            rules.append(AccessibilityRules(
                id: id, actRule: String(id.dropFirst(4)), outcome: outcome, reason: result.reason,
                evidence: result.evidence))
        }
        return (rules, others)
    }
}
