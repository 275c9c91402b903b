import TiyanCore

/// Pass at or above `pass`, partial (scored by the ratio) at or above `partial`, else fail.
struct RatioThresholds {
    let pass: Double
    let partial: Double

    init(settings: RuleSettings) throws {
        pass = try settings.number("min_pass_ratio")
        partial = try settings.number("min_partial_ratio")
    }

    func status(_ ratio: Double) -> Status {
        ratio >= pass ? .pass : ratio >= partial ? .partial : .fail
    }
}

extension SiteContext {
    /// The home page, plus the other roles' pages when they exist and differ: the pages
    /// GB/T 37668 checks are read on. Without a home page at all (`tiyan check --role elder`)
    /// the other pages are judged alone; a home page that failed decides the status.
    func accessibilityPages(including roles: [PageRole]) throws -> [SitePage] {
        var pages: [SitePage] = []
        if !records(.home).isEmpty || roles.allSatisfy({ records($0).isEmpty }) {
            pages.append(try page(.home))
        }
        for role in roles {
            if let page = optionalPage(role), !pages.contains(where: { $0.url == page.url }) { pages.append(page) }
        }
        if pages.isEmpty { pages.append(try page(.home)) }
        return pages
    }
}
