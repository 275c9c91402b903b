import TiyanCore

/// The settings every result-judging rule reads from the `shared:` part of probes/search.yaml.
struct SearchJudging {
    let extractor: ResultExtractor
    let kinds: SearchRun.ResultKinds
    let maxEvidence: Int

    init(settings: RuleSettings) throws {
        extractor = ResultExtractor(itemXPath: try settings.xpath("result_items"),
                                    titleXPath: try settings.xpath("result_title"))
        kinds = SearchRun.ResultKinds(news: try settings.pattern("news_link"))
        maxEvidence = try settings.integer("max_evidence")
    }

    func run(_ site: SiteContext) throws -> SearchRun {
        // Every search rule reads the same shared settings, so one judged run serves them all.
        try site.derived("search.run") { try SearchRun.collect(site, extractor: extractor, kinds: kinds) }
    }
}
