import CXMLShim

/// The two readings of an element's text: its text content (what `HTMLElement.text` holds) and
/// what a sighted reader sees of it (`visibleText`).
enum ElementText {
    /// Elements whose content is code or data, never text.
    static let nonText: Set<String> = ["script", "style"]

    /// Elements a browser does not render.
    static let unrendered: Set<String> = ["script", "style", "noscript", "template", "head", "title"]

    /// Elements that start a new line in the rendered text.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "iframe", "legend", "li", "main", "menu", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "option",
    ]

    static let cells: Set<String> = ["td", "th"]

    /// Text content, white space collapsed to single spaces, script and style left out.
    static func content(of root: NodePointer) -> String {
        var text = TextCollapsing()
        NodeWalk.walk(root) { node in
            if node.isText {
                text.append(node.content)
                return false
            }
            return node.isElement && !nonText.contains(node.name)
        }
        return text.finish()
    }

    /// Rendered text: no unrendered elements, nothing hidden (`hidden`, `display:none`,
    /// `visibility:hidden`, hidden inputs), one line per block.
    static func visible(of roots: [NodePointer]) -> String {
        var text = TextCollapsing()
        for root in roots where !isInsideHidden(root) {
            text.breakLine()
            NodeWalk.walk(root) { node in
                if node.isText {
                    text.append(node.content)
                    return false
                }
                guard node.isElement, !isHidden(node) else { return false }
                let name = node.name
                if name == "br" || blocks.contains(name) { text.breakLine() }
                if cells.contains(name) { text.appendSpace() }
                return true
            } exit: { node in
                let name = node.name
                if blocks.contains(name) { text.breakLine() }
                if cells.contains(name) { text.appendSpace() }
            }
        }
        return text.finish()
    }

    /// Non-white-space characters of the rendered text, counted up to `limit` (past it the walk
    /// stops): challenge and shell detection only ask "fewer than N?", and building the whole
    /// text of every page for that showed in crawl profiles.
    static func visibleCharacterCount(of root: NodePointer, limit: Int) -> Int {
        var count = 0
        NodeWalk.walk(root) { node in
            guard count <= limit else { return false }
            if node.isText {
                for scalar in node.content.unicodeScalars where !scalar.isFastWhitespace { count += 1 }
                return false
            }
            return node.isElement && !isHidden(node)
        }
        return min(count, limit + 1)
    }

    static func isHidden(_ element: NodePointer) -> Bool {
        let name = element.name
        if unrendered.contains(name) || element.hasAttribute("hidden") { return true }
        if name == "input", element.attribute("type")?.lowercased().trimmingASCIIWhitespaceAndQuotes() == "hidden" {
            return true
        }
        guard let style = element.attribute("style") else { return false }
        let declarations = style.lowercased().filter { !$0.isWhitespace }
        return declarations.contains("display:none") || declarations.contains("visibility:hidden")
    }

    private static func isInsideHidden(_ element: NodePointer) -> Bool {
        var ancestor = element.pointee.parent
        while let current = ancestor, current.isElement {
            if isHidden(current) { return true }
            ancestor = current.pointee.parent
        }
        return false
    }
}
