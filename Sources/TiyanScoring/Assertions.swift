import Foundation
public import TiyanCore

/// Thresholds a run must meet, for cron and CI (`tiyan crawl --assert FILE`), in the manner of
/// Lighthouse CI's assertions and pa11y-ci's threshold: each rule is checked against every
/// target (or the ones it names) after scoring, and every breach is one line of the summary.
public struct Assertions: Sendable {
    public enum Rule: Sendable, Hashable {
        /// A score column (`total`, a module, `dimension:<name>`, `item:<name>`) at least `minimum`.
        case score(column: String, minimum: Double)
        /// The measured share of a column's indicator weight (0–100) at least `minimum`.
        case coverage(column: String, minimum: Double)
        /// No result of the indicator (an id or glob) has one of these statuses.
        case never(indicator: IndicatorPattern, statuses: [Status])
    }

    public struct Assertion: Sendable, Hashable {
        public var rule: Rule
        /// The targets it applies to; empty for every target.
        public var targets: [String]
        /// Whether a score that is missing (unscored or withheld) passes; by default it breaches a
        /// minimum, since "every total ≥ 60" is not shown by a portal that could not be measured.
        public var allowMissing: Bool
        /// The file line, for the summary.
        public var line: Int

        public init(rule: Rule, targets: [String] = [], allowMissing: Bool = false, line: Int = 0) {
            self.rule = rule
            self.targets = targets
            self.allowMissing = allowMissing
            self.line = line
        }

        public var description: String {
            let scope = targets.isEmpty ? "every target" : targets.joined(separator: ", ")
            switch rule {
            case let .score(column, minimum): return "\(column) of \(scope) ≥ \(Coverage.format(minimum))"
            case let .coverage(column, minimum): return "coverage of \(column) of \(scope) ≥ \(Coverage.format(minimum))%"
            case let .never(indicator, statuses):
                return "\(indicator.text) of \(scope) never \(statuses.map(\.rawValue).joined(separator: "/"))"
            }
        }
    }

    public struct Breach: Sendable, Hashable, CustomStringConvertible {
        public var assertion: Assertion
        public var target: String
        public var detail: String

        public var description: String {
            "line \(assertion.line): \(assertion.description): \(target) \(detail)"
        }
    }

    public var assertions: [Assertion]

    public init(_ assertions: [Assertion]) {
        self.assertions = assertions
    }

    /// Every breach, in assertion order and then target order; empty when the run passes.
    public func check(scores: [TargetScore], results: [IndicatorResult]) -> [Breach] {
        var breaches: [Breach] = []
        let byTarget = Dictionary(grouping: results, by: \.target)
        for assertion in assertions {
            for score in scores where assertion.targets.isEmpty || assertion.targets.contains(score.targetID) {
                let target = score.targetID
                switch assertion.rule {
                case let .score(column, minimum):
                    guard let value = Self.score(column, in: score) else {
                        if !assertion.allowMissing {
                            let why = score.withheldReason(of: column).map { "not rankable: \($0)" } ?? "not scored"
                            breaches.append(Breach(assertion: assertion, target: target, detail: "has no \(column) (\(why))"))
                        }
                        continue
                    }
                    let shown = (value * 10).rounded() / 10
                    if shown < minimum {
                        breaches.append(Breach(assertion: assertion, target: target,
                                               detail: "has \(column) \(Self.one(shown))"))
                    }
                case let .coverage(column, minimum):
                    guard let value = score.coverage[column] else {
                        if !assertion.allowMissing {
                            breaches.append(Breach(assertion: assertion, target: target,
                                                   detail: "has nothing owed in \(column)"))
                        }
                        continue
                    }
                    let shown = (value * 10).rounded() / 10
                    if shown < minimum {
                        breaches.append(Breach(assertion: assertion, target: target,
                                               detail: "has \(Self.one(shown))% of \(column) measured"))
                    }
                case let .never(indicator, statuses):
                    let hits = (byTarget[target] ?? []).filter {
                        indicator.matches($0.indicator) && statuses.contains($0.status)
                    }
                    for hit in hits {
                        breaches.append(Breach(assertion: assertion, target: target,
                                               detail: "has \(hit.indicator) \(hit.status.rawValue)"
                                                   + (hit.reason.map { ": \($0)" } ?? "")))
                    }
                }
            }
        }
        return breaches
    }

    static func score(_ column: String, in score: TargetScore) -> Double? {
        if column == TargetScore.totalColumn { return score.total }
        if column.hasPrefix(TargetScore.dimensionPrefix) {
            let name = String(column.dropFirst(TargetScore.dimensionPrefix.count))
            return score.dimensions.first { $0.name == name }?.score ?? nil
        }
        if column.hasPrefix(TargetScore.itemPrefix) {
            let name = String(column.dropFirst(TargetScore.itemPrefix.count))
            return score.items.first { $0.name == name }?.score ?? nil
        }
        return score.score(of: column)
    }

    static func one(_ value: Double) -> String {
        String(format: "%.1f", locale: nil, value)
    }
}

extension Assertions {
    /// The stderr summary: a count, then one breach per line.
    public static func summary(_ breaches: [Breach], checked: Int) -> String {
        guard !breaches.isEmpty else { return "tiyan: all \(checked) assertions hold" }
        return "tiyan: \(breaches.count) assertion failure\(breaches.count == 1 ? "" : "s") (of \(checked) assertions):\n"
            + breaches.map { "  \($0.description)" }.joined(separator: "\n")
    }
}
