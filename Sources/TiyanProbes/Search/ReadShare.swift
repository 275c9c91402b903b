import TiyanCore

/// A share of queries (with results, with a relevant first result) when some answers could not
/// be read: the value is over the read ones, and the status is `pass` or `fail` only when it is
/// the same whether the unread ones would all count or none would; otherwise `undetermined`.
struct ReadShare {
    let value: Double
    let status: Status
    let read: [QueryOutcome]
    let unread: [QueryOutcome]
    let reason: String?

    init?(_ outcomes: [QueryOutcome], minRatio: Double, counts: (QueryOutcome) -> Bool) {
        read = outcomes.filter { !$0.isUnreadable }
        unread = outcomes.filter(\.isUnreadable)
        guard !read.isEmpty else { return nil }
        let hits = Double(read.filter(counts).count)
        value = hits / Double(read.count)
        let total = Double(outcomes.count)
        let worst = hits / total
        let best = (hits + Double(unread.count)) / total
        if worst >= minRatio {
            status = .pass
        } else if best < minRatio {
            status = .fail
        } else {
            status = .undetermined
        }
        reason = unread.isEmpty ? nil
            : "\(unread.count) of \(outcomes.count) answers could not be read (\(unread.first?.failure?.reason ?? ""))"
    }

    /// When no answer could be read: undetermined with the first answer's reason.
    static func unreadable(_ outcomes: [QueryOutcome], limit: Int) -> PageUnavailable {
        PageUnavailable(.undetermined,
                        reason: "no answer could be read: \(outcomes.first?.failure?.reason ?? "no result list found")",
                        evidence: outcomes.prefix(limit).map(\.evidence))
    }
}
