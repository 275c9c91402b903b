import Foundation
import TiyanCore
import TiyanHTML

/// The search requests the crawl archived for a site, each judged; or the status every search
/// indicator takes when there is nothing to judge (no search found, a search that posts or
/// needs a token, every query failed).
struct SearchRun {
    let outcomes: [QueryOutcome]
    /// How the engine's result list was found; nil when it was not.
    let source: ResultListSource?

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

    static func collect(_ site: SiteContext, settings: SearchJudging) throws -> SearchRun {
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
        // When the crawl found the API behind a script-shell result page, the API's answers are
        // the engine's; the shell it answered first says nothing more.
        let api = records.contains(where: Reading.isAPI)
        let engine = api ? records.filter(Reading.isAPI) : records
        let baselineRecord = engine.first { $0.searchQuery?.isBaseline == true }
        let queried = engine.filter { $0.searchQuery.map { !$0.isBaseline } ?? false }
        let reading = Reading(site: site, settings: settings)
        let source = reading.locate(queried, baseline: baselineRecord)
        var outcomes: [QueryOutcome] = []
        var unlisted: [(index: Int, text: String)] = []
        for record in queried {
            guard let query = record.searchQuery else { continue }
            let judged = reading.judge(record, source: source)
            let top = judged.items.prefix(query.k)
            if judged.unlisted, let text = reading.pageText(record) {
                unlisted.append((outcomes.count, text.replacingOccurrences(of: query.text, with: "")))
            }
            outcomes.append(QueryOutcome(
                record: record, query: query, failure: judged.failure, items: judged.items,
                relevant: top.map { relevance($0, query) },
                kinds: top.map { settings.kinds.kind($0, relevantLink: linkPattern(query)) }, shell: judged.shell,
                source: source, statement: judged.statement))
        }
        let bases = outcomes.filter(\.isBase)
        if !bases.isEmpty, bases.allSatisfy({ $0.shell || $0.isTransportFailure }), let first = bases.first(where: \.shell) {
            throw PageUnavailable(.undetermined, reason: "the search results are rendered by script: the result pages hold no items in their HTML",
                                  evidence: [first.evidence])
        }
        if !bases.isEmpty, bases.allSatisfy(\.isTransportFailure), let first = bases.first, let failure = first.failure {
            throw PageUnavailable(failure.status, reason: "no search query got an answer: \(failure.reason)",
                                  evidence: bases.prefix(3).map(\.evidence))
        }
        // Pages where no list was found and nothing says the search found nothing: one page for
        // every query means a script fetches the results; pages that vary hold a list tiyan
        // could not isolate. Either way the results are unread, not absent.
        let answeredBases = bases.filter { !$0.isTransportFailure }
        if answeredBases.count >= 2, answeredBases.count == unlisted.filter({ outcomes[$0.index].isBase }).count,
           Set(unlisted.map(\.text)).count == 1 {
            throw PageUnavailable(
                .undetermined,
                reason: "every query got the same result page without items: the results are loaded by script",
                evidence: answeredBases.prefix(2).map(\.evidence))
        }
        let varies = Set(unlisted.map(\.text)).count > 1
        for entry in unlisted where outcomes[entry.index].failure == nil {
            outcomes[entry.index].failure = (.undetermined, varies
                ? "the response varies with the query but no result list could be isolated in it"
                : "no result list could be found in the response")
        }
        return SearchRun(outcomes: outcomes, source: source)
    }

    func evidence(_ outcomes: [QueryOutcome], limit: Int) -> [Evidence] {
        outcomes.prefix(limit).map(\.evidence)
    }
}
