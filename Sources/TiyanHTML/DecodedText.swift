/// Where the charset decision came from, in the order of precedence (SPEC.md pages.jsonl).
public enum CharsetSource: String, Sendable, Codable {
    case header, bom, meta
    case `default`
}

public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// The canonical lower-case label of the charset used, e.g. `utf-8`, `gbk`, `gb18030`, `big5`.
    public var charset: String
    public var source: CharsetSource
    public init(text: String, charset: String, source: CharsetSource) {
        self.text = text
        self.charset = charset
        self.source = source
    }
}
