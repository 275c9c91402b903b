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
    /// scoring.yaml's coverage minimum (0–100), for the report's explanation of n/r.
    public var minimumCoverage: Double
    /// Indicator names, sources, pass requirements and fixes.
    public var guide: IndicatorGuide
    /// Per target id, the screenshots of its rendered pages in archive order; a target without
    /// an entry (every target of a run that rendered nothing) gets no gallery.
    public var screenshots: [String: [ReportScreenshot]]

    public init(
        manifest: RunManifest, targets: [Target], scores: [TargetScore], modules: [String],
        results: [IndicatorResult], pages: [PageLine], dimensions: [String: [DimensionScore]]? = nil,
        minimumCoverage: Double = 0, guide: IndicatorGuide = IndicatorGuide(),
        screenshots: [String: [ReportScreenshot]] = [:]
    ) {
        self.screenshots = screenshots
        self.minimumCoverage = minimumCoverage
        self.guide = guide
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

extension HTMLReportInput {
    /// Targets in league-table order (rank on the total, withheld and unscored last), each with
    /// its position in `targets`: the `tN` class the target filter uses stays tied to the target.
    var ranked: [(index: Int, target: Target, rank: Int?)] {
        let totals = Dictionary(scores.map { ($0.targetID, $0.total) }, uniquingKeysWith: { first, _ in first })
        let positions = Dictionary(targets.enumerated().map { ($0.element.id, $0.offset) },
                                   uniquingKeysWith: { first, _ in first })
        return CompetitionRanking.rank(targets.map { (id: $0.id, score: totals[$0.id] ?? nil) }).compactMap { entry in
            guard let index = positions[entry.id] else { return nil }
            return (index, targets[index], entry.rank)
        }
    }
}
