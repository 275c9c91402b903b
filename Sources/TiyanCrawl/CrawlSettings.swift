public import TiyanCore
public import TiyanConfig
public import TiyanBrowser

/// Crawl behaviour beyond the network options of the fetcher.
public struct CrawlSettings: Sendable {
    public var rules: DiscoveryRules
    /// probes/page-nature.yaml: how the crawl reads a challenge or a non-HTML answer to steer
    /// itself (a challenged engine is not searched further). The reading is never archived.
    public var pageNature: PageNatureMarkers
    public var ignoreRobots = false
    /// `--user-agent`: replaces the profile of pages fetched "as a citizen" (not the mobile home).
    public var userAgentOverride: String?
    /// `--max-pages`: replaces each target's `max_pages`.
    public var maxPagesOverride: Int?
    /// Whether this vantage point can reach IPv6 at all; SB-03 is undetermined when it cannot.
    public var hasIPv6Route = false
    /// How many targets are crawled at once.
    public var targetConcurrency = 8
    /// How to find and query each portal's search (probes/search.yaml, the query set); nil skips search.
    public var search: SearchCrawlRules?
    /// `--render`: which pages the render stage renders (a target's `render:` wins).
    public var render: RenderMode = .never
    /// The browser; nil renders nothing, whatever `render` says (no Chromium on the machine).
    public var renderer: (any PageRenderer)?
    /// From navigation to capture, per page.
    public var renderTimeCap: Duration = .seconds(15)

    public init(rules: DiscoveryRules, pageNature: PageNatureMarkers) {
        self.rules = rules
        self.pageNature = pageNature
    }
}
