import TiyanCore
import TiyanFetch

/// A fetch the crawl has decided to make, with what the archive should remember about why.
struct PlannedFetch: Sendable {
    var url: String
    var role: PageRole
    var userAgent: UserAgent
    var method = "GET"
    var followRedirects = true
    var ipResolve = FetchRequest.IPResolve.any
    var configured = false
    var discoveredFrom: String?
    /// Discovered pages obey robots.txt; the home page and configured hints are what the
    /// operator asked for, so they do not.
    var obeysRobots = false
    /// For role `search_results`: the query this request issues.
    var searchQuery: SearchQuery?
}
