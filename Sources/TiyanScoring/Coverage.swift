public import TiyanCore

/// How much of a score rests on measurement: the indicator weight whose result was pass, fail or
/// partial against the weight that was owed (those plus undetermined, blocked, unreachable and
/// error). not_applicable owes nothing, and a weight-0 diagnostic neither, so a portal is not
/// called unmeasured for what does not apply to it.
public struct Coverage: Sendable, Hashable {
    public private(set) var measured = 0.0
    public private(set) var owed = 0.0
    /// Owed weight that was not measured, per status, for the reason of a withheld score.
    public private(set) var missing: [Status: Int] = [:]

    public init() {}

    /// A share given directly (the total's, made of module shares).
    init(measured: Double, owed: Double, missing: [Status: Int]) {
        self.measured = measured
        self.owed = owed
        self.missing = missing
    }

    mutating func add(_ status: Status, weight: Double) {
        guard weight > 0, weight.isFinite, status != .notApplicable else { return }
        owed += weight
        if status.isScored {
            measured += weight
        } else {
            missing[status, default: 0] += 1
        }
    }

    mutating func merge(_ other: Coverage) {
        measured += other.measured
        owed += other.owed
        missing.merge(other.missing, uniquingKeysWith: +)
    }

    /// 0–100, nil when nothing was owed.
    public var percent: Double? { owed > 0 ? measured / owed * 100 : nil }

    /// "31% measured (minimum 50%): 120 undetermined, 3 blocked", statuses in SPEC order.
    func shortfall(minimum: Double) -> String {
        let shown = Int(((percent ?? 0)).rounded(.down))
        var text = "\(shown)% measured (minimum \(Self.format(minimum))%)"
        let parts = Status.allCases.compactMap { status in missing[status].map { "\($0) \(status.rawValue)" } }
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        return text
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Why a score of a row is withheld (not graded, not ranked): the column it belongs to, named as
/// in scores.csv (`total`, a module, `dimension:可用`, `item:查询精准度`), and the reason.
public struct Withheld: Sendable, Hashable {
    public var column: String
    public var reason: String

    public init(column: String, reason: String) {
        self.column = column
        self.reason = reason
    }
}
