public import TiyanCore

/// A set of tabs that share cookies and storage with each other and with nothing else.
public struct BrowserContext: Sendable, Hashable {
    public let id: String

    public init(id: String) { self.id = id }
}

/// A browser that renders archived pages. The crawl is written against this protocol so a
/// test double or another engine can stand in for Chromium.
public protocol PageRenderer: Sendable {
    /// The engine's version line, e.g. "Chrome/142.0.7444.175".
    var engine: String { get }
    /// A fresh context: no cookies or storage shared with any other.
    func makeContext() async throws -> BrowserContext
    /// Renders `job` in a new tab of `context`, answering every request the page makes with `serve`.
    func render(_ job: RenderJob, in context: BrowserContext, serve: @escaping RequestServer) async throws
        -> RenderedView
    func closeContext(_ context: BrowserContext) async
    func shutdown() async
}
