import TiyanCore

/// SB-04: the portal lives under .gov.cn (or the 政务 Chinese top-level domain, also in its
/// punycode form). Both the configured address and where the home page ends up must qualify.
struct GovernmentDomain: Rule {
    static let id = "SB-04"
    static let judgesTheFetches = true
    let suffixes: [String]

    init(settings: RuleSettings) throws {
        suffixes = try settings.keywords("suffixes").map { $0.lowercased() }
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        var urls = [site.site.target.url]
        if let home = site.records(.home).first(where: { $0.status != nil }), home.finalURL != site.site.target.url {
            urls.append(home.finalURL)
        }
        var evidence: [Evidence] = []
        var allMatch = true
        for url in urls {
            guard let host = HostName.of(url) else {
                throw PageUnavailable(.undetermined, reason: "no host in \(url)")
            }
            let matches = suffixes.contains { host == $0 || host.hasSuffix("." + $0) }
            allMatch = allMatch && matches
            evidence.append(Evidence(url: url, locator: "url:host", snippet: host))
        }
        return Finding(allMatch ? .pass : .fail, value: .bool(allMatch), evidence: evidence)
    }
}
