import TiyanCore

/// The guide pages (办事指南, role `guide`) the crawl followed, each with the service it was
/// followed for: the gold name of the query set stored with the record, else the page title.
struct GuidePage {
    var service: String
    var page: SitePage
}

enum GuidePages {
    /// The usable guide pages; throws `PageUnavailable` when there are none to judge: none was
    /// reached (undetermined), or every one failed (the failure's status).
    static func usable(_ site: SiteContext) throws -> [GuidePage] {
        let records = site.records(.guide)
        guard !records.isEmpty else {
            // The home page is where the crawl looked for the guides' links (and the search).
            let home = site.optionalPage(.home).map { [$0.absence("no guide page reached from here")] } ?? []
            throw PageUnavailable(
                .undetermined,
                reason: "no guide page (办事指南) was reached: no home-page link or relevant search result for the sampled services",
                evidence: home)
        }
        var pages: [GuidePage] = []
        var failure: PageUnavailable?
        for record in records {
            switch FetchOutcome.judge(record, parse: site.parse) {
            case let .usable(page):
                pages.append(GuidePage(service: service(of: record, page: page), page: page))
            case let .failed(status, reason, evidence):
                if failure == nil { failure = PageUnavailable(status, reason: reason, evidence: [evidence]) }
            }
        }
        if pages.isEmpty, let failure { throw failure }
        return pages
    }

    static func service(of record: FetchRecord, page: SitePage) -> String {
        if let gold = record.searchQuery?.gold, !gold.isEmpty { return gold }
        return page.document.title ?? record.finalURL
    }
}
