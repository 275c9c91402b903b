import TiyanCore

/// SR-03: the share of the query set's base queries that return at least one result. A query
/// whose request failed returned nothing to the citizen, so it counts as without results.
struct ResultRate: Rule {
    static let id = "SR-03"
    let judging: SearchJudging
    let minRatio: Double
    /// The crawl's query budget: when the run used all of it, later queries were never issued.
    let budget: Int

    init(settings: RuleSettings) throws {
        judging = try SearchJudging(settings: settings)
        minRatio = try settings.number("min_ratio")
        budget = try settings.integer("query_budget")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let run = try judging.run(site)
        let bases = run.bases
        guard !bases.isEmpty else { throw PageUnavailable(.undetermined, reason: "no base query was issued") }
        guard let share = ReadShare(bases, minRatio: minRatio, counts: \.hasResults) else {
            throw ReadShare.unreadable(bases, limit: judging.maxEvidence)
        }
        let empty = share.read.filter { !$0.hasResults }
        // The unread and the empty queries first (SR-04 shows every base query with its results).
        let shown = share.unread + empty
        let evidence = run.evidence(shown.isEmpty ? Array(bases.prefix(3)) : shown, limit: judging.maxEvidence)
        var reason = "\(share.read.count - empty.count) of \(share.read.count) queries returned results"
        if let unread = share.reason { reason += "; \(unread)" }
        if run.outcomes.count >= budget - 1 { reason += " (the query budget of \(budget) requests was used up)" }
        return Finding(share.status, value: .number(share.value), evidence: evidence, reason: reason)
    }
}
