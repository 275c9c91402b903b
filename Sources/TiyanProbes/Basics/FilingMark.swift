import TiyanCore

/// Kind `filing_mark` (SB-07 ICP备案, SB-08 公安备案, any further filing): a filing number in
/// the text, or a link to the filing system. The number is the mark; a link alone is weaker
/// evidence.
struct FilingMark: DecodedRuleKind {
    static let kind = "filing_mark"

    struct Settings: Decodable {
        /// The filing number as footers write it.
        let number: Pattern
        /// The filing system's query page that a footer links to.
        let linkHref: Pattern
        /// Where the mark belongs: the evidence of its absence points here.
        let footer: XPath
        /// How a reason names the mark, e.g. 公安备案号.
        let mark: String
    }

    let settings: Settings

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        let search = MarkSearch(page: page, site: site)
        let numberHit = search.text(settings.number)
        let linkHit = search.link(href: settings.linkHref)
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
            let absence = page.absenceEvidence(footer: settings.footer.expression, settings.mark)
            return site.negative(Finding(.fail, value: false, evidence: [absence]), on: page, what: settings.mark)
        }
    }
}
