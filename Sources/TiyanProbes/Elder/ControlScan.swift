import Foundation
import TiyanCore
import TiyanHTML

/// Controls a visitor clicks (links, buttons, elements with an onclick) in the page's DOM and in
/// the markup its scripts write, matched by their short text, title or alt: entries and buttons
/// are a few words, while a longer text is a news title that merely mentions them.
struct ControlScan {
    static let controls =
        "//a | //button | //input[@type='button' or @type='submit'] | //*[@onclick] | //*[@role='button'] | //img[@alt]"

    struct Hit {
        var element: HTMLElement
        var evidence: Evidence
        var confidence: Confidence
        /// Where the control sits: the element itself, or the `<script>` that writes it.
        var placement: HTMLElement?
    }

    let page: SitePage
    let site: SiteContext
    let maxTextLength: Int
    /// More elements that act as controls for one rule (toggles, toolbar tabs), as an XPath union.
    var extraControls: String? = nil
    /// Labels that match the rule's pattern but name something else (a badge, a news title).
    var exclude: Pattern? = nil

    private var selector: String { extraControls.map { Self.controls + " | " + $0 } ?? Self.controls }

    /// The texts a control is known by: its text, title, alt, value and aria-label.
    private func label(of element: HTMLElement) -> [String] {
        [
            element.text, element.attribute("title") ?? "", element.attribute("alt") ?? "",
            element.attribute("value") ?? "", element.attribute("aria-label") ?? "",
        ]
    }

    private func labelMatches(_ element: HTMLElement, _ pattern: Pattern) -> Bool {
        label(of: element).contains { text in
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return !text.isEmpty && text.count <= maxTextLength && pattern.matches(text)
                && !(exclude?.matches(text) ?? false)
        }
    }

    /// Every matching control, page DOM first, then script-written markup; nested matches
    /// (a link inside a matching list item) count once.
    func matches(_ pattern: Pattern) -> [Hit] {
        var hits: [Hit] = []
        var seen: [String] = []
        for element in (try? page.document.select(selector)) ?? [] {
            guard
                labelMatches(element, pattern),
                !seen.contains(where: { element.xpath.hasPrefix($0 + "/") || $0.hasPrefix(element.xpath + "/") })
            else { continue }
            seen.append(element.xpath)
            hits.append(Hit(element: element, evidence: page.evidence(element), confidence: .high, placement: element))
        }
        for fragment in site.scriptFragments(of: page) {
            let placement = scriptElement(for: fragment)
            var seenInFragment: [String] = []
            for element in (try? fragment.document.select(selector)) ?? [] {
                guard
                    labelMatches(element, pattern),
                    !seenInFragment.contains(where: {
                        element.xpath.hasPrefix($0 + "/") || $0.hasPrefix(element.xpath + "/")
                    })
                else { continue }
                seenInFragment.append(element.xpath)
                hits.append(
                    Hit(
                        element: element, evidence: fragment.evidence(snippet: element.snippet, element: element),
                        confidence: fragment.confidence, placement: placement))
            }
        }
        return hits
    }

    /// Where a fragment shows on the page: the inline `<script>` that writes it, or, for an
    /// external script, the inline script that calls one of its functions (a header library
    /// loaded in `<head>` writes where the page calls `writeHeader()`), else its `<script src>`.
    func scriptElement(for fragment: ScriptFragment) -> HTMLElement? {
        let scripts = page.document.scripts
        if let inline = scripts.first(where: { $0.url == nil && $0.element.xpath == fragment.locator }) {
            return inline.element
        }
        let external = scripts.first { $0.url != nil && $0.url == fragment.url }
        let record = site.records(.script).first { $0.url == fragment.url || $0.finalURL == fragment.url }
        if let record, let definitions = Self.functionDefinition {
            let text = site.text(of: record)
            let names = Set(definitions.allMatches(in: text).compactMap { $0.count > 1 ? $0[1] : nil })
            let caller = scripts.first { script in
                script.url == nil && names.contains { script.inlineText.contains($0 + "(") }
            }
            if let caller { return caller.element }
        }
        return external?.element
    }

    private static let functionDefinition = try? Pattern(#"function\s+([A-Za-z_$][\w$]*)\s*\("#)

    /// The texts of the page's inline scripts and of the same-site scripts it loads, each with
    /// its `<script>` element (for position) and evidence.
    func scriptTexts() -> [(
        text: String, element: HTMLElement?, evidence: (String) -> Evidence, confidence: Confidence
    )] {
        var texts: [(String, HTMLElement?, (String) -> Evidence, Confidence)] = []
        for script in page.document.scripts where script.url == nil && !script.inlineText.isEmpty {
            let element = script.element
            texts.append(
                (
                    script.inlineText, element,
                    { snippet in
                        page.evidence(locator: element.xpath, snippet: snippet)
                    }, .high
                ))
        }
        let sources = page.document.scripts.filter { $0.url != nil }
        for record in site.records(.script) where record.hasBody && record.error == nil {
            guard let script = sources.first(where: { $0.url == record.url || $0.url == record.finalURL }) else {
                continue
            }
            let text = site.text(of: record)
            let url = record.finalURL
            texts.append(
                (
                    text, script.element,
                    { snippet in
                        Evidence(url: url, locator: "script", snippet: snippet, extra: [("source", "script")])
                    }, .medium
                ))
        }
        return texts
    }
}

extension SitePage {
    /// Where an element sits: `header` inside the header region, else its share of the DOM
    /// before it (0 = first element), so "top N%" can be judged.
    func position(of element: HTMLElement, header: String) -> (place: String, share: Double) {
        let headers = (try? document.elementPaths(header)) ?? []
        if headers.contains(where: { element.xpath == $0 || element.xpath.hasPrefix($0 + "/") }) {
            return ("header", share(of: element))
        }
        let share = share(of: element)
        return (element.xpath.hasPrefix("/html/head") ? "head" : "body", share)
    }

    private func share(of element: HTMLElement) -> Double {
        let all = (try? document.elementPaths("//*")) ?? []
        guard let index = all.firstIndex(of: element.xpath), all.count > 1 else { return 0 }
        return Double(index) / Double(all.count - 1)
    }
}

enum Excerpt {
    /// The match with up to `radius` characters either side, on one line: a script's evidence.
    static func around(_ match: String, in text: String, radius: Int = 60) -> String {
        guard let range = text.range(of: match) else { return match }
        let start = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        return text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}

extension SitePage {
    /// Evidence of a page that was read in full and showed nothing to report: its body.
    func scopeEvidence(_ note: String) -> Evidence {
        let body = (try? document.select("/html/body"))?.first
        return evidence(
            locator: "/html/body", snippet: body.map { String($0.snippet.prefix(160)) } ?? "",
            extra: [("checked", .string(note))])
    }
}
