/// One target's row of the league table: a score per module in report order, the total and
/// its grade, and the scores of the assessments evaluators report against. A score is nil when
/// nothing in it could be scored (every indicator was blocked, unreachable, undetermined, …):
/// an unmeasured site is not a failing site.
public struct TargetScore: Sendable {
    public var targetID: String
    public var moduleScores: [(module: String, score: Double?)]
    public var total: Double?
    public var grade: String?
    /// The 掌上好办 dimensions in scoring.yaml order (可用, 管用, 好用, 爱用, 敢用).
    public var dimensions: [(name: String, score: Double?)]
    /// The 一体化政务服务能力 items in scoring.yaml order (查询精准度, 无障碍服务, …).
    public var items: [(name: String, score: Double?)]
    /// The veto items (单项否决) that capped the total, in scoring.yaml order.
    public var vetoes: [(indicator: String, reason: String)]
    /// Measured share (0–100) per column, keyed as in scores.csv: a module's name, `total`,
    /// `dimension:<name>`, `item:<name>`. Absent where nothing was owed.
    public var coverage: [String: Double]
    /// The scores withheld (nil above) because too little of them was measured, with the reason.
    public var withheld: [Withheld]

    public init(
        targetID: String, moduleScores: [(module: String, score: Double?)], total: Double?, grade: String?,
        dimensions: [(name: String, score: Double?)] = [], items: [(name: String, score: Double?)] = [],
        vetoes: [(indicator: String, reason: String)] = [], coverage: [String: Double] = [:],
        withheld: [Withheld] = []
    ) {
        self.targetID = targetID
        self.moduleScores = moduleScores
        self.total = total
        self.grade = grade
        self.dimensions = dimensions
        self.items = items
        self.vetoes = vetoes
        self.coverage = coverage
        self.withheld = withheld
    }

    public static let totalColumn = "total"
    public static let dimensionPrefix = "dimension:"
    public static let itemPrefix = "item:"

    /// Why a column's score is withheld, or nil when it is graded (or simply unscored).
    public func withheldReason(of column: String) -> String? {
        withheld.first { $0.column == column }?.reason
    }

    /// The score of one module; nil both when unscored and when the module is not in the row.
    public func score(of module: String) -> Double? {
        moduleScores.first { $0.module == module }?.score ?? nil
    }

    /// The score of one dimension or item by name; nil when unscored or unknown.
    public func assessmentScore(of name: String) -> Double? {
        (dimensions.first { $0.name == name } ?? items.first { $0.name == name })?.score ?? nil
    }
}
