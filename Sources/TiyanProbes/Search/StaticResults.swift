import TiyanCore

/// SR-02: the search answers with result items a static fetch can read (HTML list items with a
/// link, or the configured JSON API's list).
struct StaticResults: Rule {
    static let id = "SR-02"
    let judging: SearchJudging

    init(settings: RuleSettings) throws { judging = try SearchJudging(settings: settings) }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let run = try judging.run(site)
        let answered = run.bases.filter { !$0.isTransportFailure }
        if let withItems = answered.first(where: \.hasResults) {
            return Finding(.pass, value: true, evidence: run.evidence([withItems], limit: 1))
        }
        // Answers tiyan could not read say nothing of what a static fetch can read.
        if let unread = answered.first(where: \.isUnreadable), let failure = unread.failure {
            throw PageUnavailable(.undetermined, reason: "no result items were read: \(failure.reason)",
                                  evidence: run.evidence(answered.filter(\.isUnreadable), limit: judging.maxEvidence))
        }
        return Finding(.fail, value: false, evidence: run.evidence(answered, limit: judging.maxEvidence),
                       reason: "no query's answer held result items a static fetch can read")
    }
}
