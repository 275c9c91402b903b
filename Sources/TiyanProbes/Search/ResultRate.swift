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
        let ratio = Double(bases.filter(\.hasResults).count) / Double(bases.count)
        let empty = bases.filter { !$0.hasResults }
        // The queries that found nothing (SR-04 shows every base query with its results).
        let evidence = run.evidence(empty.isEmpty ? Array(bases.prefix(3)) : empty, limit: judging.maxEvidence)
        var reason = "\(bases.count - empty.count) of \(bases.count) queries returned results"
        if run.outcomes.count >= budget { reason += " (the query budget of \(budget) requests was used up)" }
        return Finding(ratio >= minRatio ? .pass : .fail, value: .number(ratio), evidence: evidence, reason: reason)
    }
}
