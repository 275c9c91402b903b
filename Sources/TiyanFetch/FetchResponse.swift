public import Foundation
public import TiyanCore

/// The outcome of one request, after redirects, the transient retry and the TLS fallback.
/// Errors are values: a fetch never throws.
public struct FetchResponse: Sendable, Hashable {
    public var url: String
    public var finalURL: String
    /// URLs that answered with a redirect, in order (starting with `url` when it redirected).
    public var redirects: [String]
    /// Final HTTP status; nil when no response arrived.
    public var status: Int?
    public var requestHeaders: [HTTPHeader]
    /// Headers of the final response (Content-Encoding as the server sent it).
    public var headers: [HTTPHeader]
    /// The body after content decoding; empty when the error happened before a body.
    public var body: Data
    /// nil on success; `http_4xx` / `http_5xx` keep the body (a 412 body may be a challenge page).
    public var error: FetchErrorClass?
    /// curl's message or a short explanation.
    public var errorDetail: String?
    public var elapsedMilliseconds: Int
    public var startedAt: Date
    /// nil for plain http; false when the certificate failed to verify.
    public var tlsVerified: Bool?
    /// The content was fetched once more without verification after a certificate failure.
    public var fetchedWithoutVerification: Bool
    public var remoteAddress: String?
    /// How many attempts were made (2 when a transient failure was retried).
    public var attempts: Int

    public init(url: String, finalURL: String? = nil, redirects: [String] = [], status: Int? = nil,
                requestHeaders: [HTTPHeader] = [], headers: [HTTPHeader] = [], body: Data = Data(),
                error: FetchErrorClass? = nil, errorDetail: String? = nil, elapsedMilliseconds: Int = 0,
                startedAt: Date = Date(), tlsVerified: Bool? = nil, fetchedWithoutVerification: Bool = false,
                remoteAddress: String? = nil, attempts: Int = 1) {
        self.url = url
        self.finalURL = finalURL ?? url
        self.redirects = redirects
        self.status = status
        self.requestHeaders = requestHeaders
        self.headers = headers
        self.body = body
        self.error = error
        self.errorDetail = errorDetail
        self.elapsedMilliseconds = elapsedMilliseconds
        self.startedAt = startedAt
        self.tlsVerified = tlsVerified
        self.fetchedWithoutVerification = fetchedWithoutVerification
        self.remoteAddress = remoteAddress
        self.attempts = attempts
    }
}
