import TiyanCore
import TiyanHTML

/// EL-04: induced buttons (诱导按键: download the app, lucky draws, pay now) on the elder page,
/// in its DOM or in markup its scripts write. The value is the count.
struct InducedButtons: Rule {
    static let id = "EL-04"
    let texts: Pattern
    let maxTextLength: Int

    init(settings: RuleSettings) throws {
        texts = try settings.keywordPattern("induced_texts")
        maxTextLength = try settings.integer("max_text_length")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let choice = try ElderPageChoice(site)
        let page = choice.page
        let hits = ControlScan(page: page, site: site, maxTextLength: maxTextLength).matches(texts)
        let value = JSONValue.object([
            ("count", .number(Double(hits.count))),
            ("texts", .array(hits.prefix(10).map { .string(Self.label(of: $0.element)) })),
            choice.valueField,
        ])
        if hits.isEmpty {
            return page.negative(
                Finding(
                    .pass, value: value, evidence: [page.scopeEvidence("no induced buttons")],
                    reason: choice.reason(nil)))
        }
        return Finding(
            .fail, value: value, confidence: hits.contains { $0.confidence == .high } ? .high : hits[0].confidence,
            evidence: hits.prefix(10).map(\.evidence),
            reason: choice.reason("\(hits.count) induced buttons (download, draw or pay prompts)"))
    }

    private static func label(of element: HTMLElement) -> String {
        if !element.text.isEmpty { return element.text }
        return element.attribute("value") ?? element.attribute("title") ?? element.attribute("alt") ?? ""
    }
}
