/// The closed status vocabulary of SPEC.md. Only `pass`, `fail` and `partial` carry a score;
/// the others weigh 0 and are never counted as failures.
public enum Status: String, Sendable, Codable, CaseIterable, Comparable {
    case pass
    case fail
    case partial
    case notApplicable = "not_applicable"
    case undetermined
    case blocked
    case unreachable
    case error

    public var isScored: Bool { self == .pass || self == .fail || self == .partial }

    public static func < (lhs: Status, rhs: Status) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Confidence: String, Sendable, Codable {
    case high, medium, low
}

/// The closed list of fetch error classes (SPEC.md "Fetch errors come from one closed list").
public enum FetchErrorClass: String, Sendable, Codable, CaseIterable {
    case dns
    case connect
    case tlsCertificate = "tls_certificate"
    case tlsHandshake = "tls_handshake"
    case timeout
    case tooLarge = "too_large"
    case tooManyRedirects = "too_many_redirects"
    case http4xx = "http_4xx"
    case http5xx = "http_5xx"
    case challenge
    case notHTML = "not_html"
    case robotsDisallowed = "robots_disallowed"

    /// Transient classes are retried once with backoff; the rest are answers, not accidents.
    public var isTransient: Bool {
        switch self {
        case .connect, .timeout, .http5xx: return true
        default: return false
        }
    }

    /// The status an indicator gets when a page it needs failed with this class (SPEC.md).
    public var indicatorStatus: Status {
        switch self {
        case .challenge: return .blocked
        case .robotsDisallowed: return .undetermined
        default: return .unreachable
        }
    }
}
