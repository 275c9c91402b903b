public import TiyanCore

/// One node of a `DOMTree`: an element or a text node, with links to its relatives as indices
/// into `DOMTree.nodes`, so the whole tree is a plain `Sendable` value.
public struct DOMNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case element, text }

    public var kind: Kind
    /// Lower-cased tag name; empty for text nodes.
    public var name: String
    /// Attributes in source order, names lower-cased.
    public var attributes: [HTTPHeader]
    /// The content of a text node; empty for elements.
    public var text: String
    public var parent: Int?
    /// Element and text children, in document order.
    public var children: [Int]
    /// An element's absolute XPath, in the form of `HTMLElement.xpath`; a text node's parent's.
    public var xpath: String

    public var isElement: Bool { kind == .element }

    /// The value of an attribute (names compare case-insensitively).
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value ?? attributes.value(of: name)
    }

    public func hasAttribute(_ name: String) -> Bool { attribute(name) != nil }
}

/// An immutable snapshot of a parsed page: every element and text node (comments dropped),
/// built in one walk of the libxml2 tree. Rules that look at many elements and their relatives
/// (accessibility) work on it without touching libxml2.
public struct DOMTree: Sendable {
    public let nodes: [DOMNode]
    /// The indices of the top-level elements (normally just `<html>`).
    public let roots: [Int]

    private let identifiers: [String: Int]

    public init(nodes: [DOMNode], roots: [Int]) {
        self.nodes = nodes
        self.roots = roots
        var map: [String: Int] = [:]
        for index in nodes.indices where nodes[index].isElement {
            if let id = nodes[index].attribute("id"), map[id] == nil { map[id] = index }
        }
        identifiers = map
        elements = nodes.indices.filter { nodes[$0].isElement }
    }

    public subscript(index: Int) -> DOMNode { nodes[index] }

    /// The document element (`<html>`), if any.
    public var documentElement: Int? { roots.first { nodes[$0].isElement } }

    /// Element indices in document order (the nodes array is in document order).
    public let elements: [Int]

    /// Ancestors of a node, nearest first.
    public func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var current = nodes[index].parent
        while let parent = current {
            result.append(parent)
            current = nodes[parent].parent
        }
        return result
    }

    /// Element and text descendants of a node in document order (not the node itself).
    public func descendants(of index: Int) -> [Int] {
        var result: [Int] = []
        var stack = nodes[index].children.reversed() as [Int]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: nodes[next].children.reversed())
        }
        return result
    }

    /// The text of every text node below `index`, in order, as written.
    public func textContent(of index: Int) -> String {
        if !nodes[index].isElement { return nodes[index].text }
        return descendants(of: index).filter { !nodes[$0].isElement }.map { nodes[$0].text }.joined()
    }

    /// The first element whose `id` is `id`.
    public func element(id: String) -> Int? { identifiers[id] }

    /// The element's outer HTML, clipped like every evidence snippet. Written from the snapshot
    /// and stopping as soon as it is long enough, so asking for it is cheap.
    public func snippet(of index: Int) -> String {
        let budget = Evidence.maximumSnippetLength * 2
        var output = ""
        var stack: [(node: Int, closing: Bool)] = [(index, false)]
        while let (node, closing) = stack.popLast(), output.count <= budget {
            let item = nodes[node]
            if closing {
                output += "</\(item.name)>"
                continue
            }
            guard item.isElement else {
                let raw = item.parent.map { ["script", "style", "title", "textarea", "xmp"].contains(nodes[$0].name) } ?? false
                output += raw ? String(item.text.prefix(budget)) : DOMTree.escape(String(item.text.prefix(budget)), quotes: false)
                continue
            }
            output += "<" + item.name
            for attribute in item.attributes {
                output += " \(attribute.name)=\"\(DOMTree.escape(attribute.value, quotes: true))\""
            }
            output += ">"
            guard !OuterHTML.voidElements.contains(item.name) else { continue }
            stack.append((node, true))
            for child in item.children.reversed() { stack.append((child, false)) }
        }
        return Evidence.clip(output)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<" where !quotes: result += "&lt;"
            case ">" where !quotes: result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
