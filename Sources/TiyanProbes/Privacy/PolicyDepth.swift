import TiyanCore

/// PR-03: clicks from the home page to the privacy policy, read from the crawl's
/// `discovered_from` chain (home → login → registration → policy). Only followed links count:
/// a link a loaded script writes is on the page that loads it, and a forward to the unified
/// identity host is not a click.
struct PolicyDepth: Rule {
    static let id = "PR-03"
    let maxClicks: Int

    init(settings: RuleSettings) throws { maxClicks = try settings.integer("max_clicks") }

    func evaluate(_ site: SiteContext) throws -> Finding {
        guard let policy = site.records(.privacy).first(where: { $0.error == nil }) ?? site.records(.privacy).first
        else {
            throw PageUnavailable(.undetermined, reason: "no privacy page was fetched, so its depth is unknown")
        }
        let homes = site.records(.home)
        let homeURLs = Set(homes.flatMap { [$0.url, $0.finalURL] })
        var chain: [String] = [policy.url]
        var clicks = 0
        var current = policy
        while true {
            guard let origin = current.discoveredFrom, !origin.hasPrefix("targets.yaml") else {
                throw PageUnavailable(
                    .undetermined, reason: "the privacy page was configured, not discovered: its depth is unknown",
                    evidence: [FetchOutcome.evidence(policy, current.discoveredFrom ?? "no discovered_from")])
            }
            // "URL XPATH «text»" is a link that was followed; a bare URL is a forward (meta
            // refresh, script redirect) or a script the page loads, unless a link came from it.
            let parentURL = String(origin.prefix { $0 != " " })
            let followedLink = origin.count > parentURL.count
            if homeURLs.contains(parentURL) {
                if followedLink { clicks += 1 }
                break
            }
            guard chain.count < 16, let parent = site.site.resources.first(where: {
                ($0.url == parentURL || $0.finalURL == parentURL) && $0.sequence != current.sequence
            }) else {
                throw PageUnavailable(
                    .undetermined, reason: "the chain of links to the privacy page breaks at \(parentURL)",
                    evidence: [FetchOutcome.evidence(policy, origin)])
            }
            if current.role.isPage && (followedLink || parent.role == .script) { clicks += 1 }
            chain.append(parent.url)
            current = parent
        }
        let path = (homes.first.map { [$0.url] } ?? []) + chain.reversed()
        let evidence = Evidence(
            url: policy.url, locator: "discovered_from", snippet: path.joined(separator: " → "),
            extra: [("clicks", .number(Double(clicks)))])
        let status: Status = clicks <= maxClicks ? .pass : .fail
        return Finding(
            status, value: .number(Double(clicks)), evidence: [evidence],
            reason: status == .fail ? "the policy is \(clicks) clicks from the home page (more than \(maxClicks))" : nil)
    }
}
