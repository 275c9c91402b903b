import TiyanCore

/// The shared logic of SB-07 (ICP备案) and SB-08 (公安备案): a filing number in the text, or a
/// link to the filing system. The number is the mark; a link alone is weaker evidence.
struct FilingMark {
    let number: Pattern
    let link: Pattern
    let footer: String
    let name: String

    init(settings: RuleSettings, name: String) throws {
        number = try settings.pattern("number")
        link = try settings.pattern("link_href")
        footer = try settings.xpath("footer")
        self.name = name
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        let search = MarkSearch(page: page, site: site)
        let numberHit = search.text(number)
        let linkHit = search.link(href: link)
        switch (numberHit, linkHit) {
        case let (number?, link):
            return Finding(
                .pass, value: true, confidence: number.confidence,
                evidence: [number.evidence] + (link.map { [$0.evidence] } ?? []).filter { $0 != number.evidence })
        case let (nil, link?):
            let confidence: Confidence = link.confidence == .high ? .medium : .low
            return Finding(
                .pass, value: true, confidence: confidence, evidence: [link.evidence],
                reason: "a link to the filing system, but no filing number in the text")
        case (nil, nil):
            let absence = page.absenceEvidence(footer: footer, name)
            return site.negative(Finding(.fail, value: false, evidence: [absence]), on: page, what: name)
        }
    }
}

struct ICPFiling: Rule {
    static let id = "SB-07"
    let mark: FilingMark

    init(settings: RuleSettings) throws { mark = try FilingMark(settings: settings, name: "ICP备案号") }

    func evaluate(_ site: SiteContext) throws -> Finding { try mark.evaluate(site) }
}

struct PublicSecurityFiling: Rule {
    static let id = "SB-08"
    let mark: FilingMark

    init(settings: RuleSettings) throws { mark = try FilingMark(settings: settings, name: "公安备案号") }

    func evaluate(_ site: SiteContext) throws -> Finding { try mark.evaluate(site) }
}
