public import TiyanCore

/// A message the browser sent without being asked (`Page.loadEventFired`, `Fetch.requestPaused`, ...).
public struct DevToolsEvent: Sendable {
    public let method: String
    public let params: JSONValue
}
