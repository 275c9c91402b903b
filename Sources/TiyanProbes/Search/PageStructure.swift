import TiyanCore
import TiyanHTML

/// The repeated sibling groups of one search response that hold links: every candidate for its
/// result list, found by structure alone. A group is the element children of one parent that
/// share a tag name and carry a title link; it is keyed by the parent's structural path (tag,
/// classes and rank among like siblings, from the root), so the same container on another
/// response of the same engine has the same key whatever its results.
///
/// Built once per response and read for every query pair, so its cost is what a search run
/// costs: one bottom-up pass, each link's text measured once (not again at every ancestor), node
/// text counted by scalar, keys built only for parents of link-bearing blocks.
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
        let nodes = tree.nodes
        let summaries = Self.summarise(tree, paginationLink: paginationLink)
        var keys = StructuralKeys(tree: tree)
        var groups: [String: [Block]] = [:]
        var parents: [String: String] = [:]
        for index in tree.elements {
            guard let summary = summaries[index], let link = summary.link, let parent = nodes[index].parent,
                  !Self.unrendered.contains(nodes[index].name), let parentKey = keys.key(of: parent) else { continue }
            let key = parentKey + ">" + nodes[index].name
            let extra = summary.textLength - link.solid
            groups[key, default: []].append(Block(title: link.text, href: link.href, locator: nodes[index].xpath,
                                                   rich: extra >= 2, links: summary.links))
            if parents[key] == nil { parents[key] = nodes[parent].xpath }
        }
        self.groups = groups
        self.parents = parents
    }

    /// Structural keys of elements, made on demand: an element's key needs its parent's and its
    /// rank among like siblings, so asking for one numbers its parent's children once and keeps
    /// them all. Elements under no element root (none in a parsed page) have none.
    private struct StructuralKeys {
        let tree: DOMTree
        private var keys: [String?]
        private var numbered: [Bool]

        init(tree: DOMTree) {
            self.tree = tree
            keys = Array(repeating: nil, count: tree.nodes.count)
            numbered = Array(repeating: false, count: tree.nodes.count)
            for root in tree.roots where tree.nodes[root].isElement { keys[root] = PageStructure.step(tree.nodes[root]) }
        }

        mutating func key(of index: Int) -> String? {
            if let key = keys[index] { return key }
            guard let parent = tree.nodes[index].parent, !numbered[parent] else { return nil }
            numbered[parent] = true
            guard let parentKey = key(of: parent) else { return nil }
            var seen: [String: Int] = [:]
            for child in tree.nodes[parent].children where tree.nodes[child].isElement {
                let step = PageStructure.step(tree.nodes[child])
                let rank = (seen[step] ?? 0) + 1
                seen[step] = rank
                keys[child] = parentKey + "/" + step + "[\(rank)]"
            }
            return keys[index]
        }
    }

    /// Tag and classes: what makes one container recognisable from response to response.
    fileprivate static func step(_ node: DOMNode) -> String {
        guard let value = node.attribute("class") else { return node.name }
        let classes = ASCIIText.words(value) ?? value.split(whereSeparator: \.isWhitespace).joined(separator: ".")
        return classes.isEmpty ? node.name : node.name + "." + classes
    }

    static let unrendered: Set<String> = ["script", "style", "noscript", "template", "head", "title", "select", "option"]
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "dt"]

    private struct Link {
        var text: String
        var href: String
        var prominent: Bool
        var order: Int
        /// `text.count` and its non-white-space characters, measured once.
        var length: Int
        var solid: Int
    }

    private struct Summary {
        var link: Link?
        var textLength = 0
        var links = 0
    }

    /// Bottom-up, one pass: each element's visible text length, its non-pagination links and its
    /// most prominent one. A link is prominent inside a heading or an element whose class says
    /// title; among equals the longer text wins, then the earlier.
    private static func summarise(_ tree: DOMTree, paginationLink: Pattern) -> [Summary?] {
        let nodes = tree.nodes
        var summaries = [Summary?](repeating: nil, count: nodes.count)
        for index in tree.elements.reversed() {
            let node = nodes[index]
            if unrendered.contains(node.name) || node.hasAttribute("hidden") || hiddenByStyle(node) { continue }
            var summary = Summary()
            var promotes: Bool?
            for child in node.children {
                if nodes[child].isElement {
                    guard let inner = summaries[child] else { continue }
                    summary.textLength += inner.textLength
                    summary.links += inner.links
                    if var link = inner.link {
                        if promotes == nil { promotes = headings.contains(node.name) || titleClass(node) }
                        if promotes == true { link.prominent = true }
                        if summary.link.map({ better(link, than: $0) }) ?? true { summary.link = link }
                    }
                } else {
                    summary.textLength += solidScalars(nodes[child].text)
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

    /// Scalars that are not white space (what a text node adds to its element's text length).
    private static func solidScalars(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !isWhiteSpace(scalar) { count += 1 }
        return count
    }

    /// `properties.isWhitespace` without the property lookup for the scalars no white space is
    /// among (U+3001 and above: CJK text and full-width forms).
    private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        if scalar.value > 0x3000 { return false }
        return scalar.properties.isWhitespace
    }

    private static func link(_ node: DOMNode, index: Int, tree: DOMTree, paginationLink: Pattern) -> Link? {
        guard let href = node.attribute("href") ?? node.attribute("onclick") else { return nil }
        let raw = tree.textContent(of: index)
        let text = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let title = text.isEmpty ? (node.attribute("title") ?? "") : text
        guard !title.isEmpty, !paginationLink.matches(title) else { return nil }
        var length = 0
        var solid = 0
        for character in title {
            length += 1
            if !character.isWhitespace { solid += 1 }
        }
        return Link(text: title, href: target(href, onclick: node.attribute("onclick")),
                    prominent: titleClass(node), order: index, length: length, solid: solid)
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
        if link.length != other.length { return link.length > other.length }
        return link.order < other.order
    }

    private static func titleClass(_ node: DOMNode) -> Bool {
        // Word by word: card-tit, item_title, newsTitle; not "entity" or "institution".
        let classes = node.attribute("class")
        let id = node.attribute("id")
        if classes == nil && id == nil { return false }
        let names = ((classes ?? "") + " " + (id ?? "")).lowercased()
        return names.split { $0 == " " || $0 == "-" || $0 == "_" }.contains { $0 == "tit" || $0.contains("title") }
    }

    private static func hiddenByStyle(_ node: DOMNode) -> Bool {
        guard let value = node.attribute("style") else { return false }
        let style = value.lowercased().filter { !$0.isWhitespace }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }
}

/// White-space handling of attribute values that are ASCII (nearly all class lists), where a
/// character is a byte; nil for other values, which take the Character-wise path.
enum ASCIIText {
    /// The words of `value` joined by dots (`"a  b"` → `"a.b"`).
    static func words(_ value: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pending = false
        for byte in value.utf8 {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pending = !out.isEmpty
            } else {
                if pending { out.append(UInt8(ascii: ".")) }
                pending = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
