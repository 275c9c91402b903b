/// The login methods probes/login.yaml describes: a method `<key>` is the shared setting
/// `<key>_text` (with `<key>_markup` / `<key>_exclude` where it has them). LG-11 and LG-12 list
/// methods by key, so a further method is a YAML-only change.
enum LoginMethodCatalog {
    /// The detectors of the keys a setting lists; a key without its `<key>_text` is a
    /// configuration error.
    static func methods(_ settingKey: String, settings: RuleSettings) throws -> [LoginMethod] {
        try settings.keywords(settingKey).map { try method(key: $0, namedBy: settingKey, settings: settings) }
    }

    /// The citizen's login method `key`, which the setting `settingKey` names.
    static func method(key: String, namedBy settingKey: String, settings: RuleSettings) throws -> LoginMethod {
        guard settings.has("\(key)_text") else {
            throw settings.invalid(settingKey, "unknown login method \"\(key)\" (no shared setting \(key)_text)")
        }
        return try LoginMethod(key: key, settings: settings, citizenOnly: true)
    }
}
