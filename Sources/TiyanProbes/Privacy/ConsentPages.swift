import Foundation
import TiyanCore
import TiyanHTML

/// The pages where a user gives consent: every usable login and registration page, each with
/// the markup its scripts write. Throws `PageUnavailable` when there is none to judge.
struct ConsentPages {
    struct Source {
        var page: SitePage
        var document: HTMLDocument
        var fragment: ScriptFragment?

        func evidence(_ element: HTMLElement, extra: [(String, JSONValue)] = []) -> Evidence {
            if let fragment {
                var evidence = fragment.evidence(snippet: element.snippet, element: element)
                evidence.extra += extra
                return evidence
            }
            return page.evidence(element, extra: extra)
        }
    }

    let pages: [SitePage]
    let sources: [Source]

    init(_ site: SiteContext) throws {
        var pages: [SitePage] = []
        var failure: PageUnavailable?
        for role in [PageRole.login, .register] where !site.records(role).isEmpty {
            do {
                pages.append(try site.page(role))
            } catch let unavailable as PageUnavailable {
                failure = failure ?? unavailable
            }
        }
        guard !pages.isEmpty else {
            throw failure ?? PageUnavailable(.undetermined, reason: "no login or registration page was fetched")
        }
        self.pages = pages
        sources = pages.flatMap { page in
            [Source(page: page, document: page.document, fragment: nil)]
                + site.scriptFragments(of: page).map { Source(page: page, document: $0.document, fragment: $0) }
        }
    }

    /// The text around an element: its own, its `<label for>`, its parent's and its grandparent's
    /// (never a whole page, form or table), the first one
    /// (nearest first) no longer than `limit` that matches.
    static func label(of element: HTMLElement, in document: HTMLDocument, limit: Int, matching pattern: Pattern)
        -> HTMLElement?
    {
        var candidates: [HTMLElement] = [element]
        if let id = element.attribute("id"), !id.isEmpty,
           let label = (try? document.select("//label[@for=\(TextLocator.literal(id))]"))?.first {
            candidates.append(label)
        }
        for steps in ["..", "../.."] {
            // A page, form or table is not a label, however short the page.
            guard let ancestor = (try? document.select("\(element.xpath)/\(steps)"))?.first,
                  !["html", "body", "form", "table", "tbody"].contains(ancestor.name) else { break }
            candidates.append(ancestor)
        }
        return candidates.first { candidate in
            let text = candidate.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return !text.isEmpty && text.count <= limit && pattern.matches(text)
        }
    }
}
