/// The outcome of an ACT rule for one test target or a page (ACT Rules Format 1.0 §4.4).
public enum ACTOutcome: String, Sendable, Hashable, CaseIterable {
    case passed, failed, inapplicable, cantTell

    /// The page outcome: failed if any target failed, else cantTell if any, else passed if any,
    /// else inapplicable.
    public static func combined(_ outcomes: [ACTOutcome]) -> ACTOutcome {
        if outcomes.contains(.failed) { return .failed }
        if outcomes.contains(.cantTell) { return .cantTell }
        if outcomes.contains(.passed) { return .passed }
        return .inapplicable
    }
}

/// One test target's outcome. `node` indexes the page's `DOMTree`; `reason` is one English
/// sentence, given for failures and cantTell.
public struct ACTTarget: Sendable, Hashable {
    public var node: Int
    public var outcome: ACTOutcome
    public var reason: String?

    public init(node: Int, outcome: ACTOutcome, reason: String? = nil) {
        self.node = node
        self.outcome = outcome
        self.reason = reason
    }

    static func passed(_ node: Int) -> ACTTarget { ACTTarget(node: node, outcome: .passed) }
    static func failed(_ node: Int, _ reason: String) -> ACTTarget { ACTTarget(node: node, outcome: .failed, reason: reason) }
    static func cantTell(_ node: Int, _ reason: String) -> ACTTarget {
        ACTTarget(node: node, outcome: .cantTell, reason: reason)
    }
    static func decide(_ node: Int, _ passes: Bool, _ reason: @autoclosure () -> String) -> ACTTarget {
        passes ? .passed(node) : .failed(node, reason())
    }
}

/// Domain data the rules read from probes/accessibility.yaml.
public struct ACTConfiguration: Sendable {
    public var languageTags: LanguageTagValidator
    public var autocomplete: AutocompleteGrammar

    public init(languageTags: LanguageTagValidator, autocomplete: AutocompleteGrammar) {
        self.languageTags = languageTags
        self.autocomplete = autocomplete
    }
}

/// One W3C ACT rule: its applicability picks the test targets, its expectations decide each.
public protocol ACTRule: Sendable {
    /// The ACT rule id, e.g. `b5c3f8`.
    static var id: String { get }
    init(configuration: ACTConfiguration)
    func targets(in page: AccessiblePage) -> [ACTTarget]
}
