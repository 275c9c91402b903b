import TiyanCore

/// The settings every result-judging rule reads from the `shared:` part of probes/search.yaml.
struct SearchJudging {
    var extractor: ResultExtractor
    let kinds: SearchRun.ResultKinds
    let maxEvidence: Int
    let statements: ResultStatements
    let paginationLink: Pattern
    let json: JSONResults
    let apiTemplates: [Pattern]
    let apiParams: Pattern

    init(settings: RuleSettings) throws {
        extractor = ResultExtractor(itemXPath: try settings.xpath("result_items"),
                                    titleXPath: try settings.xpath("result_title"))
        kinds = SearchRun.ResultKinds(news: try settings.pattern("news_link"))
        maxEvidence = try settings.integer("max_evidence")
        statements = ResultStatements(counts: try settings.patterns("result_count"),
                                      nothingFound: try settings.pattern("nothing_found"),
                                      minPageSize: try settings.integer("min_page_size"))
        paginationLink = try settings.pattern("pagination_link")
        json = JSONResults(titleKeys: try settings.pattern("json_title_keys"), linkKeys: try settings.pattern("json_link_keys"),
                           totalKeys: try settings.pattern("json_total_keys"))
        apiTemplates = try settings.patterns("search_api_templates")
        apiParams = try settings.pattern("search_api_params")
    }

    func run(_ site: SiteContext) throws -> SearchRun {
        // Every search rule reads the same shared settings, so one judged run serves them all.
        try site.derived("search.run") { try SearchRun.collect(site, settings: self) }
    }
}
