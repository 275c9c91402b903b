/// Standard competition ranking ("1224"): equal scores share a rank and the next rank skips as
/// many places as were shared. Scores are compared as printed (one decimal), so two rows that
/// read 85.0 never get different ranks. Unscored entries get no rank and come last. Ties and
/// unscored entries keep a stable order by id, so the same input always prints the same table.
public enum CompetitionRanking {
    public static func rank(_ entries: [(id: String, score: Double?)]) -> [(id: String, score: Double?, rank: Int?)] {
        let ordered = entries.sorted { a, b in
            switch (shown(a.score), shown(b.score)) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return Array(a.id.utf8).lexicographicallyPrecedes(Array(b.id.utf8))
            }
        }
        var ranked: [(id: String, score: Double?, rank: Int?)] = []
        for (index, entry) in ordered.enumerated() {
            guard let score = shown(entry.score) else {
                ranked.append((entry.id, entry.score, nil))
                continue
            }
            if let previous = ranked.last, let previousRank = previous.rank, shown(previous.score) == score {
                ranked.append((entry.id, entry.score, previousRank))
            } else {
                ranked.append((entry.id, entry.score, index + 1))
            }
        }
        return ranked
    }

    /// The score to one decimal, as scores.csv prints it.
    public static func shown(_ score: Double?) -> Double? {
        guard let score, score.isFinite else { return nil }
        return (score * 10).rounded() / 10
    }
}
