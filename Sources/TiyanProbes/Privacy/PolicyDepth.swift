import TiyanCore

/// PR-03: clicks from the home page to the privacy policy, read from the crawl's
/// `discovered_from` chain (home → login → registration → policy). A script the home page
/// loads is not a click: a link it writes is on the home page.
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
        var clicks = 1
        var current = policy
        while true {
            guard let origin = current.discoveredFrom, !origin.hasPrefix("targets.yaml") else {
                throw PageUnavailable(
                    .undetermined, reason: "the privacy page was configured, not discovered: its depth is unknown",
                    evidence: [FetchOutcome.evidence(policy, current.discoveredFrom ?? "no discovered_from")])
            }
            let parentURL = String(origin.prefix { $0 != " " })
            if homeURLs.contains(parentURL) { break }
            guard chain.count < 16, let parent = site.site.resources.first(where: {
                ($0.url == parentURL || $0.finalURL == parentURL) && $0.sequence != current.sequence
            }) else {
                throw PageUnavailable(
                    .undetermined, reason: "the chain of links to the privacy page breaks at \(parentURL)",
                    evidence: [FetchOutcome.evidence(policy, origin)])
            }
            chain.append(parent.url)
            if parent.role != .script && parent.role != .stylesheet { clicks += 1 }
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
