import CXMLShim

typealias NodePointer = UnsafeMutablePointer<xmlNode>
typealias DocumentPointer = UnsafeMutablePointer<xmlDoc>

/// The one place that calls libxml2's parser.
enum LibXML {
    // Swift runs a static initialiser exactly once, thread-safely; libxml2 needs
    // xmlInitParser before parsers run on several threads at once.
    private static let initialization: Void = xmlInitParser()

    /// The encoding is always given as UTF-8 (the text is already decoded) and IGNORE_ENC is set,
    /// so a `<meta charset>` that contradicts the decision already made cannot re-decode the page.
    /// The default depth limit (256) stays: deeper nesting is cut, never a stack overflow.
    private static let options: Int32 = {
        let flags: [htmlParserOption] = [
            HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_NONET,
            HTML_PARSE_COMPACT, HTML_PARSE_IGNORE_ENC,
        ]
        return Int32(bitPattern: flags.reduce(0) { $0 | $1.rawValue })
    }()

    /// nil for input libxml2 makes no document of (empty or white space only).
    static func parse(_ text: String, url: String) -> DocumentPointer? {
        _ = initialization
        var text = text
        return text.withUTF8 { bytes -> DocumentPointer? in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { return nil }
            let document = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(bytes.count), url, "UTF-8", options)
            }
            guard let document else { return nil }
            guard xmlDocGetRootElement(document) != nil else {
                xmlFreeDoc(document)
                return nil
            }
            return document
        }
    }
}
