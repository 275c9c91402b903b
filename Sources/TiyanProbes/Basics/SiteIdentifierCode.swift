import Foundation
import TiyanCore

/// SB-05: the 网站标识码, in the footer text or in `<meta name="SiteIDCode">`; the value is the code.
struct SiteIdentifierCode: Rule {
    static let id = "SB-05"
    let text: Pattern
    let metaName: String
    let metaValue: Pattern
    let footer: String

    init(settings: RuleSettings) throws {
        text = try settings.pattern("code_text")
        metaName = try settings.text("meta_name")
        metaValue = try settings.pattern("code_value")
        footer = try settings.xpath("footer")
    }

    /// The code a visitor reads in the footer wins; the meta is what the CMS was configured with.
    /// When both exist and disagree, the result names both values and both places instead of
    /// taking one silently: a wrong code in either is worth an evaluator's look.
    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        let search = MarkSearch(page: page, site: site)
        let footerHit = search.text(text)
        let metaHit = search.meta(name: metaName, content: metaValue)
        guard let hit = footerHit ?? metaHit else {
            let absence = page.absenceEvidence(footer: footer, "网站标识码")
            return site.negative(Finding(.fail, value: .null, evidence: [absence]), on: page, what: "网站标识码")
        }
        let code = self.code(of: hit)
        guard let footerHit, let metaHit, self.code(of: metaHit) != code else {
            return Finding(.pass, value: .string(code), confidence: hit.confidence, evidence: [hit.evidence])
        }
        let metaCode = self.code(of: metaHit)
        var shown = footerHit.evidence
        shown.extra += [("code", .string(code)), ("code_source", "footer")]
        var configured = metaHit.evidence
        configured.extra += [("code", .string(metaCode)), ("code_source", "meta")]
        return Finding(
            .pass, value: .string(code), confidence: .medium, evidence: [shown, configured],
            reason: "the footer shows 网站标识码 \(code), the SiteIDCode meta says \(metaCode); "
                + "the footer's is reported")
    }

    private func code(of hit: MarkHit) -> String {
        metaValue.allMatches(in: hit.value).first?.dropFirst().compactMap { $0 }.first
            ?? hit.value.trimmingCharacters(in: .whitespaces)
    }
}
