/// One target's row of the league table: a score per module in report order, the total and
/// its grade. A module or total is nil when nothing in it could be scored (every indicator was
/// blocked, unreachable, undetermined, …): an unmeasured site is not a failing site.
public struct TargetScore: Sendable {
    public var targetID: String
    public var moduleScores: [(module: String, score: Double?)]
    public var total: Double?
    public var grade: String?

    public init(targetID: String, moduleScores: [(module: String, score: Double?)], total: Double?, grade: String?) {
        self.targetID = targetID
        self.moduleScores = moduleScores
        self.total = total
        self.grade = grade
    }

    /// The score of one module; nil both when unscored and when the module is not in the row.
    public func score(of module: String) -> Double? {
        moduleScores.first { $0.module == module }?.score ?? nil
    }
}
