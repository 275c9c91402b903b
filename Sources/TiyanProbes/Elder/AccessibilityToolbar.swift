import Foundation
import TiyanCore
import TiyanHTML

/// EL-02: an accessibility toolbar (无障碍工具条: large font, contrast, magnifier, reading) on the
/// home page: a toolbar script (also one its scripts write or create), a toolbar call or element
/// id, a short 无障碍 label (text, or the alt / title / aria-label of an icon-only entry), or the
/// toolbar's cookie; with the vendor when its script tells (dictionary in probes/elder.yaml).
struct AccessibilityToolbar: Rule {
    static let id = "EL-02"
    let scriptSource: Pattern
    let handler: Pattern
    let ids: [String]
    let text: Pattern
    let cookie: Pattern
    let vendors: [(tag: String, pattern: Pattern)]
    let maxTextLength: Int
    let iconControls: String

    init(settings: RuleSettings) throws {
        scriptSource = try settings.pattern("toolbar_script")
        handler = try settings.pattern("toolbar_handler")
        ids = try settings.keywords("toolbar_ids")
        text = try settings.pattern("toolbar_text")
        cookie = try settings.pattern("toolbar_cookie")
        maxTextLength = try settings.integer("max_text_length")
        iconControls = try settings.xpath("toolbar_controls")
        vendors = try settings.keywords("vendors").map { entry in
            guard let colon = entry.firstIndex(of: ":") else {
                throw settings.invalid("vendors", "expected `tag: regex`, found \"\(entry)\"")
            }
            let tag = entry[..<colon].trimmingCharacters(in: .whitespaces)
            let source = entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !tag.isEmpty, let pattern = try? Pattern(source) else {
                throw settings.invalid("vendors", "invalid vendor entry \"\(entry)\"")
            }
            return (tag, pattern)
        }
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        let search = MarkSearch(page: page, site: site)
        let scan = ControlScan(page: page, site: site, maxTextLength: maxTextLength, extraControls: iconControls)
        var found: (how: String, hit: MarkHit)?
        if let hit = search.script(src: scriptSource) {
            found = ("script", hit)
        } else if let element = ((try? page.document.select("//*[@onclick] | //a[@href]")) ?? []).first(where: {
            handler.matches($0.attribute("onclick") ?? "") || handler.matches($0.attribute("href") ?? "")
        }) {
            found = ("handler", MarkHit(evidence: page.evidence(element), confidence: .high, value: element.snippet))
        } else if let hit = search.element(ids: ids) {
            found = ("id", hit)
        } else if let hit = scan.matches(text).first {
            found = ("text", MarkHit(evidence: hit.evidence, confidence: hit.confidence, value: hit.element.text))
        } else if let script = scan.scriptTexts().first(where: { handler.matches($0.text) || cookie.matches($0.text) })
        {
            let match = handler.firstMatch(in: script.text) ?? cookie.firstMatch(in: script.text) ?? ""
            found = (
                "script_call",
                MarkHit(
                    evidence: script.evidence(Excerpt.around(match, in: script.text)),
                    confidence: script.confidence, value: match)
            )
        } else if let header = page.record.headers.first(where: {
            $0.name.caseInsensitiveCompare("Set-Cookie") == .orderedSame && cookie.matches($0.value)
        }) {
            found = (
                "cookie",
                MarkHit(
                    evidence: page.evidence(locator: "header:Set-Cookie", snippet: header.value),
                    confidence: .medium, value: header.value)
            )
        }
        guard let (how, hit) = found else {
            return site.negative(
                Finding(
                    .fail, value: .object([("present", false), ("vendor", .null)]),
                    evidence: [page.absenceEvidence(footer: "//body", "accessibility toolbar")],
                    reason: "no accessibility toolbar: no toolbar script, call, id or 无障碍 link"), on: page,
                what: "accessibility toolbar")
        }
        let vendor = self.vendor(page: page, hit: hit)
        return Finding(
            .pass,
            value: .object([
                ("present", true), ("found_by", .string(how)), ("vendor", vendor.map { .string($0) } ?? .null),
            ]),
            confidence: hit.confidence, evidence: [hit.evidence])
    }

    /// The vendor whose pattern matches a script URL of the page or the deciding markup.
    private func vendor(page: SitePage, hit: MarkHit) -> String? {
        let sources =
            page.document.scripts.compactMap { $0.url ?? $0.element.attribute("src") }
            + [hit.value, hit.evidence.snippet]
        return vendors.first { vendor in sources.contains { vendor.pattern.matches($0) } }?.tag
    }
}
