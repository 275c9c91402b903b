import CXMLShim
import TiyanCore

/// Builds a `DOMTree` in one walk of the libxml2 document.
enum DOMTreeBuilder {
    static func build(_ document: DocumentPointer?, paths: NodePaths) -> DOMTree {
        guard let document else { return DOMTree(nodes: [], roots: []) }
        var nodes: [DOMNode] = []
        var roots: [Int] = []
        var open: [Int] = []
        var top = document.pointee.children
        while let current = top {
            NodeWalk.walk(current) { node in
                let parent = open.last
                let kind: DOMNode.Kind
                if node.isElement {
                    kind = .element
                } else if node.isText {
                    kind = .text
                } else {
                    return false
                }
                let index = nodes.count
                let xpath: String
                if kind == .element {
                    let step = paths.step(for: node)
                    xpath = (parent.map { nodes[$0].xpath } ?? "") + "/" + step
                } else {
                    xpath = parent.map { nodes[$0].xpath } ?? ""
                }
                nodes.append(DOMNode(
                    kind: kind, name: kind == .element ? node.name : "",
                    attributes: kind == .element ? node.attributes : [],
                    text: kind == .text ? node.content : "", parent: parent, children: [], xpath: xpath))
                if let parent { nodes[parent].children.append(index) } else { roots.append(index) }
                guard kind == .element else { return false }
                open.append(index)
                return true
            } exit: { node in
                if node.isElement { _ = open.popLast() }
            }
            top = current.pointee.next
        }
        return DOMTree(nodes: nodes, roots: roots)
    }
}
