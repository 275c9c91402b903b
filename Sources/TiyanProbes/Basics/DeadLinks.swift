import TiyanCore

/// SB-11: dead links among the home page's links the crawl checked. A challenge or a robots.txt
/// refusal says nothing about the link, so such checks are left out of `checked`.
struct DeadLinks: Rule {
    static let id = "SB-11"
    let deadErrors: Set<FetchErrorClass>
    let deadStatus: Int
    let maxDead: Int
    let maxEvidence: Int

    init(settings: RuleSettings) throws {
        var errors: Set<FetchErrorClass> = []
        for name in try settings.keywords("dead_errors") {
            guard let error = FetchErrorClass(rawValue: name) else {
                throw settings.invalid("dead_errors", "\"\(name)\" is not a fetch error class")
            }
            errors.insert(error)
        }
        deadErrors = errors
        deadStatus = try settings.integer("dead_status_from")
        maxDead = try settings.integer("max_dead")
        maxEvidence = try settings.integer("max_evidence")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let homes = site.records(.home)
        let homeURLs = Set(homes.flatMap { [$0.url, $0.finalURL] } + [site.site.target.url])
        let checks = site.records(.linkCheck).filter { $0.discoveredFrom.map(homeURLs.contains) ?? false }
        guard !checks.isEmpty else {
            let page = try site.page(.home)
            let reason =
                page.shellReason.map { "the home page is a script shell (\($0))" } ?? "no home-page links were checked"
            throw PageUnavailable(
                .undetermined, reason: reason,
                evidence: [Evidence(url: page.url, locator: "link_check", snippet: "no link checks recorded")])
        }
        var checked = 0
        var dead: [Evidence] = []
        for record in checks {
            if let error = record.error {
                guard deadErrors.contains(error) else { continue }
                checked += 1
                let status = record.status.map { "HTTP \($0), " } ?? ""
                dead.append(deadEvidence(record, "\(status)error: \(error.rawValue)"))
            } else if let status = record.status {
                checked += 1
                if status >= deadStatus { dead.append(deadEvidence(record, "HTTP \(status)")) }
            }
        }
        guard checked > 0 else {
            throw PageUnavailable(.undetermined, reason: "no link check gave an answer about the link")
        }
        let ratio = Double(dead.count) / Double(checked)
        let value = JSONValue.object([
            ("checked", .int(checked)), ("dead", .int(dead.count)), ("dead_ratio", .number(ratio)),
        ])
        let home = homes.first?.finalURL ?? site.site.target.url
        let summary = Evidence(
            url: home, locator: "link_check", snippet: "\(checked) links checked, \(dead.count) dead")
        return Finding(
            dead.count <= maxDead ? .pass : .fail, value: value, evidence: [summary] + dead.prefix(maxEvidence))
    }

    private func deadEvidence(_ record: FetchRecord, _ snippet: String) -> Evidence {
        Evidence(
            url: record.url, locator: "link_check", snippet: snippet,
            extra: record.discoveredFrom.map { [("linked_from", .string($0))] } ?? [])
    }
}
