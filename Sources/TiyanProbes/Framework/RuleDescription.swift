/// Whether a rule judges one page (and what it loads) or the crawl of a whole site: `tiyan check`
/// runs only page rules, since a single file or URL has no robots.txt, plain-http probe,
/// IPv6 probe or link checks.
public enum RuleScope: String, Sendable, Hashable {
    case page
    case site
}

/// What a rule is, as its module's YAML describes it: for reports, `tiyan check` and the
/// generated example tests.
public struct RuleDescription: Sendable, Hashable {
    public var id: String
    public var module: String
    public var name: String
    public var sources: [RuleSource]
    public var examples: [RuleExample]
    /// Where the rule is configured, e.g. `probes/basics.yaml` line 40.
    public var file: String
    public var line: Int
    public var scope: RuleScope
    /// The indicator ids the rule reports: its own id, or one per page role for a rule judged
    /// on several pages (`ACT-b5c3f8-home`, …).
    public var indicators: [String]
    /// The `kind:` the YAML declares the indicator as, nil for a rule bound by id to its own type.
    public var kind: String?
    /// The Swift file of the logic, relative to the repository, e.g.
    /// `Sources/TiyanProbes/Login/LoginMethodPresence.swift`.
    public var swiftFile: String

    public init(
        id: String, module: String, name: String, sources: [RuleSource], examples: [RuleExample],
        file: String, line: Int, scope: RuleScope = .page, indicators: [String]? = nil, kind: String? = nil,
        swiftFile: String = ""
    ) {
        self.kind = kind
        self.swiftFile = swiftFile
        self.indicators = indicators ?? [id]
        self.scope = scope
        self.id = id
        self.module = module
        self.name = name
        self.sources = sources
        self.examples = examples
        self.file = file
        self.line = line
    }
}

/// A rule ready to run: its description and its Swift logic configured from YAML.
struct LoadedRule: Sendable {
    var description: RuleDescription
    var rule: any RuleLogic
}

struct LoadedModule: Sendable {
    var name: String
    var probeVersion: String
    var rules: [LoadedRule]
}
