import CXMLShim

/// Document-order traversal without recursion: libxml2 allows 256 levels, and pages are walked
/// on threads whose stacks the caller does not control.
enum NodeWalk {
    /// Calls `enter` for `root` and every node below it; `enter` returns whether to visit the
    /// node's children. `exit` follows, after the children, for every node that was entered
    /// with a true answer.
    static func walk(
        _ root: NodePointer, enter: (NodePointer) -> Bool, exit: (NodePointer) -> Void = { _ in }
    ) {
        guard enter(root) else { return }
        var node = root
        var child = root.pointee.children
        while true {
            if let next = child {
                if enter(next) {
                    node = next
                    child = next.pointee.children
                } else {
                    child = next.pointee.next
                }
                continue
            }
            exit(node)
            if node == root { return }
            child = node.pointee.next
            guard let parent = node.pointee.parent else { return }
            node = parent
        }
    }

    /// Every element of the document (top-level nodes: doctype, comments, `<html>`).
    static func elements(of document: DocumentPointer, where include: (NodePointer) -> Bool) -> [NodePointer] {
        var result: [NodePointer] = []
        var top = document.pointee.children
        while let current = top {
            walk(current) { node in
                guard node.isElement else { return false }
                if include(node) { result.append(node) }
                return true
            }
            top = current.pointee.next
        }
        return result
    }

    /// Elements below `root` (not `root` itself) that match.
    static func descendants(of root: NodePointer, where include: (NodePointer) -> Bool) -> [NodePointer] {
        var result: [NodePointer] = []
        walk(root) { node in
            guard node.isElement else { return false }
            if node != root, include(node) { result.append(node) }
            return true
        }
        return result
    }
}
