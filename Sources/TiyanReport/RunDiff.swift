/// What changed between two runs, indicator by indicator: every (target, indicator) whose
/// status, value or score differs, grouped by target, each marked regression, improvement or
/// change; and the targets one run has and the other lacks.
///
/// Regression and improvement compare measurements only: pass, partial and fail carry a score
/// (pass 1, fail 0 unless the probe gave its own, partial its score), and a lower score is a
/// regression; at equal scores pass > partial > fail decides. A move to or from a status that
/// carries no score (not_applicable, undetermined, blocked, unreachable, error) is a plain
/// change: an unmeasured indicator is not a failing one (an unreachable portal regresses
/// through SB-01, which fails).
public struct RunDiff: Sendable {
    public enum Kind: String, Sendable {
        case regression, improvement, change
    }

    public struct Change: Sendable {
        public var target: String
        public var indicator: String
        public var module: String
        public var kind: Kind
        /// nil when the indicator is new in the later run (or gone from it).
        public var before: ResultLine?
        public var after: ResultLine?
    }

    public var before: RunFolder
    public var after: RunFolder
    /// Targets both runs have, in the later run's order; within a target the later run's
    /// indicators in results.jsonl order, then indicators only the earlier run had.
    public var changes: [Change]
    public var addedTargets: [String]
    public var removedTargets: [String]
    /// Target names from scores.csv, when it could be read.
    public var names: [String: String]

    public var regressions: Int { changes.filter { $0.kind == .regression }.count }
    public var improvements: Int { changes.filter { $0.kind == .improvement }.count }
    public var hasChanges: Bool { !changes.isEmpty || !addedTargets.isEmpty || !removedTargets.isEmpty }

    /// Exit status for scripts: 0 nothing changed, 3 changes without a regression, 4 at least
    /// one regression.
    public var exitStatus: Int32 { regressions > 0 ? 4 : hasChanges ? 3 : 0 }

    public static func compare(before: RunFolder, _ old: [ResultLine], after: RunFolder, _ new: [ResultLine],
                               names: [String: String] = [:]) -> RunDiff
    {
        let oldTargets = orderedUnique(old.map(\.target))
        let newTargets = orderedUnique(new.map(\.target))
        let oldSet = Set(oldTargets), newSet = Set(newTargets)
        let common = newTargets.filter { oldSet.contains($0) }
        var oldByKey: [String: [String: ResultLine]] = [:]
        for line in old { oldByKey[line.target, default: [:]][line.indicator] = oldByKey[line.target]?[line.indicator] ?? line }
        var changes: [Change] = []
        for target in common {
            let newLines = new.filter { $0.target == target }
            var seen: Set<String> = []
            for line in newLines where seen.insert(line.indicator).inserted {
                let previous = oldByKey[target]?[line.indicator]
                if let previous, !differs(previous, line) { continue }
                changes.append(Change(target: target, indicator: line.indicator, module: line.module,
                                      kind: previous.map { kind(from: $0, to: line) } ?? .change,
                                      before: previous, after: line))
            }
            for line in old where line.target == target && !seen.contains(line.indicator) {
                seen.insert(line.indicator)
                changes.append(Change(target: target, indicator: line.indicator, module: line.module, kind: .change,
                                      before: line, after: nil))
            }
        }
        return RunDiff(before: before, after: after, changes: changes,
                       addedTargets: newTargets.filter { !oldSet.contains($0) },
                       removedTargets: oldTargets.filter { !newSet.contains($0) }, names: names)
    }

    /// Timing indicators whose value is a duration in milliseconds that two identical crawls
    /// never reproduce exactly: with the same status and score, values within `absolute` ms or
    /// `relative` of the larger (whichever allows more) are no change. SR-07 is one run's median
    /// search time from one vantage point; 250 ms / 25 % is above the jitter of a loaded
    /// machine and below the 1–3 s steps that its threshold (probes/search.yaml) judges.
    public static let timingTolerances: [String: (absolute: Double, relative: Double)] = [
        "SR-07": (absolute: 250, relative: 0.25),
    ]

    static func differs(_ a: ResultLine, _ b: ResultLine) -> Bool {
        guard a.status == b.status, a.score == b.score else { return true }
        guard a.value != b.value else { return false }
        guard let tolerance = timingTolerances[a.indicator], a.indicator == b.indicator,
              let x = a.value.doubleValue, let y = b.value.doubleValue, x.isFinite, y.isFinite
        else { return true }
        return abs(x - y) > max(tolerance.absolute, tolerance.relative * max(abs(x), abs(y)))
    }

    static func kind(from old: ResultLine, to new: ResultLine) -> Kind {
        guard let before = measure(old), let after = measure(new) else { return .change }
        if after.score < before.score - 1e-9 { return .regression }
        if after.score > before.score + 1e-9 { return .improvement }
        if after.order < before.order { return .regression }
        if after.order > before.order { return .improvement }
        return .change
    }

    /// The score and the status order (fail 0, partial 1, pass 2) of a scored status.
    private static func measure(_ line: ResultLine) -> (score: Double, order: Int)? {
        let order: Int
        let fallback: Double
        switch line.status {
        case "pass": (order, fallback) = (2, 1)
        case "partial": (order, fallback) = (1, 0.5)
        case "fail": (order, fallback) = (0, 0)
        default: return nil
        }
        let score = line.score.flatMap { $0.isFinite ? min(1, max(0, $0)) : nil } ?? fallback
        return (score, order)
    }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
