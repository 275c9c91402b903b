public import Foundation
public import TiyanCore

/// One rendered view as the report shows it: the PNG and the facts that say which page was
/// rendered how. The DOM, elements and request list of the view are not kept: a report of many
/// portals holds every screenshot at once, and those are what it shows.
public struct ReportScreenshot: Sendable, Hashable {
    /// The `sequence` of the archived page that was rendered.
    public var pageSequence: Int
    /// The role and URLs of that page; empty when the archive has no such page.
    public var pageRole: String
    public var pageURL: String
    public var pageFinalURL: String
    /// Where the browser ended up (client-side redirects and hash routes included).
    public var viewURL: String
    public var viewport: Viewport
    public var waitOutcome: RenderedView.WaitOutcome
    public var engine: String
    public var elapsedMilliseconds: Int
    public var requestCount: Int
    /// Requests tiyan refused or could not serve (robots.txt, budget, methods never sent, errors).
    public var refusedCount: Int
    /// Empty when the capture failed or could not be read back.
    public var png: Data
    /// The size of a screenshot left in the archive rather than inlined (the report's size
    /// budget), 0 when `png` is the screenshot or there is none.
    public var withheldBytes = 0
    /// Where the view's records start in archive.warc.gz.
    public var warcOffset: Int64?

    public init(
        pageSequence: Int, pageRole: String, pageURL: String, pageFinalURL: String, viewURL: String,
        viewport: Viewport, waitOutcome: RenderedView.WaitOutcome, engine: String, elapsedMilliseconds: Int,
        requestCount: Int, refusedCount: Int, png: Data
    ) {
        self.pageSequence = pageSequence
        self.pageRole = pageRole
        self.pageURL = pageURL
        self.pageFinalURL = pageFinalURL
        self.viewURL = viewURL
        self.viewport = viewport
        self.waitOutcome = waitOutcome
        self.engine = engine
        self.elapsedMilliseconds = elapsedMilliseconds
        self.requestCount = requestCount
        self.refusedCount = refusedCount
        self.png = png
    }

    /// `view`'s screenshot and facts, `page` the archived page it rendered (nil when missing).
    public init(view: RenderedView, page: FetchRecord?) {
        self.init(
            pageSequence: view.pageSequence, pageRole: page?.role.rawValue ?? "", pageURL: page?.url ?? "",
            pageFinalURL: page?.finalURL ?? "", viewURL: view.url, viewport: view.viewport,
            waitOutcome: view.waitOutcome, engine: view.engine, elapsedMilliseconds: view.elapsedMilliseconds,
            requestCount: view.requests.count, refusedCount: view.requests.filter { $0.error != nil }.count,
            png: view.screenshot)
        warcOffset = view.warcOffset
    }

    /// The bytes start with the PNG signature: only then are they labelled `image/png`.
    var isPNG: Bool {
        png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
