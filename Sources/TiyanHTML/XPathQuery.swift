import CXMLShim

/// One XPath evaluation with its own context, freed before returning.
enum XPathQuery {
    /// The elements an expression selects, in document order, each once; attribute, text and
    /// comment nodes stand for their parent element. A non-node result (`count(//a)`) selects
    /// nothing. Throws for an expression libxml2 cannot compile or evaluate, with or without a
    /// document, so configuration can be checked before any page is fetched.
    static func elements(
        matching expression: String, in document: DocumentPointer?, context node: NodePointer? = nil
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
