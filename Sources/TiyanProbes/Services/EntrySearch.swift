import TiyanCore
import TiyanHTML

/// Where a page offers one service or feedback entry (好差评, 投诉建议, 12345, 在线客服…), in the three
/// forms real portals use: a link or button with a short text, an image whose alt text names it
/// (a floating 智能客服 icon), or markup a script writes (a header script, a widget loader); and,
/// for widgets that draw themselves, a script whose address or text names the widget.
struct EntrySearch: Sendable {
    struct Entry {
        /// `link`, `button`, `image`, `script` (written by a script) or `widget` (a widget loader).
        var form: String
        var text: String
        var url: String?
        var evidence: Evidence
        var confidence: Confidence
    }

    let text: Pattern
    let href: Pattern?
    let widget: Pattern?
    let exclude: Pattern?
    let maxTextLength: Int

    /// `entry_text` (and `max_entry_length`, `entry_exclude`) always; `entry_href` and
    /// `widget_script` when the rule names them.
    init(text: Pattern, href: Pattern?, widget: Pattern?, exclude: Pattern?, maxTextLength: Int) {
        self.text = text
        self.href = href
        self.widget = widget
        self.exclude = exclude
        self.maxTextLength = maxTextLength
    }

    init(settings: RuleSettings, href: Bool = false, widget: Bool = false) throws {
        text = try settings.pattern("entry_text")
        self.href = href ? try settings.pattern("entry_href") : nil
        self.widget = widget ? try settings.pattern("widget_script") : nil
        exclude = try settings.pattern("entry_exclude")
        maxTextLength = try settings.integer("max_entry_length")
    }

    func find(on page: SitePage, site: SiteContext) -> Entry? {
        let scan = ControlScan(page: page, site: site, maxTextLength: maxTextLength, exclude: exclude)
        if let hit = scan.matches(text).first { return entry(hit) }
        if let href, let link = linkByAddress(href, page: page, site: site) { return link }
        guard let widget else { return nil }
        for script in page.document.scripts {
            guard let source = script.url ?? script.element.attribute("src"), widget.matches(source) else { continue }
            var evidence = page.evidence(script.element)
            evidence.extra.append(("form", "widget"))
            return Entry(form: "widget", text: source, url: script.url, evidence: evidence, confidence: .medium)
        }
        for script in scan.scriptTexts() {
            guard let call = widget.firstMatch(in: script.text) else { continue }
            var evidence = script.evidence(Excerpt.around(call, in: script.text))
            evidence.extra.append(("form", "widget"))
            return Entry(form: "widget", text: call, url: nil, evidence: evidence, confidence: script.confidence)
        }
        return nil
    }

    /// A link known by its address alone (`tel:12345`, `/hcp/`), in the page or in script-written markup.
    private func linkByAddress(_ pattern: Pattern, page: SitePage, site: SiteContext) -> Entry? {
        for source in MarkSearch(page: page, site: site).sources {
            guard let link = source.document.links.first(where: {
                pattern.matches($0.href) || ($0.url.map(pattern.matches) ?? false)
            }) else { continue }
            let scripted = source.confidence != .high
            var evidence = source.evidence(link.element, link.element.snippet)
            let form = scripted ? "script" : "link"
            evidence.extra.append(("form", .string(form)))
            return Entry(form: form, text: link.text.isEmpty ? link.href : link.text, url: link.url ?? link.href,
                         evidence: evidence, confidence: source.confidence)
        }
        return nil
    }

    private func entry(_ hit: ControlScan.Hit) -> Entry {
        let element = hit.element
        let fromScript = hit.evidence.extra.contains { $0.0 == "source" }
        let ownText = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let form: String
        if fromScript {
            form = "script"
        } else if element.name == "img" || element.name == "area" || (ownText.isEmpty && element.snippet.contains("<img")) {
            form = "image"
        } else {
            form = element.name == "a" ? "link" : "button"
        }
        let label = [ownText, element.attribute("alt") ?? "", element.attribute("title") ?? "",
                     element.attribute("aria-label") ?? "", element.attribute("value") ?? ""]
            .first { !$0.isEmpty } ?? ""
        let href = element.attribute("href")
        let url = href.flatMap { URLResolver.resolve($0, against: hit.evidence.url) } ?? href
        var evidence = hit.evidence
        evidence.extra.append(("form", .string(form)))
        return Entry(form: form, text: label, url: url, evidence: evidence, confidence: hit.confidence)
    }

    /// The finding's value for an entry: what form it takes, its text and where it leads.
    static func value(_ entry: Entry, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([
            ("present", true), ("form", .string(entry.form)), ("text", .string(entry.text)),
            ("entry", entry.url.map(JSONValue.string) ?? .null),
        ] + extra)
    }
}
