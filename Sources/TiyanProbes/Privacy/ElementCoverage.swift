import TiyanCore

/// PR-06: which of the twelve elements of PIPL Art. 17 / GB/T 35273 5.5 the policy states.
/// Value `{"present":[…],"missing":[…],"coverage":0.83}`; each present element has evidence
/// items with `"element": KEY` whose snippet is a sentence that states it.
struct ElementCoverage: Rule {
    static let id = "PR-06"
    let reader: ElementReader
    let headings: PolicyText.HeadingStyle
    let minCharacters: Int
    let content: String
    let privacyTerms: Pattern
    let passCoverage: Double
    let failCoverage: Double
    let evidenceSentences: Int

    init(settings: RuleSettings) throws {
        reader = try ElementReader(settings: settings)
        headings = PolicyText.HeadingStyle(
            maxLength: try settings.integer("heading_max_length"), exclude: try settings.pattern("heading_exclude"),
            section: try settings.pattern("section_heading"))
        minCharacters = try settings.integer("min_policy_characters")
        content = try settings.xpath("policy_content")
        privacyTerms = try settings.pattern("policy_link_text")
        passCoverage = try settings.number("pass_coverage")
        failCoverage = try settings.number("fail_coverage")
        evidenceSentences = try settings.integer("evidence_sentences")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let (copy, fallback) = try policy(in: site)
        let page = try copy.readable("element coverage")
        let text = PolicyText(page: page, headings: headings, content: content)
        let found = reader.read(text)
        let present = PolicyElement.allCases.filter { found[$0] != nil }
        let missing = PolicyElement.allCases.filter { found[$0] == nil }
        let coverage = (Double(present.count) / Double(PolicyElement.allCases.count) * 100).rounded() / 100
        let value = JSONValue.object([
            ("present", .array(present.map { .string($0.rawValue) })),
            ("missing", .array(missing.map { .string($0.rawValue) })),
            ("coverage", .number(coverage)),
        ])
        var evidence: [Evidence] = []
        for element in present {
            for statement in (found[element] ?? []).prefix(evidenceSentences) {
                evidence.append(text.evidence(statement.sentence, extra: [("element", .string(element.rawValue))]))
            }
        }
        if evidence.isEmpty { evidence = [copy.evidence] }
        let notes = [
            fallback ? "no separate privacy policy: read from the agreement's privacy terms" : nil,
            missing.isEmpty ? nil : "not stated: \(missing.map(\.rawValue).joined(separator: ", "))",
        ].compactMap { $0 }
        let reason = notes.isEmpty ? nil : notes.joined(separator: "; ")
        let confidence: Confidence = fallback ? .medium : .high
        if coverage >= passCoverage {
            return Finding(.pass, value: value, confidence: confidence, evidence: evidence, reason: reason)
        }
        if coverage < failCoverage {
            return page.negative(Finding(.fail, value: value, confidence: confidence, evidence: evidence, reason: reason))
        }
        return Finding(.partial, value: value, confidence: .medium, evidence: evidence, reason: reason, score: coverage)
    }

    /// The privacy policy; without one, a user agreement that carries privacy terms (many
    /// portals put 隐私保护 into the 注册协议) is read instead, and the result says so.
    private func policy(in site: SiteContext) throws -> (PolicyCopy, fallback: Bool) {
        guard site.records(.privacy).isEmpty, !site.records(.agreement).isEmpty,
              let agreement = try? PolicyCopy.locate(.agreement, in: site, minCharacters: minCharacters),
              let page = agreement.page, agreement.form == .html,
              privacyTerms.matches(page.document.visibleText)
        else { return (try PolicyCopy.locate(.privacy, in: site, minCharacters: minCharacters), false) }
        return (agreement, true)
    }
}
