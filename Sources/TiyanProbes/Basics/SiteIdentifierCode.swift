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

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.page(.home)
        let search = MarkSearch(page: page, site: site)
        if let hit = search.text(text) ?? search.meta(name: metaName, content: metaValue) {
            let code = metaValue.allMatches(in: hit.value).first?.dropFirst().compactMap { $0 }.first ?? hit.value
            return Finding(.pass, value: .string(code), confidence: hit.confidence, evidence: [hit.evidence])
        }
        return page.negative(Finding(.fail, value: .null, evidence: [page.absenceEvidence(footer: footer, "网站标识码")]))
    }
}
