import Foundation
import TiyanCore
import TiyanHTML

/// Something a rule looked for and found: what decided it, how sure, and the value read.
struct MarkHit {
    var evidence: Evidence
    var confidence: Confidence
    /// The first capture group of a text match (e.g. the 网站标识码 itself), or the match.
    var value: String
}

/// Looks for a mark (a text pattern, a link, a script, an element id) first in the page's DOM
/// (high confidence) and then in the markup its scripts write (medium or low): the footer marks
/// of SB-05..09 are often written by a shared footer script.
struct MarkSearch {
    struct Source {
        var document: HTMLDocument
        var confidence: Confidence
        var evidence: (HTMLElement?, String) -> Evidence
    }

    let sources: [Source]

    init(page: SitePage, site: SiteContext) {
        var sources = [
            Source(document: page.document, confidence: .high) { element, snippet in
                element.map { page.evidence($0) } ?? page.evidence(locator: "/html/body", snippet: snippet)
            }
        ]
        for fragment in site.scriptFragments(of: page) {
            sources.append(
                Source(document: fragment.document, confidence: fragment.confidence) { element, snippet in
                    fragment.evidence(snippet: snippet, element: element)
                })
        }
        self.sources = sources
    }

    /// The first source whose visible text matches.
    func text(_ pattern: Pattern) -> MarkHit? {
        for source in sources {
            let text = source.document.visibleText
            guard let groups = pattern.allMatches(in: text).first, let match = groups.first ?? nil else { continue }
            let value = groups.dropFirst().compactMap { $0 }.first ?? match
            let element = TextLocator.element(showing: match, pattern: pattern, in: source.document)
            return MarkHit(evidence: source.evidence(element, match), confidence: source.confidence, value: value)
        }
        return nil
    }

    /// A link whose href (or resolved URL) matches.
    func link(href pattern: Pattern) -> MarkHit? {
        first { document in
            document.links.first { pattern.matches($0.href) || ($0.url.map(pattern.matches) ?? false) }
                .map { ($0.element, $0.url ?? $0.href) }
        }
    }

    /// A link whose text or title matches; the value is where it leads (resolved URL, else href),
    /// the address a reader follows, not the words it shows.
    func link(text pattern: Pattern) -> MarkHit? {
        first { document in
            document.links.first { pattern.matches($0.text) || ($0.title.map(pattern.matches) ?? false) }
                .map { ($0.element, $0.url ?? $0.href) }
        }
    }

    /// An external script whose URL matches.
    func script(src pattern: Pattern) -> MarkHit? {
        first { document in
            document.scripts.first { script in
                script.url.map(pattern.matches) ?? script.element.attribute("src").map(pattern.matches) ?? false
            }.map { ($0.element, $0.url ?? "") }
        }
    }

    /// An element with one of the ids.
    func element(ids: [String]) -> MarkHit? {
        let test = ids.map { "@id=\(TextLocator.literal($0))" }.joined(separator: " or ")
        return first { document in
            (try? document.select("//*[\(test)]"))?.first.map { ($0, $0.attribute("id") ?? "") }
        }
    }

    /// A `<meta name=…>` (name compared case-insensitively) whose content matches.
    func meta(name: String, content pattern: Pattern) -> MarkHit? {
        first { document in
            document.metas.first { meta in
                meta.name?.caseInsensitiveCompare(name) == .orderedSame && pattern.matches(meta.content)
            }.map { ($0.element, $0.content) }
        }
    }

    private func first(_ find: (HTMLDocument) -> (HTMLElement, String)?) -> MarkHit? {
        for source in sources {
            if let (element, value) = find(source.document) {
                return MarkHit(
                    evidence: source.evidence(element, element.snippet), confidence: source.confidence,
                    value: value)
            }
        }
        return nil
    }
}

extension SitePage {
    /// Evidence for an absence: the element where the mark belongs (the last footer-like element)
    /// or, failing that, the body.
    func absenceEvidence(footer xpath: String, _ note: String) -> Evidence {
        let footer = (try? document.select(xpath))?.last
        let body = footer == nil ? (try? document.select("/html/body"))?.first : nil
        if let element = footer ?? body {
            return evidence(element, extra: [("absent", .string(note))])
        }
        return evidence(locator: "/html", snippet: "", extra: [("absent", .string(note))])
    }
}
