import TiyanCore

/// SB-06: the 党政机关网站标识 (conac): its script, its element ids or its verification link.
struct GovernmentSiteMark: Rule {
    static let id = "SB-06"
    let scriptSource: Pattern
    let elementIDs: [String]
    let linkTarget: Pattern
    let footer: String

    init(settings: RuleSettings) throws {
        scriptSource = try settings.pattern("script_src")
        elementIDs = try settings.keywords("element_ids")
        linkTarget = try settings.pattern("link_href")
        footer = try settings.xpath("footer")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        let search = MarkSearch(page: page, site: site)
        if let hit = search.script(src: scriptSource) ?? search.element(ids: elementIDs)
            ?? search.link(href: linkTarget)
        {
            return Finding(.pass, value: true, confidence: hit.confidence, evidence: [hit.evidence])
        }
        let absence = page.absenceEvidence(footer: footer, "党政机关网站标识")
        return site.negative(Finding(.fail, value: false, evidence: [absence]), on: page, what: "党政机关网站标识")
    }
}
