import TiyanCore

/// SR-05: the share of variants (typo, pinyin, colloquial, English) whose first result is
/// relevant for the base query's service.
struct VariantTolerance: Rule {
    static let id = "SR-05"
    let judging: SearchJudging
    let minRatio: Double

    init(settings: RuleSettings) throws {
        judging = try SearchJudging(settings: settings)
        minRatio = try settings.number("min_ratio")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let run = try judging.run(site)
        let variants = run.variants
        guard !variants.isEmpty else {
            throw PageUnavailable(.notApplicable, reason: "the query set has no variants, or the query budget left none")
        }
        let found = variants.filter(\.firstIsRelevant)
        let ratio = Double(found.count) / Double(variants.count)
        var byKind: [(String, JSONValue)] = []
        for kind in Array(Set(variants.compactMap(\.query.variant))).sorted() {
            let ofKind = variants.filter { $0.query.variant == kind }
            byKind.append((kind, .number(Double(ofKind.filter(\.firstIsRelevant).count) / Double(ofKind.count))))
        }
        let ordered = variants.filter { !$0.firstIsRelevant } + found
        return Finding(ratio >= minRatio ? .pass : .fail,
                       value: .object([("ratio", .number(ratio)), ("variants", .int(variants.count)),
                                       ("by_kind", .object(byKind))]),
                       evidence: run.evidence(ordered, limit: judging.maxEvidence),
                       reason: "\(found.count) of \(variants.count) variants still find the service first")
    }
}
