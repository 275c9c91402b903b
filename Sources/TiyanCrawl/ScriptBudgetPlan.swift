public import TiyanConfig

/// Which of a page's same-site scripts the crawl fetches within its budget: libraries never
/// (they write no page content), then the scripts whose file names promise a header, footer,
/// common or index script, then the rest in document order. Fetched in document order, so a
/// page within the budget is crawled exactly as before.
public enum ScriptBudgetPlan {
    public struct Plan: Sendable, Equatable {
        public var fetch: [String]
        /// Scripts left out: `library` or `budget`.
        public var skipped: [Skipped]
    }

    public struct Skipped: Sendable, Equatable {
        public var url: String
        public var reason: String
    }

    public static func choose(_ urls: [String], budget: DiscoveryRules.ScriptBudget, limit: Int) -> Plan {
        var skipped: [Skipped] = []
        var candidates: [(index: Int, url: String, rank: Int)] = []
        for (index, url) in urls.enumerated() {
            let name = DiscoveryRules.ScriptBudget.fileName(of: url)
            if budget.isLibrary(url) {
                skipped.append(Skipped(url: url, reason: "library"))
                continue
            }
            let rank = budget.priority.firstIndex { $0.matches(name) } ?? budget.priority.count
            candidates.append((index, url, rank))
        }
        let ranked = candidates.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }
        let chosen = Set(ranked.prefix(max(0, limit)).map(\.index))
        for candidate in candidates where !chosen.contains(candidate.index) {
            skipped.append(Skipped(url: candidate.url, reason: "budget"))
        }
        return Plan(fetch: candidates.filter { chosen.contains($0.index) }.map(\.url), skipped: skipped)
    }
}
