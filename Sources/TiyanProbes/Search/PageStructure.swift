import TiyanCore
import TiyanHTML

/// The repeated sibling groups of one search response that hold links: every candidate for its
/// result list, found by structure alone. A group is the element children of one parent that
/// share a tag name and carry a title link; it is keyed by the parent's structural path (tag,
/// classes and rank among like siblings, from the root), so the same container on another
/// response of the same engine has the same key whatever its results.
struct PageStructure {
    struct Block {
        /// The most prominent link's text (heading or title-class link first, then the longest).
        let title: String
        /// The link's target as written (javascript: links give the path they open, when quoted).
        let href: String
        /// The block's absolute XPath.
        let locator: String
        /// The block says more than its title (a date, a department, a snippet): what result
        /// entries do and what navigation and hot words do not.
        let rich: Bool
        /// Links in the block other than pagination.
        let links: Int
    }

    /// Blocks by group key, in document order.
    let groups: [String: [Block]]
    /// The parent's XPath of each group, for evidence.
    let parents: [String: String]

    /// Link texts of pagination (1 2 下一页 …): a block made of these is not a result.
    let paginationLink: Pattern

    init(tree: DOMTree, paginationLink: Pattern) {
        self.paginationLink = paginationLink
        // Parents come before their children in document order: one pass over each parent's
        // children numbers like siblings without rescanning them.
        var keys: [Int: String] = [:]
        for root in tree.roots where tree[root].isElement { keys[root] = Self.step(tree[root]) }
        for index in tree.elements {
            guard let parentKey = keys[index] else { continue }
            var seen: [String: Int] = [:]
            for child in tree[index].children where tree[child].isElement {
                let step = Self.step(tree[child])
                let rank = (seen[step] ?? 0) + 1
                seen[step] = rank
                keys[child] = parentKey + "/" + step + "[\(rank)]"
            }
        }
        let summaries = Self.summarise(tree, paginationLink: paginationLink)
        var groups: [String: [Block]] = [:]
        var parents: [String: String] = [:]
        for index in tree.elements {
            guard let summary = summaries[index], let link = summary.link, let parent = tree[index].parent,
                  let parentKey = keys[parent], !Self.unrendered.contains(tree[index].name) else { continue }
            let key = parentKey + ">" + tree[index].name
            let extra = summary.textLength - link.text.filter { !$0.isWhitespace }.count
            groups[key, default: []].append(Block(title: link.text, href: link.href, locator: tree[index].xpath,
                                                   rich: extra >= 2, links: summary.links))
            if parents[key] == nil { parents[key] = tree[parent].xpath }
        }
        self.groups = groups
        self.parents = parents
    }

    /// Tag and classes: what makes one container recognisable from response to response.
    private static func step(_ node: DOMNode) -> String {
        let classes = (node.attribute("class") ?? "").split(whereSeparator: \.isWhitespace).joined(separator: ".")
        return classes.isEmpty ? node.name : node.name + "." + classes
    }

    static let unrendered: Set<String> = ["script", "style", "noscript", "template", "head", "title", "select", "option"]
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "dt"]

    private struct Link {
        var text: String
        var href: String
        var prominent: Bool
        var order: Int
    }

    private struct Summary {
        var link: Link?
        var textLength = 0
        var links = 0
    }

    /// Bottom-up, one pass: each element's visible text length, its non-pagination links and its
    /// most prominent one. A link is prominent inside a heading or an element whose class says
    /// title; among equals the longer text wins, then the earlier.
    private static func summarise(_ tree: DOMTree, paginationLink: Pattern) -> [Int: Summary] {
        var summaries: [Int: Summary] = [:]
        for index in tree.elements.reversed() {
            let node = tree[index]
            if unrendered.contains(node.name) || node.hasAttribute("hidden") || hiddenByStyle(node) { continue }
            var summary = Summary()
            for child in node.children {
                if tree[child].isElement {
                    guard let inner = summaries[child] else { continue }
                    summary.textLength += inner.textLength
                    summary.links += inner.links
                    if var link = inner.link {
                        if headings.contains(node.name) || titleClass(node) { link.prominent = true }
                        if summary.link.map({ better(link, than: $0) }) ?? true { summary.link = link }
                    }
                } else {
                    summary.textLength += tree[child].text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
                }
            }
            if node.name == "a", let link = link(node, index: index, tree: tree, paginationLink: paginationLink) {
                summary.links = 1
                summary.link = link
            }
            summaries[index] = summary
        }
        return summaries
    }

    private static func link(_ node: DOMNode, index: Int, tree: DOMTree, paginationLink: Pattern) -> Link? {
        guard let href = node.attribute("href") ?? node.attribute("onclick") else { return nil }
        let text = tree.textContent(of: index).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let title = text.isEmpty ? (node.attribute("title") ?? "") : text
        guard !title.isEmpty, !paginationLink.matches(title) else { return nil }
        return Link(text: title, href: target(href, onclick: node.attribute("onclick")),
                    prominent: titleClass(node), order: index)
    }

    /// `javascript:openDetail('/bszn/1.html')` and `href="#" onclick="window.open('…')"` open the
    /// quoted path: that is the result's link.
    static func target(_ href: String, onclick: String?) -> String {
        let trimmed = href.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("javascript:") || trimmed == "#" || trimmed.isEmpty || trimmed == onclick else { return trimmed }
        for source in [trimmed, onclick ?? ""] {
            for quote in ["'", "\""] {
                let parts = source.split(separator: Character(quote), omittingEmptySubsequences: false)
                for (position, part) in parts.enumerated() where position % 2 == 1 {
                    if part.hasPrefix("/") || part.hasPrefix("http") || part.contains(".htm") || part.contains(".jsp")
                        || part.contains(".do") {
                        return String(part)
                    }
                }
            }
        }
        return trimmed
    }

    private static func better(_ link: Link, than other: Link) -> Bool {
        if link.prominent != other.prominent { return link.prominent }
        if link.text.count != other.text.count { return link.text.count > other.text.count }
        return link.order < other.order
    }

    private static func titleClass(_ node: DOMNode) -> Bool {
        // Word by word: card-tit, item_title, newsTitle; not "entity" or "institution".
        let names = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        return names.split { $0 == " " || $0 == "-" || $0 == "_" }.contains { $0 == "tit" || $0.contains("title") }
    }

    private static func hiddenByStyle(_ node: DOMNode) -> Bool {
        let style = (node.attribute("style") ?? "").lowercased().filter { !$0.isWhitespace }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }
}
