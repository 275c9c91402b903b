import TiyanCore

/// What one rule decided for one site; the runner adds target, module and probe version.
struct Finding: Sendable {
    var status: Status
    var value: JSONValue
    var confidence: Confidence
    var evidence: [Evidence]
    var reason: String?
    /// The score of a `partial` result (e.g. the share of sub-checks met); nil for the default.
    var score: Double?

    init(
        _ status: Status, value: JSONValue = .null, confidence: Confidence = .high, evidence: [Evidence] = [],
        reason: String? = nil, score: Double? = nil
    ) {
        self.score = score
        self.status = status
        self.value = value
        self.confidence = confidence
        self.evidence = evidence
        self.reason = reason
    }
}

/// Thrown by a rule when a page it needs cannot be judged: absent, blocked, failed or a script
/// shell. The runner turns it into that status instead of `error`, because it describes the site,
/// not a fault of the probe.
struct PageUnavailable: Error, Sendable {
    var status: Status
    var reason: String
    var evidence: [Evidence]

    init(_ status: Status, reason: String, evidence: [Evidence] = []) {
        self.status = status
        self.reason = reason
        self.evidence = evidence
    }
}
