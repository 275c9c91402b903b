public import TiyanCore

/// A snapshot of one element: plain values, safe to keep after the document is gone.
public struct HTMLElement: Sendable, Hashable {
    public var name: String
    /// Attributes in document order, names lower-cased.
    public var attributes: [HTTPHeader]
    /// Text content with white space collapsed, without script/style text.
    public var text: String
    /// An absolute XPath such as `/html/body/div[2]/a[3]`: a step has a position only when the
    /// element has same-named siblings (see `NodePath`). Elements found in script-written markup
    /// start with `script-fragment[k]` instead of `/html/body` (see `ScriptMarkup`).
    public var xpath: String
    /// The element's outer HTML, clipped to Evidence.maximumSnippetLength.
    public var snippet: String
    public init(name: String, attributes: [HTTPHeader], text: String, xpath: String, snippet: String) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.xpath = xpath
        self.snippet = snippet
    }
    public func attribute(_ name: String) -> String? { attributes.value(of: name) }

    /// Evidence pointing at this element on the page at `url`.
    public func evidence(url: String) -> Evidence {
        Evidence(url: url, locator: xpath, snippet: snippet)
    }
}
