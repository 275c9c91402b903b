public import TiyanCore

/// Turns indicator results into module scores, totals and grades. Unweighted for now: every
/// scored indicator counts the same within its module and every scored module the same in the
/// total. Statuses that carry no score (not_applicable, blocked, unreachable, …) weigh 0.
public enum Scorer {
    /// Stored in run.json so a ranking engine never compares scores made by different rules.
    public static let algorithmVersion = "0.1"

    /// One row per target in `targets` order, modules in `modules` order. Results for targets or
    /// modules not listed are ignored.
    public static func score(results: [IndicatorResult], targets: [Target], modules: [String]) -> [TargetScore] {
        var byTarget: [String: [String: [Double]]] = [:]
        for result in results where result.status.isScored {
            guard let score = result.score, score.isFinite else { continue }
            byTarget[result.target, default: [:]][result.module, default: []].append(score)
        }
        return targets.map { target in
            let scored = byTarget[target.id] ?? [:]
            let moduleScores = modules.map { module in
                (module: module, score: mean(scored[module] ?? []).map { $0 * 100 })
            }
            let total = mean(moduleScores.compactMap(\.score))
            return TargetScore(targetID: target.id, moduleScores: moduleScores, total: total,
                               grade: total.map(GradeBands.grade(for:)))
        }
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
