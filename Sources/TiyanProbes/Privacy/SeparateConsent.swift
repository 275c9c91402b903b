import TiyanCore

/// PR-12 (weak): a page that offers face or real-name verification asks for separate consent to
/// it (PIPL Art. 29). Pages without face or real-name verification make it not_applicable.
struct SeparateConsent: Rule {
    static let id = "PR-12"
    let faceOrIdentity: Pattern
    let separateConsent: Pattern

    init(settings: RuleSettings) throws {
        faceOrIdentity = try settings.pattern("face_or_identity")
        separateConsent = try settings.pattern("separate_consent")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        var judged: [SitePage] = []
        var pages: [(SitePage, MarkHit)] = []
        for role in [PageRole.login, .register, .home, .homeMobile] {
            guard let page = site.optionalPage(role) else { continue }
            judged.append(page)
            let search = MarkSearch(page: page, site: site)
            if let hit = search.text(faceOrIdentity) { pages.append((page, hit)) }
        }
        guard let first = judged.first else {
            throw PageUnavailable(.undetermined, reason: "no login, registration or home page could be judged")
        }
        guard !pages.isEmpty else {
            return first.negative(Finding(
                .notApplicable, value: nil, evidence: [first.evidence(locator: "/html/body", snippet: "no face or real-name verification")],
                reason: "no page offers face or real-name verification"))
        }
        var missing: [Evidence] = []
        for (page, face) in pages {
            let search = MarkSearch(page: page, site: site)
            if let consent = search.text(separateConsent) {
                return Finding(
                    .pass, value: true, confidence: .low, evidence: [face.evidence, consent.evidence])
            }
            missing.append(face.evidence)
        }
        return Finding(
            .fail, value: false, confidence: .low, evidence: missing,
            reason: "face or real-name verification without a separate consent")
    }
}
