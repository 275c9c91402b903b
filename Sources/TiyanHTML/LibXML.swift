import CXMLShim

typealias NodePointer = UnsafeMutablePointer<xmlNode>
typealias DocumentPointer = UnsafeMutablePointer<xmlDoc>

/// The one place that calls libxml2's parser.
enum LibXML {
    // Swift runs a static initialiser exactly once, thread-safely; libxml2 needs
    // xmlInitParser before parsers run on several threads at once.
    private static let initialization: Void = {
        xmlInitParser()
        tiyan_xml_set_max_depth(maximumDepth)
    }()

    /// libxml2 halts at 256 levels of nesting, and legacy pages reach that with unclosed `<font>`
    /// tags alone, hiding the footer that follows. 2048 is libxml2's own limit for huge
    /// documents; the tree walks are iterative and the probes run on a large stack
    /// (`LargeStack`) for the computations that follow the tree by definition.
    static let maximumDepth: UInt32 = 2048

    /// A parsed document, and whether libxml2 read the input to its end (it halts on nesting
    /// beyond `maximumDepth`, dropping everything after).
    struct Parsed {
        var document: DocumentPointer?
        var reachedEnd: Bool
    }

    /// The encoding is always given as UTF-8 (the text is already decoded) and IGNORE_ENC is set,
    /// so a `<meta charset>` that contradicts the decision already made cannot re-decode the page.
    private static let options: Int32 = {
        let flags: [htmlParserOption] = [
            HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_NONET,
            HTML_PARSE_COMPACT, HTML_PARSE_IGNORE_ENC,
        ]
        return Int32(bitPattern: flags.reduce(0) { $0 | $1.rawValue })
    }()

    /// A nil document for input libxml2 makes no document of (empty or white space only).
    static func parse(_ text: String, url: String) -> Parsed {
        _ = initialization
        var text = AttributeFlood.limited(text)
        return text.withUTF8 { bytes -> Parsed in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else {
                return Parsed(document: nil, reachedEnd: true)
            }
            guard let context = htmlNewParserCtxt() else { return Parsed(document: nil, reachedEnd: false) }
            defer { htmlFreeParserCtxt(context) }
            let document = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlCtxtReadMemory(context, $0, Int32(bytes.count), url, "UTF-8", options)
            }
            // A halted parser disables its callbacks; recovered errors never do (RECOVER is set).
            let reachedEnd = context.pointee.disableSAX == 0
            guard let document else { return Parsed(document: nil, reachedEnd: reachedEnd) }
            guard xmlDocGetRootElement(document) != nil else {
                xmlFreeDoc(document)
                return Parsed(document: nil, reachedEnd: reachedEnd)
            }
            // Numbers the elements once, so comparing two by document order (XPathQuery's
            // union merge, libxml2's own sorting) is constant time.
            xmlXPathOrderDocElems(document)
            return Parsed(document: document, reachedEnd: reachedEnd)
        }
    }
}
