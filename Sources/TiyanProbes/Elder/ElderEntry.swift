import TiyanCore
import TiyanHTML

/// EL-01: an entry to the elder mode (长辈版/关怀版) on the home page: a short link or button text,
/// an element id or class of the known switches, or a call of a toolbar's elder mode (e.g.
/// `aria.oldFixedStart()`) in an onclick or a script; in the page or in markup its scripts
/// write; a `<div>`/`<span>` toggle or a toolbar tab counts as a control, and labels that name a
/// certification badge or a news item (`entry_exclude`) do not. A prominent entry (in the header,
/// or in the top part of the page) passes; an entry
/// lower down is partial.
struct ElderEntry: Rule {
    static let id = "EL-01"
    let text: Pattern
    let handler: Pattern
    let idOrClass: Pattern
    let header: String
    let topShare: Double
    let maxTextLength: Int
    let exclude: Pattern
    let toggles: String

    init(settings: RuleSettings) throws {
        text = try settings.pattern("entry_text")
        handler = try settings.pattern("entry_handler")
        idOrClass = try settings.pattern("entry_id_class")
        header = try settings.xpath("header")
        topShare = try settings.number("top_share")
        maxTextLength = try settings.integer("max_text_length")
        exclude = try settings.pattern("entry_exclude")
        toggles = try settings.xpath("entry_controls")
    }

    struct Entry {
        var how: String
        var evidence: Evidence
        var confidence: Confidence
        var placement: HTMLElement?
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        guard let entry = find(on: page, site: site) else {
            return site.negative(
                Finding(
                    .fail, value: .object([("present", false)]),
                    evidence: [page.absenceEvidence(footer: header, "长辈版/关怀版 entry")],
                    reason: "no elder-mode entry: no link, button, switch id or toolbar call"), on: page,
                what: "elder-mode entry")
        }
        let position = entry.placement.map { page.position(of: $0, header: header) }
        let prominent = position.map { $0.place == "header" || $0.place == "head" || $0.share <= topShare } ?? false
        let value = JSONValue.object([
            ("present", true),
            ("found_by", .string(entry.how)),
            ("position", position.map { .string($0.place) } ?? .null),
            ("dom_share", position.map { .number(($0.share * 100).rounded() / 100) } ?? .null),
        ])
        if prominent {
            return Finding(.pass, value: value, confidence: entry.confidence, evidence: [entry.evidence])
        }
        return Finding(
            .partial, value: value, confidence: entry.confidence, evidence: [entry.evidence],
            reason: position == nil
                ? "an elder-mode entry exists, but where it shows could not be told"
                : "the elder-mode entry is not in the header or the top part of the page", score: 0.5)
    }

    private func find(on page: SitePage, site: SiteContext) -> Entry? {
        let scan = ControlScan(
            page: page, site: site, maxTextLength: maxTextLength, extraControls: toggles, exclude: exclude)
        if let hit = scan.matches(text).first {
            return Entry(how: "text", evidence: hit.evidence, confidence: hit.confidence, placement: hit.placement)
        }
        let handlers =
            (try? page.document.select("//*[@onclick] | //a[starts-with(normalize-space(@href), 'javascript:')]")) ?? []
        if let element = handlers.first(where: {
            handler.matches($0.attribute("onclick") ?? "") || handler.matches($0.attribute("href") ?? "")
        }) {
            return Entry(how: "handler", evidence: page.evidence(element), confidence: .high, placement: element)
        }
        let marked = (try? page.document.select("//body//*[@id or @class]")) ?? []
        if let element = marked.first(where: {
            idOrClass.matches($0.attribute("id") ?? "") || idOrClass.matches($0.attribute("class") ?? "")
        }) {
            return Entry(how: "id_or_class", evidence: page.evidence(element), confidence: .medium, placement: element)
        }
        for script in scan.scriptTexts() {
            if let call = handler.firstMatch(in: script.text) {
                return Entry(
                    how: "script_call", evidence: script.evidence(Excerpt.around(call, in: script.text)),
                    confidence: script.confidence,
                    placement: script.element)
            }
        }
        return nil
    }
}
