public import TiyanCore
public import TiyanScoring

/// Everything the evaluators' report shows; the report is a pure function of it.
public struct HTMLReportInput: Sendable {
    public var manifest: RunManifest
    public var targets: [Target]
    public var scores: [TargetScore]
    public var modules: [String]
    public var results: [IndicatorResult]
    public var pages: [PageLine]

    public init(
        manifest: RunManifest, targets: [Target], scores: [TargetScore], modules: [String],
        results: [IndicatorResult], pages: [PageLine]
    ) {
        self.manifest = manifest
        self.targets = targets
        self.scores = scores
        self.modules = modules
        self.results = results
        self.pages = pages
    }
}
