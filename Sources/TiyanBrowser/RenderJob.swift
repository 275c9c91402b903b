public import TiyanCore

/// One page to render: which archived page it is, where to navigate, and as which device.
public struct RenderJob: Sendable {
    /// The `sequence` of the archived page being rendered (RenderedView.pageSequence).
    public var pageSequence: Int
    /// Where to navigate; a `#fragment` is kept, since hash-routed portals choose their view by it.
    public var url: String
    public var viewport: Viewport
    public var userAgent: String
    /// Hard limit from navigation to the start of capture.
    public var timeCap: Duration

    public init(pageSequence: Int, url: String, viewport: Viewport, userAgent: String,
                timeCap: Duration = .seconds(15))
    {
        self.pageSequence = pageSequence
        self.url = url
        self.viewport = viewport
        self.userAgent = userAgent
        self.timeCap = timeCap
    }
}
