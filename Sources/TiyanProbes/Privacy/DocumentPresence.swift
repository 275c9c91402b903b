import TiyanCore
import TiyanHTML

/// The shared logic of PR-01 (privacy policy) and PR-02 (user agreement): the crawl fetched the
/// document, or at least a page links to it. A fetched copy decides; without one, a link on the
/// home, login or registration page (or written by their scripts) passes with medium
/// confidence, and no link at all fails.
struct DocumentPresence {
    let role: PageRole
    let linkText: Pattern
    let linkHref: Pattern
    let minCharacters: Int
    let name: String

    func evaluate(_ site: SiteContext) throws -> Finding {
        if !site.records(role).isEmpty {
            let copy: PolicyCopy
            do {
                copy = try PolicyCopy.locate(role, in: site, minCharacters: minCharacters)
            } catch let unavailable as PageUnavailable {
                // A link that leads to "not found" is a missing document, not an unreachable site.
                let records = site.records(role)
                guard records.allSatisfy({ [404, 410].contains($0.status ?? 0) }) else { throw unavailable }
                return Finding(
                    .fail, value: false, evidence: unavailable.evidence,
                    reason: "the \(name) link leads to HTTP \(records[0].status ?? 404)")
            }
            let value = JSONValue.object([("url", .string(copy.url)), ("form", .string(copy.form.rawValue))])
            if copy.form == .html, let page = copy.page,
               PolicyCopy.chineseCharacterCount(page.document.visibleText) < minCharacters {
                return page.negative(Finding(
                    .fail, value: value, evidence: [copy.evidence],
                    reason: "the \(name) page holds fewer than \(minCharacters) Chinese characters"))
            }
            let confidence: Confidence = copy.form == .html ? .high : .medium
            let reason = copy.form == .html ? nil : "the \(name) is published as \(copy.form.rawValue)"
            return Finding(.pass, value: value, confidence: confidence, evidence: [copy.evidence], reason: reason)
        }
        let home = try site.markPage()
        let pages = [home] + [PageRole.login, .register].compactMap(site.optionalPage).filter { $0 !== home }
        for page in pages {
            let search = MarkSearch(page: page, site: site)
            if let hit = search.link(text: linkText) ?? search.link(href: linkHref) {
                return Finding(
                    .pass, value: .object([("url", .string(hit.value)), ("form", nil)]), confidence: .medium,
                    evidence: [hit.evidence], reason: "a link to the \(name) was found but the page was not fetched")
            }
        }
        return site.negative(Finding(
            .fail, value: false, evidence: [home.absenceEvidence(footer: "//body", name)],
            reason: "no link to a \(name) on the home, login or registration page"), on: home, what: "\(name) link")
    }
}

/// PR-01: the portal publishes a privacy policy.
struct PolicyPresence: Rule {
    static let id = "PR-01"
    let presence: DocumentPresence

    init(settings: RuleSettings) throws {
        presence = DocumentPresence(
            role: .privacy, linkText: try settings.pattern("policy_link_text"),
            linkHref: try settings.pattern("policy_link_href"),
            minCharacters: try settings.integer("min_policy_characters"), name: "privacy policy")
    }

    func evaluate(_ site: SiteContext) throws -> Finding { try presence.evaluate(site) }
}

/// PR-02: the portal publishes a user agreement.
struct AgreementPresence: Rule {
    static let id = "PR-02"
    let presence: DocumentPresence

    init(settings: RuleSettings) throws {
        presence = DocumentPresence(
            role: .agreement, linkText: try settings.pattern("agreement_link_text"),
            linkHref: try settings.pattern("agreement_link_href"),
            minCharacters: try settings.integer("min_policy_characters"), name: "user agreement")
    }

    func evaluate(_ site: SiteContext) throws -> Finding { try presence.evaluate(site) }
}
