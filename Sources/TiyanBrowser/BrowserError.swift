/// Why the browser could not be started or could not render; a crashed or unresponsive
/// browser surfaces as one of these, never as a hang.
public enum BrowserError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No Chromium executable was found (TIYAN_CHROMIUM, then chromium, chromium-browser,
    /// google-chrome on PATH).
    case notFound
    case launch(String)
    /// The browser closed its pipe: it exited or crashed.
    case disconnected
    case timedOut(method: String)
    /// The browser answered a command with an error.
    case protocolError(method: String, message: String)
    /// A reply lacked a field the protocol promises.
    case unexpectedReply(method: String)

    public var description: String {
        switch self {
        case .notFound: return "no Chromium found: set TIYAN_CHROMIUM or install chromium"
        case let .launch(reason): return "cannot start Chromium: \(reason)"
        case .disconnected: return "Chromium closed the DevTools pipe (it exited or crashed)"
        case let .timedOut(method): return "Chromium did not answer \(method) in time"
        case let .protocolError(method, message): return "\(method) failed: \(message)"
        case let .unexpectedReply(method): return "unexpected reply to \(method)"
        }
    }
}
