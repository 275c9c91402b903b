import TiyanAccessibility
import TiyanCSS
import TiyanCore
import TiyanHTML

/// What the page's style sheets say about `display` and `visibility`, element by element: the
/// `<style>` blocks and the linked stylesheets the crawl fetched, cascaded by importance,
/// specificity and order. Only rules outside `@media` (or for `all` / `screen`) count: which
/// conditional rules apply depends on a window the prober does not have.
enum StyleSheetVisibility {
    /// Display and visibility decide hiddenness; the others feed "visible" and the text-spacing
    /// rules (font size, and whether an inline declaration is beaten by an important sheet one).
    static let properties: Set<String> = [
        "display", "visibility", "opacity", "font-size", "letter-spacing", "word-spacing", "line-height",
    ]

    /// On a rendered page the browser's computed display, visibility and opacity are final:
    /// every sheet, every script-set style and the UA sheet are already in them. They are given
    /// as important so that no inline declaration is read over them. Sizes and spacing are left
    /// to the cascade, whose inline-against-sheet question the text-spacing rules ask.
    static func computed(_ view: RenderedView) -> [String: [StyleDeclaration]] {
        var byPath: [String: [StyleDeclaration]] = [:]
        for element in view.elements {
            byPath[element.xpath] = ["display", "visibility", "opacity"].compactMap { property in
                element.style[property].map { StyleDeclaration(property: property, value: $0, important: true) }
            }
        }
        return byPath
    }

    static func declarations(of page: SitePage, site: SiteContext) -> [String: [StyleDeclaration]] {
        if let view = page.view, !view.elements.isEmpty { return computed(view) }
        var texts: [String] = []
        let fetched = site.records(.stylesheet).filter { $0.hasBody && $0.error == nil }
        for sheet in page.document.stylesheets {
            guard Self.applies(sheet.element.attribute("media")) else { continue }
            if let url = sheet.url {
                if let record = fetched.first(where: { $0.url == url || $0.finalURL == url }) {
                    texts.append(site.text(of: record))
                }
            } else {
                texts.append(sheet.inlineText)
            }
        }
        struct Candidate {
            var declaration: CSSDeclaration
            var specificity: CSSSpecificity
            var order: Int
        }
        var winners: [Int: [String: Candidate]] = [:]
        var order = 0
        let matcher = page.selectors(measuredBy: site)
        for text in texts {
            for rule in CSSStyleSheet.parse(text).rules where rule.media.allSatisfy(Self.applies) {
                let relevant = rule.declarations.filter { properties.contains($0.property) }
                guard !relevant.isEmpty else { continue }
                for selectorText in rule.selectors {
                    order += 1
                    guard let selector = CSSSelector.parse(selectorText) else { continue }
                    for element in matcher.elements(matching: selector) {
                        for declaration in relevant {
                            let candidate = Candidate(declaration: declaration, specificity: selector.specificity, order: order)
                            if let current = winners[element]?[declaration.property] {
                                let beats = (candidate.declaration.isImportant, candidate.specificity, candidate.order)
                                    > (current.declaration.isImportant, current.specificity, current.order)
                                if !beats { continue }
                            }
                            winners[element, default: [:]][declaration.property] = candidate
                        }
                    }
                }
            }
        }
        var byPath: [String: [StyleDeclaration]] = [:]
        for (element, byProperty) in winners {
            byPath[matcher.tree.rows[element].xpath] = byProperty.values.sorted { $0.order < $1.order }.map {
                StyleDeclaration(property: $0.declaration.property, value: $0.declaration.value,
                                 important: $0.declaration.isImportant)
            }
        }
        return byPath
    }

    /// A media condition that holds on any screen: none, `all` or `screen`.
    static func applies(_ media: String?) -> Bool {
        guard let media = media?.trimmingCharacters(in: .whitespaces).lowercased(), !media.isEmpty else { return true }
        return media.split(separator: ",").contains { ["all", "screen"].contains($0.trimmingCharacters(in: .whitespaces)) }
    }
}

private func > (lhs: (Bool, CSSSpecificity, Int), rhs: (Bool, CSSSpecificity, Int)) -> Bool {
    if lhs.0 != rhs.0 { return lhs.0 }
    if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
    return lhs.2 > rhs.2
}
