/// A document as selector matching sees it: elements numbered in document order, each with
/// its name, attributes, parent and previous element sibling.
public protocol CSSElementTree {
    var elementCount: Int { get }
    /// The element's local name, lower-cased for HTML.
    func name(of element: Int) -> String
    /// An attribute's value; `name` is lower-case.
    func attribute(_ name: String, of element: Int) -> String?
    func parent(of element: Int) -> Int?
    func previousSibling(of element: Int) -> Int?
    func hasNextSibling(_ element: Int) -> Bool
}

/// Matches selectors against a tree the way browsers do: candidates for the subject come from
/// an index by id, class or name, and the rest of the selector is checked right to left up the
/// ancestors and back along the siblings. Much faster than one XPath query per selector on
/// pages with thousands of elements and sheets with thousands of rules.
public struct CSSSelectorMatcher<Tree: CSSElementTree> {
    public let tree: Tree
    private var byID: [String: [Int]] = [:]
    private var byClass: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    private var classes: [Set<String>] = []
    /// 1-based position among element siblings, for :nth-child.
    private var positions: [Int] = []

    public init(tree: Tree) {
        self.tree = tree
        let count = tree.elementCount
        classes.reserveCapacity(count)
        positions.reserveCapacity(count)
        for element in 0..<count {
            byName[tree.name(of: element).lowercased(), default: []].append(element)
            if let id = tree.attribute("id", of: element), !id.isEmpty { byID[id, default: []].append(element) }
            let names = Set(
                (tree.attribute("class", of: element) ?? "").split(whereSeparator: \.isWhitespace)
                    .map(String.init))
            for name in names { byClass[name, default: []].append(element) }
            classes.append(names)
            let previous = tree.previousSibling(of: element)
            positions.append(previous.map { $0 < element ? positions[$0] + 1 : 1 } ?? 1)
        }
    }

    /// The elements the selector matches, in document order. A selector that only matches
    /// states (`:hover`) or pseudo-elements matches nothing.
    public func elements(matching selector: CSSSelector) -> [Int] {
        guard selector.matchesStaticElements, let subject = selector.subject else { return [] }
        let candidates: [Int]
        if let id = subject.ids.first {
            candidates = byID[id] ?? []
        } else if let name = subject.classes.first {
            candidates = byClass[name] ?? []
        } else if let type = subject.type {
            candidates = byName[type] ?? []
        } else {
            candidates = Array(0..<tree.elementCount)
        }
        return candidates.filter { matches(selector.parts, upTo: selector.parts.count - 1, element: $0) }
    }

    public func matches(_ selector: CSSSelector, element: Int) -> Bool {
        selector.matchesStaticElements && !selector.parts.isEmpty
            && matches(selector.parts, upTo: selector.parts.count - 1, element: element)
    }

    private func matches(_ parts: [CSSSelector.Part], upTo index: Int, element: Int) -> Bool {
        guard matches(parts[index].compound, element: element) else { return false }
        guard index > 0 else { return true }
        switch parts[index].combinator {
        case .child?:
            guard let parent = tree.parent(of: element) else { return false }
            return matches(parts, upTo: index - 1, element: parent)
        case .nextSibling?:
            guard let previous = tree.previousSibling(of: element) else { return false }
            return matches(parts, upTo: index - 1, element: previous)
        case .subsequentSibling?:
            var previous = tree.previousSibling(of: element)
            while let sibling = previous {
                if matches(parts, upTo: index - 1, element: sibling) { return true }
                previous = tree.previousSibling(of: sibling)
            }
            return false
        case .descendant?, nil:
            var ancestor = tree.parent(of: element)
            while let current = ancestor {
                if matches(parts, upTo: index - 1, element: current) { return true }
                ancestor = tree.parent(of: current)
            }
            return false
        }
    }

    private func matches(_ compound: CSSSelector.Compound, element: Int) -> Bool {
        if compound.pseudoElement != nil { return false }
        if let type = compound.type, tree.name(of: element).lowercased() != type { return false }
        for id in compound.ids where tree.attribute("id", of: element) != id { return false }
        for name in compound.classes where !classes[element].contains(name) { return false }
        for test in compound.attributes where !matches(test, element: element) { return false }
        for pseudo in compound.pseudoClasses where !matches(pseudo, element: element) { return false }
        return true
    }

    private func matches(_ test: CSSSelector.AttributeTest, element: Int) -> Bool {
        guard let value = tree.attribute(test.name, of: element) else { return false }
        switch test.match {
        case .exists: return true
        case .equals: return value == test.value
        case .includes: return value.split(whereSeparator: \.isWhitespace).contains { $0 == test.value }
        case .dashMatch: return value == test.value || value.hasPrefix(test.value + "-")
        case .prefix: return !test.value.isEmpty && value.hasPrefix(test.value)
        case .suffix: return !test.value.isEmpty && value.hasSuffix(test.value)
        case .substring: return !test.value.isEmpty && value.contains(test.value)
        }
    }

    private func matches(_ pseudo: CSSSelector.PseudoClass, element: Int) -> Bool {
        switch pseudo {
        case .firstChild: return tree.previousSibling(of: element) == nil
        case .lastChild: return !tree.hasNextSibling(element)
        case .onlyChild: return tree.previousSibling(of: element) == nil && !tree.hasNextSibling(element)
        case .root: return tree.parent(of: element) == nil
        case .link:
            let name = tree.name(of: element).lowercased()
            return (name == "a" || name == "area") && tree.attribute("href", of: element) != nil
        case .empty:
            // Text children are not in the tree: whether the element is empty cannot be told.
            return false
        case .nthChild(let a, let b):
            let position = positions[element]
            if a == 0 { return position == b }
            let steps = position - b
            return steps % a == 0 && steps / a >= 0
        case .not(let inner):
            return !matches(inner, element: element)
        case .dynamic:
            return false
        }
    }
}
