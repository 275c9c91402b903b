public import Foundation

/// The page as a browser showed it after its scripts ran: what the render stage captured for
/// one archived page, stored in the archive beside that page's response and read back by the
/// probes. Everything here was observed; nothing is a verdict.
public struct RenderedView: Sendable, Hashable, Codable {
    /// The `sequence` of the archived page (a FetchRecord of the same target) that was rendered.
    public var pageSequence: Int
    /// The document's URL after navigation and client-side redirects (hash routes included).
    public var url: String
    /// `document.documentElement.outerHTML` after load and network idle, UTF-8.
    public var dom: Data
    /// The elements the probes read, with their computed style and box (`RenderedElement`).
    public var elements: [RenderedElement]
    /// PNG of the first screen at `viewport`; empty when the capture failed.
    public var screenshot: Data
    public var viewport: Viewport
    /// The browser's version line, e.g. `Chrome/156.0.8078.129`.
    public var engine: String
    public var waitOutcome: WaitOutcome
    /// Every request the page made, in the order the browser made them, with how it was served.
    public var requests: [RenderedRequest]
    /// Console errors and uncaught exceptions, in order.
    public var consoleErrors: [String]
    public var renderedAt: Date
    /// Wall time from navigation to capture.
    public var elapsedMilliseconds: Int
    /// Where the render's first record starts in archive.warc.gz, once archived. An index read
    /// of the archive (without bodies) leaves `dom`, `elements` and `screenshot` empty and this
    /// set, so the view can be loaded when its target is probed.
    public var warcOffset: Int64?

    public init(
        pageSequence: Int, url: String, dom: Data, elements: [RenderedElement] = [], screenshot: Data = Data(),
        viewport: Viewport, engine: String, waitOutcome: WaitOutcome, requests: [RenderedRequest] = [],
        consoleErrors: [String] = [], renderedAt: Date = Date(timeIntervalSince1970: 0), elapsedMilliseconds: Int = 0,
        warcOffset: Int64? = nil
    ) {
        self.pageSequence = pageSequence
        self.url = url
        self.dom = dom
        self.elements = elements
        self.screenshot = screenshot
        self.viewport = viewport
        self.engine = engine
        self.waitOutcome = waitOutcome
        self.requests = requests
        self.consoleErrors = consoleErrors
        self.renderedAt = renderedAt
        self.elapsedMilliseconds = elapsedMilliseconds
        self.warcOffset = warcOffset
    }

    /// The DOM is there to judge (not an index entry, not a capture that failed).
    public var hasDOM: Bool { !dom.isEmpty }

    public enum WaitOutcome: String, Sendable, Hashable, Codable {
        /// Load fired and the network was idle (no request in flight for 500 ms).
        case networkIdle = "network_idle"
        /// Load fired but requests were still in flight at the time cap.
        case loadOnly = "load_only"
        /// The time cap passed before load; the DOM is what existed then.
        case timeCap = "time_cap"
    }
}

/// The browser window a page was rendered in.
public struct Viewport: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    public var deviceScaleFactor: Double
    public var mobile: Bool

    public init(width: Int, height: Int, deviceScaleFactor: Double = 1, mobile: Bool = false) {
        self.width = width
        self.height = height
        self.deviceScaleFactor = deviceScaleFactor
        self.mobile = mobile
    }

    public static let desktop = Viewport(width: 1366, height: 768)
    public static let phone = Viewport(width: 375, height: 812, deviceScaleFactor: 2, mobile: true)
}

/// One element of the rendered page with the computed values the probes judge.
public struct RenderedElement: Sendable, Hashable, Codable {
    /// Absolute XPath in the rendered DOM (`dom`), the locator evidence points to.
    public var xpath: String
    /// Computed style, only the whitelisted properties (display, visibility, font-size,
    /// line-height, color, background-color, opacity, position, font-weight, background-image), as
    /// the browser reports them.
    public var style: [String: String]
    /// Border box in CSS pixels; nil when the element has no layout box (display: none).
    public var box: Box?

    public init(xpath: String, style: [String: String], box: Box?) {
        self.xpath = xpath
        self.style = style
        self.box = box
    }

    public struct Box: Sendable, Hashable, Codable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }
}

/// A request made by a rendered page and what tiyan's fetcher answered it with.
public struct RenderedRequest: Sendable, Hashable, Codable {
    public var url: String
    public var method: String
    /// The browser's resource type (Document, Script, Stylesheet, XHR, Fetch, Image, ...).
    public var resourceType: String
    /// HTTP status served to the browser; nil when the request was failed.
    public var status: Int?
    /// Why tiyan refused or could not serve it (a fetch error class such as `robots_disallowed`,
    /// `timeout`, or `not_fetched` for methods the crawl never sends); nil when served.
    public var error: String?
    /// The sequence of the archived record that served it (an earlier page or resource of the
    /// crawl, or a `render_resource` record); nil when failed.
    public var servedBySequence: Int?

    public init(url: String, method: String = "GET", resourceType: String, status: Int? = nil,
                error: String? = nil, servedBySequence: Int? = nil) {
        self.url = url
        self.method = method
        self.resourceType = resourceType
        self.status = status
        self.error = error
        self.servedBySequence = servedBySequence
    }
}
