import TiyanCore
import TiyanHTML

/// SR-01: the portal has a site search: `search:` in targets.yaml, a GET form with a query
/// field, a search URL template in the home page's scripts (a CMS's, or one a button builds with
/// `location.href = '…?q=' + …`), or a search box outside any form whose script was not
/// followed (passes, not replayable). The same finder and settings
/// the crawl used, so the template reported is the one queried.
struct SearchPresence: Rule {
    static let id = "SR-01"
    let marks: SearchEntryFinder.Marks

    init(settings: RuleSettings) throws {
        marks = SearchEntryFinder.Marks(
            fieldNames: try settings.pattern("search_field_names"), templates: try settings.patterns("search_templates"),
            tokenFields: try settings.pattern("search_token_fields"),
            signingScripts: try settings.pattern("search_signing_scripts"),
            searchBox: try settings.xpath("search_box"), formAction: try settings.pattern("search_form_action"))
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        if let configured = site.site.target.search {
            return Finding(
                .pass,
                value: .object([("present", true), ("template", .string(configured.url)), ("source", "targets.yaml")]),
                evidence: [Evidence(url: configured.url, locator: "targets.yaml search", snippet: configured.url)])
        }
        let home = try site.markPage()
        let homeURLs: Set<String> = [home.record.url, home.record.finalURL]
        let loaded = Set(home.document.scripts.compactMap(\.url))
        let scripts = site.records(.script).filter { record in
            record.hasBody && record.error == nil
                && (loaded.contains(record.url) || loaded.contains(record.finalURL)
                    || record.discoveredFrom.map(homeURLs.contains) == true)
        }.map { (url: $0.finalURL, text: site.text(of: $0)) }
        let entries = SearchEntryFinder.entries(in: home.document, scripts: scripts, marks: marks)
        guard let entry = entries.first else {
            return site.negative(Finding(
                .fail, value: .object([("present", false)]),
                evidence: [home.evidence(locator: "//form | //script", snippet: "no search form or search URL template")],
                reason: "no GET form with a query field and no search URL template was found"),
                on: home, what: "search entry")
        }
        var value: [(String, JSONValue)] = [
            ("present", true), ("template", .string(entry.template)), ("source", .string(entry.source.rawValue)),
            ("replayable", .bool(entry.obstacle == nil)),
        ]
        if let obstacle = entry.obstacle { value.append(("obstacle", .string(obstacle))) }
        let onPage = entry.source != .script
        let confidence: Confidence = entry.source == .form ? .high : .medium
        return Finding(.pass, value: .object(value), confidence: confidence,
                       evidence: [Evidence(url: onPage ? home.url : entry.locator,
                                           locator: onPage ? entry.locator : "script",
                                           snippet: entry.snippet, extra: home.extra)])
    }
}
