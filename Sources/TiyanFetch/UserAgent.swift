import TiyanCore

/// The User-Agent a request presents. Pages that vary by device are fetched with a browser
/// profile; everything else with the honest tiyan UA naming a contact URL.
public enum UserAgent: Sendable, Hashable {
    case desktop
    case mobile
    case wechat
    case tiyan
    case custom(String)

    /// `desktop`, `mobile`, `wechat`, `tiyan`, or any other string taken literally.
    public init(profile: String) {
        switch profile {
        case "desktop": self = .desktop
        case "mobile": self = .mobile
        case "wechat": self = .wechat
        case "tiyan": self = .tiyan
        default: self = .custom(profile)
        }
    }

    public var profileName: String {
        switch self {
        case .desktop: return "desktop"
        case .mobile: return "mobile"
        case .wechat: return "wechat"
        case .tiyan: return "tiyan"
        case .custom: return "custom"
        }
    }

    /// The header value; browser profiles append `tiyan/<version> (+contact)` so operators can
    /// still tell who is visiting.
    public func headerValue(contactURL: String) -> String {
        let honest = UserAgentStrings.tiyan(contactURL: contactURL)
        switch self {
        case .desktop: return "\(UserAgentStrings.desktop) \(honest)"
        case .mobile: return "\(UserAgentStrings.mobile) \(honest)"
        case .wechat: return "\(UserAgentStrings.wechat) \(honest)"
        case .tiyan: return honest
        case .custom(let literal): return literal
        }
    }
}
