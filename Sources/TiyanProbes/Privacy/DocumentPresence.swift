import TiyanCore
import TiyanHTML

/// Kind `document_presence` (PR-01 privacy policy, PR-02 user agreement): the crawl fetched the
/// document, or at least a page links to it. A fetched copy decides; without one, a link on the
/// home, login or registration page (or written by their scripts) passes with medium
/// confidence, and no link at all fails.
struct DocumentPresence: DecodedRuleKind {
    static let kind = "document_presence"

    struct Settings: Decodable {
        /// The page role the crawl fetches the document as.
        let document: PageRole
        /// How a reason names the document, e.g. "user agreement".
        let label: String
        let linkText: Pattern
        let linkHref: Pattern
        /// Chinese characters a fetched page needs to count as the document.
        let minPolicyCharacters: Int
    }

    let settings: Settings

    func evaluate(_ site: SiteContext) throws -> Finding {
        let role = settings.document, name = settings.label, minCharacters = settings.minPolicyCharacters
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
            if let hit = search.link(text: settings.linkText) ?? search.link(href: settings.linkHref) {
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
