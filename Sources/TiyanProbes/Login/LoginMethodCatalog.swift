/// Every method key probes/login.yaml describes, and whether it also has a markup XPath. LG-11
/// and LG-12 name methods by these keys in their settings.
enum LoginMethodCatalog {
    static let keys: [(key: String, hasMarkup: Bool)] = [
        ("password", true), ("sms", true), ("scan", true), ("social_security_card", false), ("face", false),
        ("ca", true), ("business_license", false), ("ctid", false), ("foreigner", false),
    ]

    /// The detectors of the keys a setting lists; an unknown key is a configuration error.
    static func methods(_ settingKey: String, settings: RuleSettings) throws -> [LoginMethod] {
        try settings.keywords(settingKey).map { key in
            guard let entry = keys.first(where: { $0.key == key }) else {
                throw settings.invalid(settingKey, "unknown login method \"\(key)\" (expected one of: "
                                       + keys.map(\.key).joined(separator: ", ") + ")")
            }
            return try LoginMethod(key: key, settings: settings, hasMarkup: entry.hasMarkup, citizenOnly: true,
                                   hasExclude: key == "scan")
        }
    }
}
