import TiyanCore

/// Kind `login_method` (LG-01 账号密码, LG-02 短信验证码, LG-04..08, any further method): one way
/// of logging in, present or not. The same search (DOM, script markup, bundles) over the login
/// pages, with the method's patterns from the module's shared settings.
struct LoginMethodPresence: RuleKind {
    static let kind = "login_method"

    struct Settings: Decodable {
        /// The method's key: its patterns are the shared `<method>_text` (and `_markup`,
        /// `_exclude`), the key LG-11 and LG-12 list it by.
        let method: String
        /// How a reason names the method, e.g. "SMS-code login".
        let label: String
    }

    let method: LoginMethod
    let label: String

    private init(method: LoginMethod, label: String) {
        self.method = method
        self.label = label
    }

    /// The method's patterns are shared settings named after its key, which the decoded
    /// settings alone cannot reach.
    static func make(_ settings: RuleSettings) throws -> any RuleLogic {
        let declared = try Settings(from: SettingsDecoder(settings))
        let method = try LoginMethodCatalog.method(key: declared.method, namedBy: "method", settings: settings)
        return LoginMethodPresence(method: method, label: declared.label)
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, staff: method)
        guard let hit = method.find(in: material) else { return material.negative(label) }
        return .found([hit])
    }
}
