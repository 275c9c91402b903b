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
        guard let share = ReadShare(variants, minRatio: minRatio, counts: \.firstIsRelevant) else {
            throw ReadShare.unreadable(variants, limit: judging.maxEvidence)
        }
        let read = share.read
        let found = read.filter(\.firstIsRelevant)
        var byKind: [(String, JSONValue)] = []
        for kind in Array(Set(read.compactMap(\.query.variant))).sorted() {
            let ofKind = read.filter { $0.query.variant == kind }
            byKind.append((kind, .number(Double(ofKind.filter(\.firstIsRelevant).count) / Double(ofKind.count))))
        }
        let ordered = share.unread + read.filter { !$0.firstIsRelevant } + found
        var reason = "\(found.count) of \(read.count) variants still find the service first"
        if let unread = share.reason { reason += "; \(unread)" }
        return Finding(share.status,
                       value: .object([("ratio", .number(share.value)), ("variants", .int(read.count)),
                                       ("by_kind", .object(byKind))]),
                       evidence: run.evidence(ordered, limit: judging.maxEvidence), reason: reason)
    }
}
