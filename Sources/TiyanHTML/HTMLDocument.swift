public import Foundation
import CXMLShim

/// A parsed HTML page. Owns the libxml2 document and frees it in deinit; not Sendable, so each
/// task parses its own. No libxml2 type appears in the public API. Empty or unparseable input
/// gives an empty document: every query answers with nothing.
public final class HTMLDocument {
    public let url: String
    /// How the bytes were decoded (when built from bytes).
    public let decoding: DecodedText
    let document: DocumentPointer?
    /// False when the parser stopped before the end of the input (nesting deeper than libxml2
    /// follows): whatever came after is missing, so an absence on this page proves nothing.
    public let isParsedToEnd: Bool
    private let paths = NodePaths()

    /// Parses bytes, deciding the charset with `CharsetDecoder` first.
    public convenience init(data: Data, contentType: String?, url: String) {
        self.init(decoded: CharsetDecoder.decode(data, contentType: contentType), url: url)
    }

    /// Parses text that is already decoded.
    public convenience init(html: String, url: String) {
        self.init(decoded: DecodedText(text: html, charset: "utf-8", source: .default), url: url)
    }

    public init(decoded: DecodedText, url: String) {
        self.url = url
        self.decoding = decoded
        let parsed = LibXML.parse(decoded.text, url: url)
        document = parsed.document
        isParsedToEnd = parsed.reachedEnd
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    var root: NodePointer? { document.flatMap { xmlDocGetRootElement($0) } }

    /// Where relative URLs in the page point from: the first `<base href>` resolved against the
    /// document URL, else the document URL.
    public private(set) lazy var baseURL: String = {
        let base = document.flatMap { NodeWalk.elements(of: $0) { $0.hasName("base") && $0.hasAttribute("href") }.first }
        return base?.attribute("href").flatMap { URLResolver.resolve($0, against: url) } ?? url
    }()

    /// The first `<title>`'s text, white space collapsed; nil when absent or empty.
    public var title: String? {
        let title = document.flatMap { NodeWalk.elements(of: $0) { $0.hasName("title") }.first }
        return title.map(ElementText.content(of:)).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `html@lang`, trimmed; nil when absent or empty.
    public var language: String? {
        guard let root, root.hasName("html"), let lang = root.attribute("lang") else { return nil }
        let trimmed = lang.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Elements matching an XPath 1.0 expression (element nodes only; attribute/text nodes are
    /// returned as their parent element). Throws `HTMLError.invalidXPath`.
    public func select(_ xpath: String) throws -> [HTMLElement] {
        try XPathQuery.elements(matching: xpath, in: document).map(snapshot)
    }

    /// The absolute XPath of one of this document's elements.
    func path(of node: NodePointer) -> String { paths.path(of: node) }

    /// The absolute XPaths of the elements an expression selects, without building snapshots
    /// (text and markup): for matching many selectors against one page, as a CSS cascade does.
    /// Throws `HTMLError.invalidXPath`.
    public func elementPaths(_ xpath: String) throws -> [String] {
        try XPathQuery.elements(matching: xpath, in: document).map { paths.path(of: $0) }
    }

    /// Elements matching an XPath evaluated with `element` as the context node, so relative
    /// expressions such as `.//a` work (search results: an item, then its title link). `element`
    /// must come from this document. Throws `HTMLError.invalidXPath`.
    public func select(_ xpath: String, in element: HTMLElement) throws -> [HTMLElement] {
        guard let node = try XPathQuery.elements(matching: element.xpath, in: document).first else {
            try HTMLDocument.validate(xpath: xpath)
            return []
        }
        return try XPathQuery.elements(matching: xpath, in: document, context: node).map(snapshot)
    }

    /// Checks that an expression compiles, without a document (for configuration).
    public static func validate(xpath: String) throws {
        _ = try XPathQuery.elements(matching: xpath, in: nil)
    }

    /// Visible text of the whole document (no script/style/noscript/template, no hidden inputs,
    /// nothing under `hidden` or inline `display:none` / `visibility:hidden`), white space
    /// collapsed, block elements on lines of their own.
    public private(set) lazy var visibleText: String = root.map { ElementText.visible(of: [$0]) } ?? ""

    /// Non-white-space characters of `visibleText`, counted up to `limit` (returns `limit + 1`
    /// when there are more); cheap when the text itself is not needed.
    func visibleCharacterCount(limit: Int) -> Int {
        guard let root else { return 0 }
        return ElementText.visibleCharacterCount(of: root, limit: limit)
    }

    /// Visible text of the elements matching the XPath (e.g. a footer), one block per line;
    /// empty for elements inside a hidden ancestor.
    public func visibleText(of xpath: String) throws -> String {
        ElementText.visible(of: try XPathQuery.elements(matching: xpath, in: document))
    }

    public private(set) lazy var links: [HTMLLink] = extractLinks()
    public private(set) lazy var forms: [HTMLForm] = extractForms()
    public private(set) lazy var scripts: [HTMLScript] = extractScripts()
    public private(set) lazy var stylesheets: [HTMLStylesheet] = extractStylesheets()
    public private(set) lazy var metas: [HTMLMeta] = extractMetas()

    /// Number of element nodes in the document (for shell detection).
    public private(set) lazy var elementCount: Int = document.map { NodeWalk.elements(of: $0) { _ in true }.count } ?? 0

    /// The whole page as plain values (elements and text, parent and child indices, XPaths),
    /// built on first use in one walk.
    public private(set) lazy var tree: DOMTree = DOMTreeBuilder.build(document, paths: paths)

    /// The snapshot of one of this document's elements.
    func snapshot(_ node: NodePointer) -> HTMLElement {
        HTMLElement(
            name: node.name, attributes: node.attributes, text: ElementText.content(of: node),
            xpath: paths.path(of: node), snippet: OuterHTML.snippet(of: node))
    }

    func elements(where include: (NodePointer) -> Bool) -> [NodePointer] {
        document.map { NodeWalk.elements(of: $0, where: include) } ?? []
    }
}
