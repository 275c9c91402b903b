import TiyanCore

/// Signs of a banned thing on the elder page (EL-03 ads and pop-ups, EL-13 time limits), counted
/// by kind: none passes, any fails, and the value is the count with its kinds.
struct SignTally {
    private(set) var evidence: [Evidence] = []
    private var kinds: [String: Int] = [:]

    mutating func record(_ kind: String, _ item: Evidence) {
        kinds[kind, default: 0] += 1
        evidence.append(item)
    }

    /// `clean` names what was looked for and not found; `failure` says what the count found.
    func finding(on page: SitePage, choice: ElderPageChoice, clean: String, failure: (Int) -> String) -> Finding {
        let value = JSONValue.object([
            ("count", .number(Double(evidence.count))),
            ("kinds", .object(kinds.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) })),
            choice.valueField,
        ])
        if evidence.isEmpty {
            return page.negative(
                Finding(.pass, value: value, evidence: [page.scopeEvidence(clean)], reason: choice.reason(nil)))
        }
        return Finding(
            .fail, value: value, evidence: Array(evidence.prefix(10)), reason: choice.reason(failure(evidence.count)))
    }
}
