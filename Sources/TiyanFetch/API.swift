// PUBLIC API SKELETON — helper "fetch" replaces these bodies with the real implementation and may
// split this file into one file per concern. Signatures are a contract other modules code against.
public import Foundation
public import TiyanCore

/// The User-Agent a request presents. Pages that vary by device are fetched with a browser
/// profile; everything else with the honest tiyan UA naming a contact URL.
public enum UserAgent: Sendable, Hashable {
    case desktop
    case mobile
    case wechat
    case tiyan
    case custom(String)

    /// `desktop`, `mobile`, `wechat`, `tiyan`, or any other string taken literally.
    public init(profile: String) {
        switch profile {
        case "desktop": self = .desktop
        case "mobile": self = .mobile
        case "wechat": self = .wechat
        case "tiyan": self = .tiyan
        default: self = .custom(profile)
        }
    }

    public var profileName: String {
        switch self {
        case .desktop: return "desktop"
        case .mobile: return "mobile"
        case .wechat: return "wechat"
        case .tiyan: return "tiyan"
        case .custom: return "custom"
        }
    }

    /// The header value; browser profiles append `tiyan/<version> (+contact)` so operators can
    /// still tell who is visiting.
    public func headerValue(contactURL: String) -> String { "tiyan/\(TiyanVersion.current) (+\(contactURL))" }
}

/// Network options with curl's meanings (SPEC.md "Network options").
public struct FetchOptions: Sendable, Hashable {
    /// CURLOPT_CONNECT_TO entries, `HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT`; `::127.0.0.1:8080`
    /// routes every host to one loopback server while keeping the Host header.
    public var connectTo: [String] = []
    public var proxy: String? = nil
    public var caCertificatePath: String? = nil
    public var contactURL: String = TiyanVersion.defaultContactURL
    /// Total time per request, seconds.
    public var timeout: Double = 15
    public var connectTimeout: Double = 10
    /// Abort when slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds`.
    public var lowSpeedBytesPerSecond: Int = 100
    public var lowSpeedSeconds: Int = 10
    /// Transfers in flight at once across all hosts.
    public var concurrency: Int = 16
    /// Transfers in flight at once per host, and the pause between two requests to one host.
    public var perHost: Int = 2
    public var delayMilliseconds: Int = 250
    /// Cap on a body after decompression.
    public var maxBodyBytes: Int = 10 * 1024 * 1024
    public var maxRedirects: Int = 10
    /// Pause before the single retry of a transient failure.
    public var retryBackoffMilliseconds: Int = 500

    public init() {}
}

public struct FetchRequest: Sendable, Hashable {
    public enum IPResolve: Sendable, Hashable { case any, v4, v6 }
    public var url: String
    public var method: String
    public var userAgent: UserAgent
    public var ipResolve: IPResolve
    public var followRedirects: Bool
    /// Extra request headers (e.g. Accept-Language).
    public var headers: [HTTPHeader]

    public init(url: String, method: String = "GET", userAgent: UserAgent = .tiyan, ipResolve: IPResolve = .any,
                followRedirects: Bool = true, headers: [HTTPHeader] = []) {
        self.url = url
        self.method = method
        self.userAgent = userAgent
        self.ipResolve = ipResolve
        self.followRedirects = followRedirects
        self.headers = headers
    }
}

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

/// Fetches over libcurl on dedicated threads (never the cooperative pool), with a global and a
/// per-host concurrency limit, a per-host delay, one retry with backoff for transient error
/// classes, and, after a certificate failure, one unverified fetch to see the content.
public final class Fetcher: Sendable {
    public let options: FetchOptions

    public init(options: FetchOptions) {
        self.options = options
    }

    public func fetch(_ request: FetchRequest) async -> FetchResponse {
        FetchResponse(url: request.url, error: .connect, errorDetail: "not implemented")
    }

    /// Whether this machine can open IPv6 connections at all (a route and a source address);
    /// SB-03 is undetermined when it cannot.
    public static func hasIPv6Route() -> Bool { false }
}
