public import TiyanConfig
import Foundation
import TiyanCore
public import TiyanScoring

/// What the report and the exports say about an indicator: its name (Chinese, from the module's
/// YAML) and English name, its sources, what a pass needs and what to change when it fails
/// (probes/report.yaml), and for ACT rules the W3C rule page and the WCAG criterion's page.
/// Plain data: the command line fills `rules` from the probe modules it loaded.
public struct IndicatorGuide: Sendable {
    /// One rule as its module's YAML describes it.
    public struct Rule: Sendable {
        public var id: String
        public var name: String
        public var sources: [Source]
        /// The indicator ids it reports (`ACT-b5c3f8-home`, …).
        public var indicators: [String]

        public init(id: String, name: String, sources: [Source], indicators: [String]) {
            self.id = id
            self.name = name
            self.sources = sources
            self.indicators = indicators
        }
    }

    public struct Source: Sendable, Hashable {
        public var standard: String
        public var clause: String
        public var tag: String

        public init(standard: String, clause: String, tag: String) {
            self.standard = standard
            self.clause = clause
            self.tag = tag
        }

        public var text: String { "[\(tag)] \(standard) — \(clause)" }
    }

    struct Advice: Sendable {
        var pattern: IndicatorPattern
        var english: String
        var pass: String
        var fix: String
    }

    /// Everything known about one indicator.
    public struct Info: Sendable {
        public var indicator: String
        public var rule: String
        public var name: String
        public var english: String?
        public var sources: [Source]
        public var pass: String?
        public var fix: String?
        /// Pages to read: the W3C ACT rule, the WCAG Understanding page of each criterion.
        public var links: [(label: String, url: String)]
    }

    public static let fileName = "report.yaml"
    public static let moduleName = "report"

    private var byIndicator: [String: Rule]
    private var advice: [Advice]

    public init(rules: [Rule] = []) {
        byIndicator = [:]
        for rule in rules {
            for indicator in rule.indicators { byIndicator[indicator] = rule }
        }
        advice = []
    }

    /// Reads probes/report.yaml when the configuration has it; a missing file leaves only names
    /// and sources, a malformed one is an error with file, line and field.
    public mutating func loadAdvice(from configuration: ProbeConfiguration) throws {
        guard let file = configuration.file(declaringModule: Self.moduleName) else { return }
        let issues = ConfigurationIssues(file: configuration.path(of: file))
        guard let root = try configuration.node(of: file), let entries = root["indicators"]?.entries else {
            issues.report(line: nil, field: "indicators", "expected a mapping of indicator id (or glob) to {en, pass, fix}")
            try issues.throwIfAny()
            return
        }
        var read: [Advice] = []
        for entry in entries {
            let field = "indicators.\(entry.key)"
            for key in entry.value.entries?.map(\.key) ?? [] where !["en", "pass", "fix"].contains(key) {
                issues.report(line: entry.keyLine, field: "\(field).\(key)", "unknown field (expected en, pass, fix)")
            }
            guard let english = entry.value["en"]?.scalar, let pass = entry.value["pass"]?.scalar,
                  let fix = entry.value["fix"]?.scalar, !english.isEmpty, !pass.isEmpty, !fix.isEmpty
            else {
                issues.report(line: entry.keyLine, field: field, "expected {en, pass, fix}, each non-empty")
                continue
            }
            read.append(Advice(pattern: IndicatorPattern(entry.key), english: english, pass: pass, fix: fix))
        }
        try issues.throwIfAny()
        advice = read
    }

    public func info(for indicator: String) -> Info {
        let rule = byIndicator[indicator]
        let found = advice.first { !$0.pattern.isGlob && $0.pattern.text == indicator }
            ?? advice.first { $0.pattern.isGlob && $0.pattern.matches(indicator) }
        let isACT = indicator.hasPrefix("ACT-")
        var links: [(label: String, url: String)] = []
        for source in rule?.sources ?? [] {
            if source.clause.hasPrefix("https://www.w3.org/") {
                links.append(("W3C ACT rule \(rule?.id.dropFirst(4) ?? "")", source.clause))
            } else if source.standard.hasPrefix("WCAG"), let page = Self.understandingPage(source.clause) {
                links.append(("WCAG \(source.clause)", page))
            }
        }
        return Info(
            indicator: indicator, rule: rule?.id ?? indicator, name: rule?.name ?? indicator,
            // An ACT rule's name is already English; say what kind of rule it is instead.
            english: isACT ? (rule == nil ? nil : "W3C ACT rule \(rule?.id.dropFirst(4) ?? "") · "
                + (Self.role(of: indicator) ?? "")) : found?.english,
            sources: rule?.sources ?? [], pass: found?.pass, fix: found?.fix, links: links)
    }

    /// `ACT-b5c3f8-home_mobile` → `home_mobile page`.
    static func role(of indicator: String) -> String? {
        let parts = indicator.split(separator: "-")
        guard parts.count >= 3 else { return nil }
        return parts.dropFirst(2).joined(separator: "-") + " page"
    }

    /// `3.1.1 Language of Page (A)` → the WCAG 2.1 Understanding page of that criterion; nil when
    /// the clause does not start with a criterion number and name.
    static func understandingPage(_ clause: String) -> String? {
        guard let match = clause.firstMatch(of: /^\s*[1-4]\.[0-9]+\.[0-9]+\s+([A-Za-z][A-Za-z ,\-()]*?)\s*(\([A]+\))?\s*$/)
        else { return nil }
        let slug = String(match.1).lowercased()
            .replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
            .replacingOccurrences(of: ",", with: "")
            .split(separator: " ").joined(separator: "-")
        guard !slug.isEmpty else { return nil }
        return "https://www.w3.org/WAI/WCAG21/Understanding/\(slug).html"
    }
}
