/// One line of results.jsonl: the value of one indicator for one target.
public struct IndicatorResult: Sendable, Hashable {
    public var target: String
    public var indicator: String
    public var module: String
    public var status: Status
    public var value: JSONValue
    public var score: Double?
    public var confidence: Confidence
    public var evidence: [Evidence]
    public var probeVersion: String
    /// Why the status is what it is when no evidence can say it (unreachable, blocked, error).
    public var reason: String?

    public init(
        target: String, indicator: String, module: String, status: Status, value: JSONValue = .null,
        score: Double? = nil, confidence: Confidence = .high, evidence: [Evidence] = [],
        probeVersion: String = "1", reason: String? = nil
    ) {
        self.target = target
        self.indicator = indicator
        self.module = module
        self.status = status
        self.value = value
        self.score = status.isScored ? (score ?? (status == .pass ? 1 : status == .fail ? 0 : 0.5)) : nil
        self.confidence = confidence
        self.evidence = evidence
        self.probeVersion = probeVersion
        self.reason = reason
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("target", .string(target)), ("indicator", .string(indicator)), ("module", .string(module)),
            ("status", .string(status.rawValue)), ("value", value),
            ("score", score.map { .number($0) } ?? .null), ("confidence", .string(confidence.rawValue)),
            ("evidence", .array(evidence.map(\.json))), ("probe_version", .string(probeVersion)),
        ]
        if let reason { pairs.append(("reason", .string(reason))) }
        return .object(pairs)
    }
}
