/// M5 Search precision (查询精准度), configured by probes/search.yaml; the query set is
/// probes/search-queries.yaml (or `--queries FILE`), carried into the archive with each query.
enum SearchModule {
    static let rules: [any Rule.Type] = [
        SearchPresence.self, StaticResults.self, ResultRate.self, RankingQuality.self, VariantTolerance.self,
        SearchAids.self, ResponseTime.self,
    ]
}
