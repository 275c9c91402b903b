public import TiyanCore
import Foundation

/// How the crawl recognises each page role from links, read from probes/discovery.yaml so that a
/// new keyword never needs a recompile.
public struct DiscoveryRules: Sendable {
    public struct RolePatterns: Sendable {
        public var text: Pattern?
        public var title: Pattern?
        public var href: Pattern?
        public var exclude: Pattern?
    }

    public struct Limits: Sendable {
        public var scripts = 12
        public var stylesheets = 8
        public var linkChecks = 20
        public var homeAttempts = 1
        /// Guide pages (办事指南) followed per target for the gold services of the query set.
        public var guides = 3
        /// City portal links of a provincial portal checked per target (SV-15).
        public var cityChecks = 20
        /// Requests a rendered page may have tiyan's fetcher serve beyond what the crawl already
        /// holds (its bundles, data APIs, images); past it the browser is refused.
        public var renderRequests = 80
        /// Pages rendered per target.
        public var renders = 12
    }

    /// Which same-site scripts the crawl spends its script budget on, and which are page parts
    /// (header, footer) whose markup a probe misses when they were not read.
    public struct ScriptBudget: Sendable {
        /// Libraries (jQuery, layui, swiper, …) write no page content: never fetched.
        public var libraries: Pattern?
        /// File-name patterns in order of value: a script matching an earlier one is fetched first.
        public var priority: [Pattern] = []
        /// Scripts that write the page's header or footer (a subset of the priority names).
        public var pageParts: Pattern?
        /// An XPath to header/footer elements left empty for a script to fill.
        public var placeholders: String?

        public init(libraries: Pattern? = nil, priority: [Pattern] = [], pageParts: Pattern? = nil,
                    placeholders: String? = nil) {
            self.libraries = libraries
            self.priority = priority
            self.pageParts = pageParts
            self.placeholders = placeholders
        }

        /// The last path segment, lower-cased, without query or fragment: `jquery-1.8.3.min.js`.
        public static func fileName(of url: String) -> String {
            var path = Substring(url)
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
            return path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        }

        public func isLibrary(_ url: String) -> Bool { libraries?.matches(Self.fileName(of: url)) ?? false }

        public func isPagePart(_ url: String) -> Bool { pageParts?.matches(Self.fileName(of: url)) ?? false }
    }

    public var roles: [PageRole: RolePatterns]
    public var unifiedLoginHost: Pattern?
    /// The text of a link to a city (地市) portal in a provincial portal's city-entry block (SV-15).
    public var cityLink: Pattern?
    public var limits: Limits
    /// Link texts and titles longer than this are not entries but titles that mention the words.
    public var maxTextLength = 16
    public var scriptBudget = ScriptBudget()

    public static let fileName = "discovery.yaml"

    /// Reads probes/discovery.yaml from a directory (loading the whole probes/ configuration).
    public static func load(directory: String) throws -> DiscoveryRules {
        try load(from: ProbeConfiguration.load(directory: directory))
    }

    /// Decodes discovery.yaml of an already loaded configuration, so that decoding errors and
    /// bad patterns name the file, line and field like every other probe file's.
    public static func load(from configuration: ProbeConfiguration) throws -> DiscoveryRules {
        let raw = try configuration.decode(RawRules.self, from: fileName)
        let root = try configuration.node(of: fileName)
        let file = configuration.path(of: fileName)
        var errors: [ConfigurationError] = []
        func compile(_ source: String?, field: String) -> Pattern? {
            guard let source else { return nil }
            do { return try Pattern(source) } catch {
                let line = root?.line(at: field.split(separator: ".").map(String.init))
                errors.append(ConfigurationError(file: file, line: line, field: field, message: "invalid regular expression"))
                return nil
            }
        }
        var roles: [PageRole: RolePatterns] = [:]
        for (name, patterns) in raw.roles.sorted(by: { $0.key < $1.key }) {
            guard let role = PageRole(rawValue: name), PageRole.discoverable.contains(role) else {
                errors.append(ConfigurationError(file: file, line: root?.line(at: ["roles", name]), field: "roles.\(name)",
                                                 message: "not a discoverable role"))
                continue
            }
            roles[role] = RolePatterns(
                text: compile(patterns.text, field: "roles.\(name).text"),
                title: compile(patterns.title, field: "roles.\(name).title"),
                href: compile(patterns.href, field: "roles.\(name).href"),
                exclude: compile(patterns.exclude, field: "roles.\(name).exclude"))
        }
        let host = compile(raw.unified_login_host, field: "unified_login_host")
        let city = compile(raw.city_link, field: "city_link")
        var limits = Limits()
        if let l = raw.limits {
            limits.scripts = l.scripts ?? limits.scripts
            limits.stylesheets = l.stylesheets ?? limits.stylesheets
            limits.linkChecks = l.link_checks ?? limits.linkChecks
            limits.homeAttempts = max(1, l.home_attempts ?? limits.homeAttempts)
            limits.guides = max(0, l.guides ?? limits.guides)
            limits.cityChecks = max(0, l.city_checks ?? limits.cityChecks)
            limits.renderRequests = max(0, l.render_requests ?? limits.renderRequests)
            limits.renders = max(0, l.renders ?? limits.renders)
        }
        var budget = ScriptBudget()
        if let raw = raw.script_budget {
            budget.libraries = compile(raw.libraries, field: "script_budget.libraries")
            budget.priority = (raw.priority ?? []).enumerated().compactMap {
                compile($1, field: "script_budget.priority.\($0)")
            }
            budget.pageParts = compile(raw.page_parts, field: "script_budget.page_parts")
            budget.placeholders = raw.placeholders
        }
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        var rules = DiscoveryRules(roles: roles, unifiedLoginHost: host, limits: limits)
        rules.maxTextLength = raw.max_text_length ?? rules.maxTextLength
        rules.cityLink = city
        rules.scriptBudget = budget
        return rules
    }

    // Field names mirror the YAML keys.
    private struct RawRules: Decodable {
        struct RawRole: Decodable {
            var text: String?
            var title: String?
            var href: String?
            var exclude: String?
        }
        struct RawLimits: Decodable {
            var scripts: Int?
            var stylesheets: Int?
            var link_checks: Int?
            var home_attempts: Int?
            var guides: Int?
            var city_checks: Int?
            var render_requests: Int?
            var renders: Int?
        }
        struct RawScriptBudget: Decodable {
            var source: String?
            var libraries: String?
            var priority: [String]?
            var page_parts: String?
            var placeholders: String?
        }
        var module: String
        var version: Int
        var source: String?
        var max_text_length: Int?
        var roles: [String: RawRole]
        var unified_login_host: String?
        var city_link: String?
        var limits: RawLimits?
        var script_budget: RawScriptBudget?
    }
}
