/// What decided an indicator: the page, where in it, and the markup or text itself.
public struct Evidence: Sendable, Hashable {
    public var url: String
    /// An XPath to the element, or a description such as `header:Strict-Transport-Security`.
    public var locator: String
    public var snippet: String
    /// Extra keys kept in the JSON output, e.g. `element` for PR-06 or `unverified_tls`.
    public var extra: [(String, JSONValue)]

    public init(url: String, locator: String, snippet: String, extra: [(String, JSONValue)] = []) {
        self.url = url
        self.locator = locator
        self.snippet = Evidence.clip(snippet)
        self.extra = extra
    }

    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
        lhs.json == rhs.json
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(json.serialized()) }

    public var json: JSONValue {
        .object([("url", .string(url)), ("locator", .string(locator)), ("snippet", .string(snippet))] + extra)
    }

    /// Snippets are for a human to recognise the element, not copies of pages.
    public static let maximumSnippetLength = 400

    public static func clip(_ text: String) -> String {
        guard text.count > maximumSnippetLength else { return text }
        return String(text.prefix(maximumSnippetLength)) + "…"
    }
}
