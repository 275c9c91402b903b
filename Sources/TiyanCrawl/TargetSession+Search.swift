import TiyanCore
import TiyanHTML
import TiyanConfig
import Foundation

/// The portal's own search, queried the way a citizen would type: `search:` in targets.yaml
/// wins; otherwise a GET form or a CMS URL template found on the home page and its scripts.
/// A search that posts or needs a token is not guessed at: one record without a request says
/// why, so SR-02…SR-07 are undetermined with that reason.
extension TargetSession {
    func searchPortal(home: HTMLDocument?, scripts: [(url: String, text: String)]) async throws {
        guard let rules = crawler.settings.search else { return }
        let template: String
        let origin: String
        var configured = false
        var charset: String?
        if let search = target.search {
            template = search.url
            origin = "targets.yaml search"
            configured = true
        } else {
            guard let home else { return }
            let marks = SearchEntryFinder.Marks(fieldNames: rules.fieldNames, templates: rules.templates,
                                                tokenFields: rules.tokenFields, signingScripts: rules.signingScripts,
                                                searchBox: rules.searchBox, formAction: rules.formAction)
            let entries = SearchEntryFinder.entries(in: home, scripts: scripts, marks: marks)
            guard let entry = entries.first else { return }
            if let obstacle = entry.obstacle {
                append(FetchRecord(target: target.id, role: .searchResults,
                                   url: entry.template.isEmpty ? home.url : entry.template, errorDetail: obstacle,
                                   fetchedAt: Date(), userAgentProfile: pageAgent.profileName,
                                   discoveredFrom: "\(entry.source.rawValue) \(entry.locator)"))
                try archiveLast()
                return
            }
            template = entry.template
            origin = "\(entry.source.rawValue) \(entry.locator)"
            charset = entry.charset
        }
        // The nonsense query takes one request of the budget: without it the result list can only
        // be told from the template by what varies between the real queries.
        let queries = rules.queries.searchQueries
        let room = rules.budget >= 2 ? rules.budget - 1 : max(0, rules.budget)
        var wanted = Array(queries.prefix(room))
        if rules.budget >= 2, let sample = queries.first {
            wanted.append(SearchQuery(text: Self.nonsenseQuery(), base: "", gold: "", synonyms: [],
                                      relevantLink: sample.relevantLink, k: sample.k, baseline: true))
        }
        let plans = wanted.map { query in
            PlannedFetch(url: SearchEntry.url(from: template, query: query.text, charset: charset), role: .searchResults,
                         userAgent: pageAgent, configured: configured, discoveredFrom: origin,
                         obeysRobots: !configured, searchQuery: query)
        }
        // One query first: when robots.txt forbids the search, a challenge or an HTTP error answers
        // it or the host cannot be reached, the rest would only repeat that answer to the host.
        guard let first = plans.first, let answer = try await fetch([first]).first else { return }
        if let error = answer.error, Self.stopsSearch.contains(error) { return }
        // A script shell is the same page whatever was typed: its script asks an API for the
        // results, so the queries go to that API, fetched and archived like any query.
        if !configured, let api = try await scriptAPI(of: answer, rules: rules) {
            try await fetch(wanted.map { query in
                PlannedFetch(url: SearchEntry.url(from: api.template, query: query.text), role: .searchResults,
                             userAgent: pageAgent, discoveredFrom: "api \(api.source)", obeysRobots: true,
                             searchQuery: query)
            })
            return
        }
        try await fetch(Array(plans.dropFirst()))
    }

    /// The JSON API of a script-shell result page, from its inline scripts and the same-site
    /// scripts it loads (fetched here, archived as scripts); nil for a page with content.
    private func scriptAPI(of answer: FetchRecord, rules: SearchCrawlRules) async throws -> SearchAPIFinder.API? {
        guard !rules.apiTemplates.isEmpty || rules.apiParams != nil, answer.error == nil,
              let document = document(for: answer),
              case .scriptShell = PageNature.classify(status: answer.status, headers: answer.headers, body: answer.body,
                                                      document: document, markers: crawler.settings.pageNature)
        else { return nil }
        let wantedScripts = loadedResources(of: document).filter { $0.role == .script }
        let fetched = Set(records.map(\.url))
        let fresh = wantedScripts.filter { !fetched.contains($0.url) }
        try await fetch(fresh)
        let urls = Set(wantedScripts.map(\.url))
        var scripts: [(url: String, text: String)] = document.scripts.filter { $0.url == nil && !$0.inlineText.isEmpty }
            .map { (document.url, $0.inlineText) }
        scripts += records.filter { $0.role == .script && $0.error == nil && (urls.contains($0.url) || urls.contains($0.finalURL)) }
            .map { ($0.finalURL, CharsetDecoder.decode($0.body, contentType: $0.contentType).text) }
        return SearchAPIFinder.find(in: scripts, pageURL: answer.finalURL, templates: rules.apiTemplates,
                                    params: rules.apiParams)
    }

    /// Twelve random consonants: no pinyin syllable, English word or number, so no engine, however
    /// tolerant, should match it; random so that no engine can have learnt it. The archive keeps
    /// what was sent, so probes never need to know how it was made.
    static func nonsenseQuery() -> String {
        let letters = Array("bcdfghjklmnpqrstvwxz")
        return String((0..<12).map { _ in letters.randomElement() ?? "x" })
    }

    private static let stopsSearch: Set<FetchErrorClass> = [
        .robotsDisallowed, .challenge, .dns, .connect, .timeout, .tlsHandshake, .tlsCertificate, .http4xx, .http5xx,
        .tooLarge, .tooManyRedirects,
    ]
}
