import CXMLShim
import Foundation

/// One XPath evaluation with its own context, freed before returning.
enum XPathQuery {
    /// The elements an expression selects, in document order, each once; attribute, text and
    /// comment nodes stand for their parent element. A non-node result (`count(//a)`) selects
    /// nothing. Throws for an expression libxml2 cannot compile or evaluate, with or without a
    /// document, so configuration can be checked before any page is fetched.
    static func elements(
        matching expression: String, in document: DocumentPointer?, context node: NodePointer? = nil
    ) throws -> [NodePointer] {
        let branches = unionBranches(of: expression)
        guard branches.count > 1 else { return try evaluate(expression, in: document, context: node) }
        // libxml2 2.9 merges the node sets of a union by comparing every node of one with every
        // node of the other: `//a | //button` on a page of 100,000 links takes minutes. Each
        // branch alone, then one merge in document order, is the same set in n log n.
        var seen = Set<NodePointer>()
        var merged: [NodePointer] = []
        for branch in branches {
            for element in try evaluate(branch, in: document, context: node) where seen.insert(element).inserted {
                merged.append(element)
            }
        }
        return merged.sorted { xmlXPathCmpNodes($0, $1) == 1 }
    }

    /// The top-level alternatives of `a | b | c` (outside brackets, parentheses and strings); the
    /// expression itself when it is not a union at its top.
    static func unionBranches(of expression: String) -> [String] {
        var branches: [String] = []
        var depth = 0
        var quote: Character?
        var current = ""
        for character in expression {
            if let open = quote {
                if character == open { quote = nil }
            } else {
                switch character {
                case "'", "\"": quote = character
                case "[", "(": depth += 1
                case "]", ")": depth -= 1
                case "|" where depth == 0:
                    branches.append(current)
                    current = ""
                    continue
                default: break
                }
            }
            current.append(character)
        }
        branches.append(current)
        let trimmed = branches.map { $0.trimmingCharacters(in: .whitespaces) }
        return trimmed.count > 1 && trimmed.allSatisfy({ !$0.isEmpty }) ? trimmed : [expression]
    }

    private static func evaluate(
        _ expression: String, in document: DocumentPointer?, context node: NodePointer?
    ) throws -> [NodePointer] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        tiyan_xpath_context_silence(context)
        if let node { context.pointee.node = node }

        let compiled = expression.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: expression.utf8.count + 1) {
                xmlXPathCtxtCompile(context, $0)
            }
        }
        guard let compiled else { throw HTMLError.invalidXPath(expression) }
        defer { xmlXPathFreeCompExpr(compiled) }
        guard document != nil else { return [] }
        guard let result = xmlXPathCompiledEval(compiled, context) else { throw HTMLError.invalidXPath(expression) }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval,
              let table = set.pointee.nodeTab else { return [] }

        var seen = Set<NodePointer>()
        var elements: [NodePointer] = []
        for index in 0..<Int(set.pointee.nodeNr) {
            guard let element = table[index].flatMap(owningElement(of:)), seen.insert(element).inserted else { continue }
            elements.append(element)
        }
        return elements
    }

    private static func owningElement(of node: NodePointer) -> NodePointer? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            return node
        case XML_ATTRIBUTE_NODE, XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE:
            // Namespace nodes are xmlNs, not xmlNode, and have no usable parent; they are not here.
            return node.pointee.parent.flatMap { $0.isElement ? $0 : nil }
        default:
            return nil
        }
    }
}
