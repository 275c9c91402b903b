/// What a fetched resource is to its target. The first nine are the page roles of SPEC.md
/// (with progress, messages and guide of the services module);
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
    /// 办件进度查询: where the 办件 entry of the home page leads (SV-06: usable without login?).
    case progress
    /// 留言选登 / 回复公开: the list of answered messages (SV-14: days from 留言 to 回复).
    case messages
    /// 办事指南: a guide page reached from a home-page catalogue link or the first relevant
    /// search result for a gold service of the query set (SV-11..13).
    case guide
    case script
    case stylesheet
    case robots
    case httpProbe = "http_probe"
    case ipv6Probe = "ipv6_probe"
    case linkCheck = "link_check"
    /// A city (地市) portal linked from a provincial portal's city-entry block (SV-15: does it answer).
    case cityCheck = "city_check"
    /// A request a rendered page made, fulfilled by tiyan's fetcher instead of the browser's
    /// network stack (`discoveredFrom` names the page it served).
    case renderResource = "render_resource"

    /// Roles that are discovered from links and may be given as `hints` in targets.yaml.
    public static let discoverable: [PageRole] = [
        .login, .register, .privacy, .agreement, .english, .elder, .progress, .messages,
    ]

    /// Roles whose body is an HTML page a citizen would see.
    public var isPage: Bool {
        switch self {
        case .home, .homeMobile, .login, .register, .privacy, .agreement, .english, .elder, .searchResults,
             .progress, .messages, .guide:
            return true
        default:
            return false
        }
    }
}
