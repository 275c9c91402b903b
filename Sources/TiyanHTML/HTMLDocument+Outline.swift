import CXMLShim
public import TiyanCore

/// One element of a document as a row of a table: its name, attributes, path and family, but
/// not its text or markup. What CSS selector matching needs, cheap enough for every element.
public struct HTMLOutlineElement: Sendable, Hashable {
    public var name: String
    /// Attributes in document order, names lower-cased.
    public var attributes: [HTTPHeader]
    public var xpath: String
    /// Index of the parent element in the outline; nil for a top-level element.
    public var parent: Int?
    /// Index of the previous element sibling; nil for a first child.
    public var previousSibling: Int?
    /// Whether an element sibling follows.
    public var hasNextSibling: Bool

    public func attribute(_ name: String) -> String? { attributes.value(of: name) }
}

extension HTMLDocument {
    /// Every element in document order, with indexes of its parent and previous sibling.
    public func outline() -> [HTMLOutlineElement] {
        guard let document = self.document else { return [] }
        let nodes = NodeWalk.elements(of: document) { _ in true }
        var index: [NodePointer: Int] = [:]
        var rows: [HTMLOutlineElement] = []
        rows.reserveCapacity(nodes.count)
        var lastChild: [Int: Int] = [:]
        for node in nodes {
            let parent = node.pointee.parent.flatMap { index[$0] }
            let previous = parent.flatMap { lastChild[$0] }
            if let previous { rows[previous].hasNextSibling = true }
            index[node] = rows.count
            if let parent { lastChild[parent] = rows.count }
            rows.append(
                HTMLOutlineElement(
                    name: node.name, attributes: node.attributes, xpath: path(of: node), parent: parent,
                    previousSibling: previous, hasNextSibling: false))
        }
        return rows
    }
}
