import TiyanCore

/// SB-09: the footer names the 主办单位 and gives a way to reach it (phone, e-mail or a
/// 「联系我们」 link). Passes with the sponsor and any contact; partial with only some.
struct SponsorContact: Rule {
    static let id = "SB-09"
    let sponsor: Pattern
    let phone: Pattern
    let email: Pattern
    let contactLink: Pattern
    let footer: String

    init(settings: RuleSettings) throws {
        sponsor = try settings.pattern("sponsor")
        phone = try settings.pattern("phone")
        email = try settings.pattern("email")
        contactLink = try settings.pattern("contact_link_text")
        footer = try settings.xpath("footer")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        let search = MarkSearch(page: page, site: site)
        let hits: [(String, MarkHit?)] = [
            ("sponsor", search.text(sponsor)), ("phone", search.text(phone)), ("email", search.text(email)),
            ("contact_link", search.link(text: contactLink)),
        ]
        let found = hits.compactMap { name, hit in hit.map { (name, $0) } }
        let value = JSONValue.object(hits.map { ($0.0, .bool($0.1 != nil)) })
        let hasSponsor = hits[0].1 != nil
        let hasContact = hits.dropFirst().contains { $0.1 != nil }
        let evidence = found.map { name, hit in
            var evidence = hit.evidence
            evidence.extra.append(("element", .string(name)))
            return evidence
        }
        let confidence = found.map(\.1.confidence).min { rank($0) < rank($1) } ?? .high
        if hasSponsor && hasContact { return Finding(.pass, value: value, confidence: confidence, evidence: evidence) }
        let absence = page.absenceEvidence(footer: footer, hasSponsor ? "联系方式" : "主办单位")
        let what = hasSponsor ? "联系方式" : "主办单位"
        if found.isEmpty {
            return site.negative(Finding(.fail, value: value, evidence: [absence]), on: page, what: what)
        }
        return site.negative(
            Finding(.partial, value: value, confidence: confidence, evidence: evidence + [absence], score: 0.5),
            on: page, what: what)
    }

    private func rank(_ confidence: Confidence) -> Int {
        switch confidence {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }
}
