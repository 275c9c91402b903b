import Foundation
import TiyanCore
import TiyanHTML

/// The search requests the crawl archived for a site, each judged; or the status every search
/// indicator takes when there is nothing to judge (no search found, a search that posts or
/// needs a token, every query failed).
struct SearchRun {
    let outcomes: [QueryOutcome]

    var bases: [QueryOutcome] { outcomes.filter(\.isBase) }
    var variants: [QueryOutcome] { outcomes.filter { !$0.isBase } }

    /// Service-vs-news cues of probes/search.yaml, for evidence.
    struct ResultKinds {
        let news: Pattern
        func kind(_ item: ResultItem, relevantLink: Pattern?) -> ResultKind {
            if relevantLink?.matches(item.link) == true { return .service }
            return news.matches(item.link) ? .news : .other
        }
    }

    static func collect(_ site: SiteContext, extractor: ResultExtractor, kinds: ResultKinds) throws -> SearchRun {
        let records = site.records(.searchResults)
        guard !records.isEmpty else {
            let home = try site.page(.home)
            if let reason = home.shellReason {
                throw PageUnavailable(.undetermined, reason: "the home page is a script shell (\(reason)); no search was found in its HTML")
            }
            throw PageUnavailable(.notApplicable, reason: "the crawl found no site search to query (see SR-01)",
                                  evidence: [Evidence(url: home.url, locator: "search", snippet: "no search form or search URL template")])
        }
        if let skipped = records.first(where: { $0.searchQuery == nil }) {
            throw PageUnavailable(
                .undetermined, reason: skipped.errorDetail ?? "the search could not be queried",
                evidence: [Evidence(url: skipped.url, locator: skipped.discoveredFrom ?? "search",
                                    snippet: skipped.errorDetail ?? "search not queried")])
        }
        var patterns: [String: Pattern] = [:]
        func linkPattern(_ query: SearchQuery) -> Pattern? {
            if patterns[query.relevantLink] == nil { patterns[query.relevantLink] = try? Pattern(query.relevantLink) }
            return patterns[query.relevantLink]
        }
        func relevance(_ item: ResultItem, _ query: SearchQuery) -> Bool {
            guard let link = linkPattern(query), link.matches(item.link) else { return false }
            let title = SearchText.normalised(item.title)
            return ([query.gold] + query.synonyms).contains { name in
                let wanted = SearchText.normalised(name)
                return !wanted.isEmpty && title.contains(wanted)
            }
        }
        var outcomes: [QueryOutcome] = []
        for record in records {
            guard let query = record.searchQuery else { continue }
            let (failure, items, shell) = judge(record, site: site, extractor: extractor)
            let top = items.prefix(query.k)
            outcomes.append(QueryOutcome(
                record: record, query: query, failure: failure, items: items,
                relevant: top.map { relevance($0, query) },
                kinds: top.map { kinds.kind($0, relevantLink: linkPattern(query)) }, shell: shell))
        }
        let bases = outcomes.filter(\.isBase)
        if !bases.isEmpty, bases.allSatisfy({ $0.failure != nil }), let first = bases.first, let failure = first.failure {
            throw PageUnavailable(failure.status, reason: "no search query got an answer: \(failure.reason)",
                                  evidence: bases.prefix(3).map(\.evidence))
        }
        if !bases.isEmpty, bases.allSatisfy({ $0.failure != nil || $0.shell }), let first = bases.first(where: \.shell) {
            throw PageUnavailable(.undetermined, reason: "the search results are rendered by script: the result pages hold no items in their HTML",
                                  evidence: [first.evidence])
        }
        let answered = bases.filter { $0.failure == nil }
        if answered.count >= 2, answered.allSatisfy({ !$0.hasResults }) {
            // Different queries, one page: the server did not render results, a script fetches them.
            let pages = Set(answered.map { outcome in
                CharsetDecoder.decode(outcome.record.body, contentType: outcome.record.contentType).text
                    .replacingOccurrences(of: outcome.query.text, with: "")
            })
            if pages.count == 1 {
                throw PageUnavailable(
                    .undetermined,
                    reason: "every query got the same result page without items: the results are loaded by script",
                    evidence: answered.prefix(2).map(\.evidence))
            }
        }
        return SearchRun(outcomes: outcomes)
    }

    private static func judge(_ record: FetchRecord, site: SiteContext, extractor: ResultExtractor)
        -> (failure: (status: Status, reason: String)?, items: [ResultItem], shell: Bool)
    {
        if let error = record.error {
            let status = record.status.map { "HTTP \($0), " } ?? ""
            return ((error.indicatorStatus, "\(status)\(error.rawValue)\(record.errorDetail.map { " (\($0))" } ?? "")"), [], false)
        }
        guard let code = record.status else { return ((.unreachable, "no response"), [], false) }
        guard (200..<300).contains(code) else { return ((.unreachable, "HTTP \(code)"), [], false) }
        let json = record.contentType?.lowercased().contains("json") ?? false
        var page: SitePage?
        func parsed() -> SitePage {
            if let page { return page }
            let made = site.parseOnce(record)
            page = made
            return made
        }
        if !json, case let .challenge(reason) = parsed().nature {
            return ((.blocked, "bot challenge (\(reason))"), [], false)
        }
        switch extractor.items(of: record, page: parsed, configuration: site.site.target.search) {
        case let .unreadable(reason):
            return ((.undetermined, reason), [], false)
        case let .items(items):
            let shell = items.isEmpty && !json && parsed().shellReason != nil
            return (nil, items, shell)
        }
    }

    func evidence(_ outcomes: [QueryOutcome], limit: Int) -> [Evidence] {
        outcomes.prefix(limit).map(\.evidence)
    }
}
