import TiyanCore

/// The page the elder-specific rules judge: the elder (长辈版/关怀版) page the crawl found, or
/// the home page when there is none — many portals switch to their elder mode with a client-side
/// toolbar, so the home page is what their older visitors read. The value says which.
struct ElderPageChoice {
    let page: SitePage
    /// `elder`, or `home` when no usable elder page was fetched.
    let judged: String
    /// Why the home page stands in, for the result's reason.
    let fallbackReason: String?

    init(_ site: SiteContext) throws {
        do {
            page = try site.page(.elder)
            judged = PageRole.elder.rawValue
            fallbackReason = nil
        } catch let unavailable as PageUnavailable {
            page = try site.page(.home)
            judged = PageRole.home.rawValue
            fallbackReason = "no usable elder page (\(unavailable.reason)): judged the home page"
        }
    }

    var valueField: (String, JSONValue) { ("judged_page", .string(judged)) }

    /// The reason of a result, with the fallback said first.
    func reason(_ detail: String?) -> String? {
        switch (fallbackReason, detail) {
        case (let fallback?, let detail?): return "\(fallback); \(detail)"
        case (let fallback?, nil): return fallback
        case (nil, let detail): return detail
        }
    }

    /// The screen the page's CSS is read for.
    func environment(desktopWidth: Double, mobileWidth: Double) -> MediaEnvironment {
        MediaEnvironment(width: page.record.userAgentProfile == "mobile" ? mobileWidth : desktopWidth)
    }
}
