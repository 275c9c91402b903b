import TiyanCore

/// One indicator's logic: a pure function from an archived site to a finding. Its patterns,
/// thresholds and examples live in probes/<module>.yaml; `init(settings:)` reads them once,
/// so a bad pattern is a configuration error and not a failure at probe time.
protocol Rule: Sendable {
    /// The indicator id, e.g. `SB-05`; the key of the rule in the module's YAML.
    static var id: String { get }
    init(settings: RuleSettings) throws
    /// Decides the indicator. Throw `PageUnavailable` when the needed page cannot be judged;
    /// any other error becomes status `error` for this indicator alone.
    func evaluate(_ site: SiteContext) throws -> Finding
    /// True for the rules that judge the crawl's fetches of the home page themselves
    /// (reachability, HTTPS, IPv6, the domain): their verdict on a dead site is the finding.
    static var judgesTheFetches: Bool { get }
}

extension Rule {
    static var judgesTheFetches: Bool { false }
}

/// A module as Swift knows it: the name its YAML declares and the rules it implements.
struct ModuleDefinition: Sendable {
    var name: String
    var rules: [any Rule.Type]
}

/// Every module this build implements, in report order.
enum ProbeRegistry {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition(name: "basics", rules: BasicsModule.rules),
        ModuleDefinition(name: "english", rules: EnglishModule.rules),
        ModuleDefinition(name: "elder", rules: ElderModule.rules),
        ModuleDefinition(name: "accessibility", rules: AccessibilityModule.rules),
        ModuleDefinition(name: "privacy", rules: PrivacyModule.rules),
        ModuleDefinition(name: "login", rules: LoginModule.rules),
        ModuleDefinition(name: "search", rules: SearchModule.rules),
        ModuleDefinition(name: "services", rules: ServicesModule.rules),
    ]
}
