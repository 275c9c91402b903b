public import Foundation

/// How the crawl answers a `BrowserRequest`.
public enum BrowserAnswer: Sendable {
    /// A response, usually from the archive; `sequence` names the archived record it came from.
    case served(status: Int, headers: [(name: String, value: String)], body: Data, sequence: Int?)
    /// errorClass is tiyan's fetch error class (e.g. "robots_disallowed", "timeout", "dns",
    /// "connect", "tls", "too_large", "not_fetched"); the browser sees the nearest
    /// Network.ErrorReason (`errorReason`).
    case refused(errorClass: String)

    /// The CDP Network.ErrorReason the browser is given for a refused request. TLS failures
    /// have no reason of their own in CDP, so they share ConnectionFailed.
    static func errorReason(for errorClass: String) -> String {
        switch errorClass {
        case "robots_disallowed", "not_fetched": return "BlockedByClient"
        case "timeout": return "TimedOut"
        case "dns": return "NameNotResolved"
        case "connect": return "ConnectionRefused"
        case "tls": return "ConnectionFailed"
        case "too_large": return "Aborted"
        default: return "Failed"
        }
    }
}

/// Answers the browser's requests for one render; called once per request, concurrently.
public typealias RequestServer = @Sendable (BrowserRequest) async -> BrowserAnswer
