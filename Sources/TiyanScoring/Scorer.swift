public import TiyanCore

/// Turns indicator results into module scores, totals, grades and assessment scores under the
/// rules of probes/scoring.yaml. Pure: the rules come in as values, nothing is read here.
///
/// An indicator's score is 1 for pass and 0 for fail unless the probe gave its own (a ratio),
/// and the probe's score for partial. not_applicable, undetermined, blocked, unreachable and
/// error carry none: they weigh 0 and never count as failures. A module, total, dimension or
/// item with nothing scored in it is nil, not 0.
public struct Scorer: Sendable {
    public let rules: ScoringRules

    public init(rules: ScoringRules) {
        self.rules = rules
    }

    /// Stored in run.json and scores.csv.
    public var algorithmVersion: String { rules.algorithmVersion }

    /// One row per target in `targets` order, modules in `modules` order. Results for targets or
    /// modules not listed are ignored.
    public func score(results: [IndicatorResult], targets: [Target], modules: [String]) -> [TargetScore] {
        let listed = Set(modules)
        var byTarget: [String: [IndicatorResult]] = [:]
        for result in results where listed.contains(result.module) {
            byTarget[result.target, default: []].append(result)
        }
        return targets.map { score(target: $0.id, results: byTarget[$0.id] ?? [], modules: modules) }
    }

    /// The 0–1 score an indicator contributes, or nil when its status weighs 0.
    public static func indicatorScore(_ result: IndicatorResult) -> Double? {
        guard result.status.isScored else { return nil }
        if let score = result.score, score.isFinite { return min(1, max(0, score)) }
        switch result.status {
        case .pass: return 1
        case .fail: return 0
        default: return nil
        }
    }

    private func score(target: String, results: [IndicatorResult], modules: [String]) -> TargetScore {
        var perModule: [String: WeightedMean] = [:]
        for result in results {
            guard let value = Self.indicatorScore(result) else { continue }
            perModule[result.module, default: WeightedMean()]
                .add(value, weight: rules.weight(of: result))
        }
        let moduleScores = modules.map { module in
            (module: module, score: perModule[module]?.mean.map { $0 * 100 })
        }
        var total = WeightedMean()
        for (module, score) in moduleScores {
            if let score { total.add(score, weight: rules.moduleWeight(module)) }
        }
        var capped = total.mean
        var vetoes: [(indicator: String, reason: String)] = []
        for veto in rules.vetoes where results.contains(where: {
            $0.indicator == veto.indicator && veto.statuses.contains($0.status.rawValue)
        }) {
            capped = min(capped ?? veto.cap, veto.cap)
            vetoes.append((indicator: veto.indicator, reason: veto.reason))
        }
        return TargetScore(
            targetID: target, moduleScores: moduleScores, total: capped,
            grade: capped.map(rules.grades.grade(for:)),
            dimensions: rules.dimensions.map { (name: $0.name, score: Self.score(of: $0, in: results)) },
            items: rules.items.map { (name: $0.name, score: Self.score(of: $0, in: results)) },
            vetoes: vetoes)
    }

    private static func score(of assessment: Assessment, in results: [IndicatorResult]) -> Double? {
        var mean = WeightedMean()
        for result in results {
            guard let weight = assessment.weight(of: result.indicator), let value = indicatorScore(result) else {
                continue
            }
            mean.add(value, weight: weight)
        }
        return mean.mean.map { $0 * 100 }
    }
}

/// A mean that is nil until something with a positive weight was added: weight 0 records a
/// diagnostic without letting it count, and an empty mean is "not measured", never 0.
struct WeightedMean {
    private var sum = 0.0
    private var weights = 0.0

    mutating func add(_ value: Double, weight: Double) {
        guard weight > 0, weight.isFinite, value.isFinite else { return }
        sum += value * weight
        weights += weight
    }

    var mean: Double? { weights > 0 ? sum / weights : nil }
}
