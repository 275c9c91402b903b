import TiyanCore
import TiyanConfig
import TiyanHTML

/// A link seen on a page or written by a script, as discovery weighs it.
struct LinkCandidate: Sendable {
    var url: String
    var text: String
    var title: String
    var href: String
    /// Where it was seen, for the archive: page URL plus the link's locator.
    var origin: String

    init?(link: HTMLLink, origin: String) {
        guard let url = link.url, url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        self.url = url
        text = link.text.trimmingCharacters(in: .whitespacesAndNewlines)
        title = link.title ?? ""
        href = link.href
        self.origin = "\(origin) \(link.element.xpath) «\(Evidence.clip(text))»"
    }

    /// Text counts most, then title, then href; nil when the link is not a candidate at all.
    func score(for patterns: DiscoveryRules.RolePatterns, maxTextLength: Int) -> Int? {
        var score = 0
        if !text.isEmpty, text.count <= maxTextLength, patterns.text?.matches(text) == true { score += 4 }
        if !title.isEmpty, title.count <= maxTextLength, patterns.title?.matches(title) == true { score += 2 }
        // The resolved URL contains what the href says; matching both doubled the regex work.
        if patterns.href?.matches(url) == true { score += 1 }
        // Exclusions are asked only of candidates, which most links are not.
        guard score > 0 else { return nil }
        if let exclude = patterns.exclude, exclude.matches(text) || exclude.matches(href) || exclude.matches(title) {
            return nil
        }
        return score
    }
}

import Foundation

enum Discovery {
    /// The best candidate for a role: highest score, then first seen.
    static func best(_ candidates: [LinkCandidate], for role: PageRole, rules: DiscoveryRules) -> LinkCandidate? {
        guard let patterns = rules.roles[role] else { return nil }
        var best: (LinkCandidate, Int)?
        for candidate in candidates {
            guard let score = candidate.score(for: patterns, maxTextLength: rules.maxTextLength) else { continue }
            if best == nil || score > (best?.1 ?? 0) { best = (candidate, score) }
        }
        return best?.0
    }

    /// Links a page offers: its anchors, plus anchors its inline scripts write.
    static func candidates(in document: HTMLDocument, scriptBodies: [(url: String, text: String)] = []) -> [LinkCandidate] {
        var result = document.links.compactMap { LinkCandidate(link: $0, origin: document.url) }
        for script in document.scripts where script.url == nil && !script.inlineText.isEmpty {
            result += ScriptMarkup.links(in: script.inlineText, baseURL: document.url)
                .compactMap { LinkCandidate(link: $0, origin: "\(document.url) \(script.element.xpath)") }
        }
        result += alternates(in: document)
        for script in scriptBodies {
            // Scripts write markup whose relative links resolve against the page, not the script.
            result += ScriptMarkup.links(in: script.text, baseURL: document.url)
                .compactMap { LinkCandidate(link: $0, origin: script.url) }
        }
        return result
    }

    /// Entries that are not anchors: `<link rel=alternate hreflang=…>` (named by the language's
    /// primary subtag, so `en-US` reads as `en`) and options of a language `<select>` whose value
    /// is an address (`<option value="/en/">English</option>`).
    static func alternates(in document: HTMLDocument) -> [LinkCandidate] {
        var links: [HTMLLink] = []
        for element in (try? document.select("//link[@hreflang][@href]")) ?? [] {
            let href = element.attribute("href") ?? ""
            let language = (element.attribute("hreflang") ?? "").split(separator: "-").first.map(String.init) ?? ""
            links.append(HTMLLink(url: URLResolver.resolve(href, against: document.baseURL), href: href,
                                  text: language, title: nil, element: element))
        }
        for element in (try? document.select("//select/option[@value]")) ?? [] {
            let value = (element.attribute("value") ?? "").trimmingCharacters(in: .whitespaces)
            guard value.contains("/") || value.hasPrefix("?") || value.contains("://") else { continue }
            links.append(HTMLLink(url: URLResolver.resolve(value, against: document.baseURL), href: value,
                                  text: element.text, title: nil, element: element))
        }
        return links.compactMap { LinkCandidate(link: $0, origin: document.url) }
    }

    /// A login page that only forwards to the unified identity host: meta refresh or a script
    /// assigning location.
    static func softRedirect(in document: HTMLDocument) -> String? {
        for meta in document.metas where meta.httpEquiv?.lowercased() == "refresh" {
            if let range = meta.content.range(of: "url=", options: .caseInsensitive) {
                let target = meta.content[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
                if let url = URLResolver.resolve(target, against: document.url) { return url }
            }
        }
        for script in document.scripts where script.url == nil {
            if let match = locationAssignment?.allMatches(in: script.inlineText).first, match.count > 2, let target = match[2],
               let url = URLResolver.resolve(target, against: document.url) {
                return url
            }
        }
        return nil
    }

    // `location.href = "…"`, `window.location = '…'`, `location.replace("…")`
    private static let locationAssignment = try? Pattern(
        #"location(\.href)?\s*(?:=\s*|\.replace\(\s*|\.assign\(\s*)["']([^"']+)["']"#)
}
