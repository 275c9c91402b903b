import TiyanCore

/// What the runner holds of a loaded indicator, whichever way it was declared: a pure function
/// from an archived site to a finding, configured once when probes/<module>.yaml is loaded (so a
/// bad pattern is a configuration error and not a failure at probe time).
protocol RuleLogic: Sendable {
    /// Decides the indicator. Throw `PageUnavailable` when the needed page cannot be judged;
    /// any other error becomes status `error` for this indicator alone.
    func evaluate(_ site: SiteContext) throws -> Finding
    /// True for the rules that judge the crawl's fetches of the home page themselves
    /// (reachability, HTTPS, IPv6, the domain): their verdict on a dead site is the finding.
    static var judgesTheFetches: Bool { get }
    /// The Swift file that holds the logic, for `tiyan validate --list` (a test checks it exists).
    static var sourceFile: String { get }
}

extension RuleLogic {
    static var judgesTheFetches: Bool { false }
    /// By the layout's convention a type lives in the file named after it, in its module's folder.
    static var sourceFile: String { "\(String(describing: Self.self)).swift" }
}

/// An indicator with logic of its own, bound by id to its entry in the module's YAML.
protocol Rule: RuleLogic {
    /// The indicator id, e.g. `SB-05`; the key of the rule in the module's YAML.
    static var id: String { get }
    init(settings: RuleSettings) throws
}

/// A family of indicators with one logic that differ only in their settings (one login method
/// or another, one filing mark or another). The YAML declares each of them with `kind: <name>`
/// and its settings, so a further indicator of the kind needs no Swift.
protocol RuleKind: RuleLogic {
    /// The `kind:` value in the YAML, e.g. `login_method`.
    static var kind: String { get }
    /// Builds one indicator of the kind from its YAML settings.
    static func make(_ settings: RuleSettings) throws -> any RuleLogic
}

/// A kind whose settings are one `Decodable` struct, each setting declared once as a typed
/// property (see `SettingsDecoder`), as SwiftLint declares a rule's configuration elements.
protocol DecodedRuleKind: RuleKind {
    associatedtype Settings: Decodable
    /// A kind that needs nothing beyond its settings gets this as its memberwise initializer.
    init(settings: Settings) throws
}

extension DecodedRuleKind {
    static func make(_ settings: RuleSettings) throws -> any RuleLogic {
        try Self(settings: Settings(from: SettingsDecoder(settings)))
    }
}

/// A module as Swift knows it: the name its YAML declares, the rules it implements by id, the
/// kinds its YAML may declare indicators of, and the source folder that holds them.
struct ModuleDefinition: Sendable {
    var name: String
    var rules: [any Rule.Type]
    var kinds: [any RuleKind.Type] = []
    var directory: String
}

/// Every module this build implements, in report order.
enum ProbeRegistry {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition(name: "basics", rules: BasicsModule.rules, kinds: BasicsModule.kinds, directory: "Basics"),
        ModuleDefinition(name: "english", rules: EnglishModule.rules, directory: "English"),
        ModuleDefinition(name: "elder", rules: ElderModule.rules, directory: "Elder"),
        ModuleDefinition(name: "accessibility", rules: AccessibilityModule.rules, directory: "Accessibility"),
        ModuleDefinition(name: "privacy", rules: PrivacyModule.rules, kinds: PrivacyModule.kinds, directory: "Privacy"),
        ModuleDefinition(name: "login", rules: LoginModule.rules, kinds: LoginModule.kinds, directory: "Login"),
        ModuleDefinition(name: "search", rules: SearchModule.rules, directory: "Search"),
        ModuleDefinition(
            name: "services", rules: ServicesModule.rules, kinds: ServicesModule.kinds, directory: "Services"),
    ]
}
