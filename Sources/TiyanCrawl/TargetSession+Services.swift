import Foundation
import TiyanCore
import TiyanHTML

/// The pages the services module judges beyond the discovered roles: the guide (办事指南) of each
/// gold service of the query set, and the city portals a provincial portal links to.
extension TargetSession {
    /// For each base query of the query set (up to `limits.guides`): a home-page link whose text
    /// names the service (one click), else the first link of that query's archived result page
    /// whose text names it (the search, then the result), in both cases with an address matching
    /// the query set's `relevant_link` (SPEC's relevance, applied to links); for a JSON search API
    /// configured in targets.yaml, the first item whose title names it. Each guide is archived with
    /// the query, so probes know which service it is for.
    func fetchGuides(home: HTMLDocument?, scripts: [(url: String, text: String)]) async throws {
        let limit = discoveryRules.limits.guides
        guard limit > 0, let queries = crawler.settings.search?.queries else { return }
        let homeLinks = home.map { Discovery.candidates(in: $0, scriptBodies: scripts) } ?? []
        var plans: [PlannedFetch] = []
        var planned = fetchedURLs
        for query in queries.searchQueries where query.variant == nil {
            guard plans.count < limit, let relevant = try? Pattern(query.relevantLink) else { continue }
            let gold = ([query.gold] + query.synonyms).map(Self.comparable).filter { !$0.isEmpty }
            func names(_ text: String) -> Bool {
                let text = Self.comparable(text)
                return gold.contains { text.contains($0) }
            }
            var found = homeLinks.first { names($0.text.isEmpty ? $0.title : $0.text) && relevant.matches($0.url) }
                .map { (url: $0.url, origin: $0.origin) }
            if found == nil,
               let results = records.first(where: {
                   $0.role == .searchResults && $0.searchQuery?.text == query.text && $0.error == nil
               }) {
                if let document = document(for: results) {
                    found = document.links.lazy.compactMap { link -> (url: String, origin: String)? in
                        guard let url = link.url, url.hasPrefix("http"),
                              names(link.text.isEmpty ? link.title ?? "" : link.text), relevant.matches(url)
                        else { return nil }
                        return (url, "\(results.finalURL) \(link.element.xpath) «\(Evidence.clip(link.text))»")
                    }.first
                } else if let search = target.search, search.results == .json {
                    found = Self.jsonResults(results, search).first { names($0.title) && relevant.matches($0.url) }
                        .map { ($0.url, "\(results.finalURL) \($0.locator) «\(Evidence.clip($0.title))»") }
                }
            }
            guard let found, planned.insert(found.url).inserted else { continue }
            plans.append(PlannedFetch(url: found.url, role: .guide, userAgent: pageAgent, discoveredFrom: found.origin,
                                      obeysRobots: true, searchQuery: query))
        }
        try await fetch(plans)
    }

    /// The items of a JSON search answer configured in targets.yaml (`item`, `title`, `link` as
    /// dotted paths), in order; an answer that is not JSON or has no list gives none.
    static func jsonResults(_ record: FetchRecord, _ search: Target.SearchConfiguration)
        -> [(title: String, url: String, locator: String)]
    {
        let text = CharsetDecoder.decode(record.body, contentType: record.contentType).text
        guard let root = try? JSONValue.parse(text), let list = follow(search.item, in: root)?.arrayValue else { return [] }
        return list.enumerated().compactMap { index, item in
            // Engines highlight the query (居民<em>身份证</em>换领): SPEC compares titles without tags.
            guard let title = follow(search.title, in: item)?.stringValue
                .map({ $0.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression) }),
                  let raw = follow(search.link, in: item)?.stringValue,
                  let url = URLResolver.resolve(raw, against: record.finalURL), url.hasPrefix("http") else { return nil }
            return (title, url, "\(search.item)[\(index)]")
        }
    }

    /// A dotted path: object keys, or indexes into arrays (as targets.yaml `search:` reads them).
    private static func follow(_ path: String, in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for component in path.split(separator: ".") where !component.isEmpty {
            if let index = Int(component), let array = current?.arrayValue {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = current?[String(component)]
            }
        }
        return current
    }

    /// SPEC's comparison of a title with a gold name: NFKC, without white space.
    static func comparable(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace })
    }

    /// SV-15: the links of a city-entry block (at least three links whose text is a city's name,
    /// to other hosts), each checked once like SB-11's links (HEAD, falling back to GET) within
    /// the page budget; links SB-11 already checked are not asked again.
    func checkCityPortals(of document: HTMLDocument, scripts: [(url: String, text: String)]) async throws {
        guard let pattern = discoveryRules.cityLink, discoveryRules.limits.cityChecks > 0 else { return }
        let host = URLResolver.host(of: document.url)
        var seen = Set<String>()
        let cities = Discovery.candidates(in: document, scriptBodies: scripts).filter { link in
            pattern.matches(link.text) && URLResolver.host(of: link.url) != host && seen.insert(link.url).inserted
        }
        guard cities.count >= 3 else { return }
        let plans = cities.filter { !fetchedURLs.contains($0.url) }.prefix(discoveryRules.limits.cityChecks).map {
            PlannedFetch(url: $0.url, role: .cityCheck, userAgent: .tiyan, method: "HEAD", discoveredFrom: $0.origin)
        }
        try await fetch(Array(plans))
    }
}
