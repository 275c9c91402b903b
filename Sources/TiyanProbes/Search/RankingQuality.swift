import TiyanCore

/// SR-04: Hit@1, P@5 and MRR over the base queries (SPEC.md): a query without results counts 0,
/// P@5 divides by 5 whatever the number of results; MRR looks at the first k results.
struct RankingQuality: Rule {
    static let id = "SR-04"
    let judging: SearchJudging
    let minHitAtOne: Double

    init(settings: RuleSettings) throws {
        judging = try SearchJudging(settings: settings)
        minHitAtOne = try settings.number("min_hit_at_1")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let run = try judging.run(site)
        let all = run.bases
        guard !all.isEmpty else { throw PageUnavailable(.undetermined, reason: "no base query was issued") }
        guard let share = ReadShare(all, minRatio: minHitAtOne, counts: \.firstIsRelevant) else {
            throw ReadShare.unreadable(all, limit: judging.maxEvidence)
        }
        // Over the answers that could be read: an unread one is neither a hit nor a miss.
        let bases = share.read
        let count = Double(bases.count)
        let precision = bases.map(\.precisionAtFive).reduce(0, +) / count
        let mrr = bases.map { $0.firstRelevantRank.map { 1 / Double($0) } ?? 0 }.reduce(0, +) / count
        let value = JSONValue.object([
            ("hit_at_1", .number(share.value)), ("precision_at_5", .number(precision)), ("mrr", .number(mrr)),
            ("queries", .int(bases.count)),
        ])
        // Unread and misses first: they are what an evaluator checks.
        let ordered = share.unread + bases.filter { !$0.firstIsRelevant } + bases.filter(\.firstIsRelevant)
        var reason = "\(bases.filter(\.firstIsRelevant).count) of \(bases.count) queries have a relevant first result"
        if let unread = share.reason { reason += "; \(unread)" }
        return Finding(share.status, value: value, evidence: run.evidence(ordered, limit: judging.maxEvidence), reason: reason)
    }
}
