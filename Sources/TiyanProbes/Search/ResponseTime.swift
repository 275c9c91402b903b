import TiyanCore

/// SR-07: the median time of the search requests that got a response (curl's total time).
struct ResponseTime: Rule {
    static let id = "SR-07"
    let judging: SearchJudging
    let maxMilliseconds: Double

    init(settings: RuleSettings) throws {
        judging = try SearchJudging(settings: settings)
        maxMilliseconds = try settings.number("max_median_ms")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let run = try judging.run(site)
        let timed = run.outcomes.filter { $0.record.status != nil }.map(\.record.elapsedMilliseconds).sorted()
        guard !timed.isEmpty else { throw PageUnavailable(.unreachable, reason: "no search request got a response") }
        let middle = timed.count / 2
        let median = timed.count % 2 == 1 ? Double(timed[middle]) : Double(timed[middle - 1] + timed[middle]) / 2
        let slowest = run.outcomes.filter { $0.record.status != nil }
            .sorted { $0.record.elapsedMilliseconds > $1.record.elapsedMilliseconds }
        return Finding(median <= maxMilliseconds ? .pass : .fail, value: .number(median),
                       evidence: run.evidence(slowest, limit: judging.maxEvidence),
                       reason: "median of \(timed.count) search responses: \(JSONValue.format(median)) ms")
    }
}
