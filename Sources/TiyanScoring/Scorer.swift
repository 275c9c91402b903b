public import TiyanCore

/// Turns indicator results into module scores, totals, grades and assessment scores under the
/// rules of probes/scoring.yaml. Pure: the rules come in as values, nothing is read here.
///
/// An indicator's score is 1 for pass and 0 for fail unless the probe gave its own (a ratio),
/// and the probe's score for partial. not_applicable, undetermined, blocked, unreachable and
/// error carry none: they weigh 0 and never count as failures. A module, total, dimension or
/// item with nothing scored in it is nil, not 0. They do count against coverage: a score whose
/// measured share of the weight owed is below `rules.coverage.minimum` is withheld (nil, with
/// the reason in `TargetScore.withheld`), so what could not be measured is never ranked.
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
        let minimum = rules.coverage.minimum
        var perModule: [String: WeightedMean] = [:]
        var moduleCoverage: [String: Coverage] = [:]
        for result in results {
            let weight = rules.weight(of: result)
            moduleCoverage[result.module, default: Coverage()].add(result.status, weight: weight)
            guard let value = Self.indicatorScore(result) else { continue }
            perModule[result.module, default: WeightedMean()].add(value, weight: weight)
        }
        var coverage: [String: Double] = [:]
        var withheld: [Withheld] = []
        let moduleScores = modules.map { module -> (module: String, score: Double?) in
            let measured = moduleCoverage[module] ?? Coverage()
            coverage[module] = measured.percent
            let score = perModule[module]?.mean.map { $0 * 100 }
            guard score != nil, let percent = measured.percent, percent < minimum else { return (module, score) }
            withheld.append(Withheld(column: module, reason: measured.shortfall(minimum: minimum)))
            return (module, nil)
        }
        // The total rests on the graded modules only: the measured share of the module weight
        // owed is what backs it, so a withheld module counts as unmeasured here too.
        var total = WeightedMean()
        var totalMeasured = 0.0, totalOwed = 0.0
        var totalMissing = Coverage()
        for (module, score) in moduleScores {
            let weight = rules.moduleWeight(module)
            guard weight > 0, weight.isFinite, let measured = moduleCoverage[module], measured.owed > 0 else { continue }
            totalOwed += weight
            totalMissing.merge(measured)
            if let score {
                total.add(score, weight: weight)
                totalMeasured += weight * measured.measured / measured.owed
            }
        }
        let totalCoverage = Coverage(measured: totalMeasured, owed: totalOwed, missing: totalMissing.missing)
        coverage[TargetScore.totalColumn] = totalCoverage.percent
        var capped = total.mean
        // Withheld modules leave nothing to average, yet the total is still "not rankable", not
        // merely unscored: something was measured, too little of it.
        let anyWithheld = !withheld.isEmpty
        if capped != nil || anyWithheld, let percent = totalCoverage.percent, percent < minimum {
            withheld.append(Withheld(column: TargetScore.totalColumn, reason: totalCoverage.shortfall(minimum: minimum)))
            capped = nil
        }
        var vetoes: [(indicator: String, reason: String)] = []
        // The lowest cap of the vetoes that apply: it bounds the dimensions and items too.
        var vetoCap: Double?
        for veto in rules.vetoes where results.contains(where: {
            $0.indicator == veto.indicator && veto.statuses.contains($0.status.rawValue)
        }) {
            vetoCap = min(vetoCap ?? veto.cap, veto.cap)
            // A veto that zeroes the total is itself the measurement (the portal is down): it
            // grades the total however little else could be measured. A higher cap only bounds
            // a total that must still stand on its own coverage.
            if veto.cap == 0 {
                capped = 0
                withheld.removeAll { $0.column == TargetScore.totalColumn }
            } else if let value = capped {
                capped = min(value, veto.cap)
            } else if total.mean == nil, !withheld.contains(where: { $0.column == TargetScore.totalColumn }) {
                capped = veto.cap
            }
            vetoes.append((indicator: veto.indicator, reason: veto.reason))
        }
        let homeMissing = homePageMissing(in: results)
        func assess(_ assessments: [Assessment], prefix: String) -> [(name: String, score: Double?)] {
            assessments.map { assessment in
                let column = prefix + assessment.name
                let (score, measured) = Self.score(of: assessment, in: results)
                coverage[column] = measured.percent
                guard score != nil else { return (assessment.name, nil) }
                if let homeMissing {
                    withheld.append(Withheld(column: column, reason: homeMissing))
                    return (assessment.name, nil)
                }
                if let percent = measured.percent, percent < minimum {
                    withheld.append(Withheld(column: column, reason: measured.shortfall(minimum: minimum)))
                    return (assessment.name, nil)
                }
                // A veto (单项否决) fails the portal as a whole: no dimension or item of it may read
                // better than the total is allowed to (a stale portal is not 爱用 = 100).
                if let cap = vetoCap, let value = score { return (assessment.name, min(value, cap)) }
                return (assessment.name, score)
            }
        }
        let dimensions = assess(rules.dimensions, prefix: TargetScore.dimensionPrefix)
        let items = assess(rules.items, prefix: TargetScore.itemPrefix)
        return TargetScore(
            targetID: target, moduleScores: moduleScores, total: capped,
            grade: capped.map(rules.grades.grade(for:)), dimensions: dimensions, items: items, vetoes: vetoes,
            coverage: coverage, withheld: withheld)
    }

    /// The reason dimensions are withheld when the home-page indicator (SB-01) says the home page
    /// was never had: every dimension would then rest on the few facts that need no page (a
    /// .gov.cn domain), and a portal that is down would read 敢用 = 100.
    private func homePageMissing(in results: [IndicatorResult]) -> String? {
        guard let indicator = rules.coverage.homeIndicator,
              let home = results.first(where: { $0.indicator == indicator })
        else { return nil }
        guard home.status != .pass, home.status != .partial else { return nil }
        return "home page not fetched (\(indicator) \(home.status.rawValue))"
    }

    private static func score(of assessment: Assessment, in results: [IndicatorResult]) -> (Double?, Coverage) {
        var mean = WeightedMean()
        var coverage = Coverage()
        for result in results {
            guard let weight = assessment.weight(of: result.indicator) else { continue }
            coverage.add(result.status, weight: weight)
            guard let value = indicatorScore(result) else { continue }
            mean.add(value, weight: weight)
        }
        return (mean.mean.map { $0 * 100 }, coverage)
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
