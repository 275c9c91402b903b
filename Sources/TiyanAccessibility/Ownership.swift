import Foundation
import TiyanHTML

/// The accessibility tree's parent/child relation (WAI-ARIA 1.2 "owned element" and
/// "accessibility parent"): DOM children and `aria-owns` references, looking through elements
/// that are not exposed by themselves (no role, none/presentation, a plain generic container).
extension AccessiblePage {
    /// Elements referenced by some element's `aria-owns`, with their owner.
    var ariaOwners: [Int: Int] {
        var owners: [Int: Int] = [:]
        for node in elements {
            guard let ids = nonEmptyAttribute(node, "aria-owns") else { continue }
            for id in ids.split(whereSeparator: \.isWhitespace) {
                if let owned = tree.element(id: String(id)), owned != node, owners[owned] == nil { owners[owned] = node }
            }
        }
        return owners
    }

    /// An element that the accessibility tree leaves out while keeping its children.
    public func isTransparent(_ index: Int) -> Bool {
        let role = self.role(index)
        if role == nil || Self.isPresentational(role) { return true }
        return role == "generic" && !hasGlobalARIAAttribute(index) && !isFocusable(index)
            && tree[index].attribute("aria-owns") == nil
    }

    /// The nearest exposed ancestor, or the `aria-owns` owner.
    public func accessibilityParent(_ index: Int, owners: [Int: Int]) -> Int? {
        var current = index
        var seen: Set<Int> = [index]
        while true {
            // aria-owns can make a cycle; the tree then has no parent to offer.
            guard let parent = owners[current] ?? tree[current].parent, seen.insert(parent).inserted else { return nil }
            if !isTransparent(parent) { return parent }
            current = parent
        }
    }

    /// Owned children: exposed elements and non-blank text below `index` through transparent
    /// elements, plus `aria-owns` references; hidden content is left out.
    public func ownedChildren(_ index: Int, owners: [Int: Int]) -> [Int] {
        var result: [Int] = []
        var stack = Array(tree[index].children.reversed())
        if let ids = nonEmptyAttribute(index, "aria-owns") {
            for id in ids.split(whereSeparator: \.isWhitespace).reversed() {
                if let owned = tree.element(id: String(id)), owned != index { stack.insert(owned, at: 0) }
            }
        }
        while let next = stack.popLast() {
            if tree[next].isElement, owners[next] != nil, owners[next] != index { continue }
            // Hidden content is out of the tree; a none/presentation element is looked through.
            guard !isProgrammaticallyHidden(next) else { continue }
            if !tree[next].isElement {
                if !tree[next].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { result.append(next) }
                continue
            }
            if isTransparent(next) {
                stack.append(contentsOf: tree[next].children.reversed())
            } else {
                result.append(next)
            }
        }
        return result
    }
}
