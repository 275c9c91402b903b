import CXMLShim
import Foundation

/// Absolute XPaths for evidence locators.
///
/// Convention (the one libxml2's `xmlGetNodePath` and browsers' "copy full XPath" use): a step
/// carries a position `[n]` only when the element has siblings of the same name, counting among
/// those siblings from 1, e.g. `/html/body/div[2]/a[3]`, or `/html/body/div[1]/a` for the first of
/// several divs whose link is its only one. Every path selects exactly one element. Names that are
/// not plain XML names (`o:p` from Word) become `*[name()='o:p']`.
///
/// Steps are computed for all children of a parent at once and remembered, so locating every
/// link of a list with thousands of items stays linear. One instance serves one document, which
/// never changes after parsing.
final class NodePaths {
    private var steps: [NodePointer: String] = [:]

    func path(of element: NodePointer, below ancestor: NodePointer? = nil) -> String {
        var reversed: [String] = []
        var current: NodePointer? = element
        while let node = current, node.isElement, node != ancestor {
            reversed.append(step(for: node))
            current = node.pointee.parent
        }
        return reversed.reversed().map { "/" + $0 }.joined()
    }

    func step(for node: NodePointer) -> String {
        if let known = steps[node] { return known }
        let siblings = node.pointee.parent.map(\.elementChildren) ?? [node]
        var totals: [String: Int] = [:]
        for sibling in siblings { totals[sibling.name, default: 0] += 1 }
        var positions: [String: Int] = [:]
        for sibling in siblings {
            let name = sibling.name
            positions[name, default: 0] += 1
            let test = NodePaths.isPlainName(name) ? name : "*[name()='\(name.replacingOccurrences(of: "'", with: ""))']"
            steps[sibling] = (totals[name] ?? 0) > 1 ? "\(test)[\(positions[name] ?? 1)]" : test
        }
        return steps[node] ?? node.name
    }

    private static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == "."
        }
    }
}
