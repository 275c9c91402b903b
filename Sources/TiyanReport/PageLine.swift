public import TiyanCore

/// One line of pages.jsonl: what was fetched for a target and how it went, without the body.
public struct PageLine: Sendable, Hashable {
    public var target: String
    public var role: String
    public var url: String
    public var finalURL: String
    public var redirects: [String]
    public var status: Int?
    public var contentType: String?
    public var charset: String?
    /// `header`, `bom`, `meta` or `default`; nil when the resource was not decoded as text.
    public var charsetSource: String?
    public var bytes: Int
    public var milliseconds: Int
    /// A fetch error class (SPEC.md closed list), nil when the fetch succeeded.
    public var error: String?
    public var configured: Bool
    public var warcOffset: Int64?
    /// The body was fetched without certificate verification, only to judge the content.
    public var unverifiedTLS: Bool

    public init(
        target: String, role: String, url: String, finalURL: String, redirects: [String] = [],
        status: Int? = nil, contentType: String? = nil, charset: String? = nil, charsetSource: String? = nil,
        bytes: Int = 0, milliseconds: Int = 0, error: String? = nil, configured: Bool = false,
        warcOffset: Int64? = nil, unverifiedTLS: Bool = false
    ) {
        self.target = target
        self.role = role
        self.url = url
        self.finalURL = finalURL
        self.redirects = redirects
        self.status = status
        self.contentType = contentType
        self.charset = charset
        self.charsetSource = charsetSource
        self.bytes = bytes
        self.milliseconds = milliseconds
        self.error = error
        self.configured = configured
        self.warcOffset = warcOffset
        self.unverifiedTLS = unverifiedTLS
    }

    /// The charset is decided by the caller (it needs the HTML decoder, which this module must
    /// not depend on); pass nil for resources that are not text.
    public init(record: FetchRecord, charset: String?, charsetSource: String?) {
        self.init(
            target: record.target, role: record.role.rawValue, url: record.url, finalURL: record.finalURL,
            redirects: record.redirects, status: record.status, contentType: record.contentType,
            charset: charset, charsetSource: charsetSource, bytes: record.body.count,
            milliseconds: record.elapsedMilliseconds, error: record.error?.rawValue,
            configured: record.configured, warcOffset: record.warcOffset,
            unverifiedTLS: record.fetchedWithoutVerification)
    }

    /// The SPEC.md field names in SPEC.md order, then `unverified_tls`.
    public var json: JSONValue {
        .object([
            ("target", .string(target)), ("role", .string(role)), ("url", .string(url)),
            ("final_url", .string(finalURL)), ("redirects", .array(redirects.map(JSONValue.string))),
            ("status", status.map(JSONValue.int) ?? .null), ("content_type", contentType.map(JSONValue.string) ?? .null),
            ("charset", charset.map(JSONValue.string) ?? .null),
            ("charset_source", charsetSource.map(JSONValue.string) ?? .null),
            ("bytes", .int(bytes)), ("ms", .int(milliseconds)), ("error", error.map(JSONValue.string) ?? .null),
            ("configured", .bool(configured)), ("warc_offset", warcOffset.map { .number(Double($0)) } ?? .null),
            ("unverified_tls", .bool(unverifiedTLS)),
        ])
    }
}
