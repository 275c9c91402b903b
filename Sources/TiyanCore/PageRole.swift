/// What a fetched resource is to its target. The first nine are the page roles of SPEC.md;
/// the rest are resources fetched to decide indicators (scripts and stylesheets that pages load,
/// robots.txt, the plain-http probe of SB-02, IPv6 probe of SB-03, link checks of SB-11).
public enum PageRole: String, Sendable, Codable, CaseIterable, Hashable, CodingKeyRepresentable {
    case home
    case homeMobile = "home_mobile"
    case login
    case register
    case privacy
    case agreement
    case english
    case elder
    case searchResults = "search_results"
    case script
    case stylesheet
    case robots
    case httpProbe = "http_probe"
    case ipv6Probe = "ipv6_probe"
    case linkCheck = "link_check"

    /// Roles that are discovered from links and may be given as `hints` in targets.yaml.
    public static let discoverable: [PageRole] = [.login, .register, .privacy, .agreement, .english, .elder]

    /// Roles whose body is an HTML page a citizen would see.
    public var isPage: Bool {
        switch self {
        case .home, .homeMobile, .login, .register, .privacy, .agreement, .english, .elder, .searchResults:
            return true
        default:
            return false
        }
    }
}
