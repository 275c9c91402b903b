public import TiyanCore
public import TiyanScoring

/// Everything the evaluators' report shows; the report is a pure function of it.
public struct HTMLReportInput: Sendable {
    /// One assessment dimension's score for a target, 0–100, nil when nothing in it was scored.
    public typealias DimensionScore = (dimension: String, score: Double?)

    public var manifest: RunManifest
    public var targets: [Target]
    public var scores: [TargetScore]
    public var modules: [String]
    public var results: [IndicatorResult]
    public var pages: [PageLine]
    /// Per target id, the scores of the assessments evaluators report against (掌上好办's
    /// 可用 / 管用 / 好用 / 爱用 / 敢用, …) in display order. Plain data so the report does not
    /// depend on how scoring maps indicators onto them; a target without an entry gets no chart.
    /// Taken from `scores` unless given.
    public var dimensions: [String: [DimensionScore]]

    public init(
        manifest: RunManifest, targets: [Target], scores: [TargetScore], modules: [String],
        results: [IndicatorResult], pages: [PageLine], dimensions: [String: [DimensionScore]]? = nil
    ) {
        self.manifest = manifest
        self.targets = targets
        self.scores = scores
        self.modules = modules
        self.results = results
        self.pages = pages
        self.dimensions =
            dimensions
            ?? Dictionary(
                scores.filter { !$0.dimensions.isEmpty }.map { score in
                    (score.targetID, score.dimensions.map { (dimension: $0.name, score: $0.score) })
                },
                uniquingKeysWith: { first, _ in first })
    }
}
