import CXMLShim

extension HTMLDocument {
    func extractLinks() -> [HTMLLink] {
        let base = URLResolver.ParsedBase(baseURL)
        return elements { ($0.hasName("a") || $0.hasName("area")) && $0.hasAttribute("href") }.map { node in
            let href = node.attribute("href") ?? ""
            let element = snapshot(node)
            return HTMLLink(
                url: URLResolver.resolve(href, against: base), href: href, text: element.text,
                title: HTMLDocument.linkTitle(of: node), element: element)
        }
    }

    /// What names a link besides its text: icon links (a magnifier for search, a globe for
    /// English) often have only this.
    private static func linkTitle(of link: NodePointer) -> String? {
        for name in ["title", "aria-label"] {
            if let value = link.attribute(name).flatMap(nonEmptyCollapsed) { return value }
        }
        let images = NodeWalk.descendants(of: link) { $0.hasName("img") }
        return images.lazy.compactMap { $0.attribute("alt").flatMap(nonEmptyCollapsed) }.first
    }
}

func nonEmptyCollapsed(_ text: String) -> String? {
    let collapsed = TextCollapsing.collapse(text)
    return collapsed.isEmpty ? nil : collapsed
}
