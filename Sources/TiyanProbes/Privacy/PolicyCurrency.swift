import TiyanCore

/// PR-11: the policy is current: it cites the Personal Information Protection Law, or it was
/// updated on or after the day the law came into force (2021-11-01).
struct PolicyCurrency: Rule {
    static let id = "PR-11"
    let law: Pattern
    let updateDate: Pattern
    let inForce: CivilDate
    let minCharacters: Int

    init(settings: RuleSettings) throws {
        law = try settings.pattern("law")
        updateDate = try settings.pattern("update_date")
        let text = try settings.text("in_force")
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw settings.invalid("in_force", "expected a date such as 2021-11-01")
        }
        inForce = date
        minCharacters = try settings.integer("min_policy_characters")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let copy = try PolicyCopy.locate(.privacy, in: site, minCharacters: minCharacters)
        let page = try copy.readable("currency")
        let text = PolicyText(page: page)
        let citation = text.sentences.first { law.matches($0.text) }
        var latest: (date: CivilDate, sentence: PolicyText.Sentence)?
        for sentence in text.sentences {
            for groups in updateDate.allMatches(in: sentence.text) {
                let numbers = groups.dropFirst().compactMap { $0.flatMap { Int($0) } }
                guard numbers.count >= 3, let date = CivilDate(year: numbers[0], month: numbers[1], day: numbers[2])
                else { continue }
                if latest == nil || date > (latest?.date ?? date) { latest = (date, sentence) }
            }
        }
        let value = JSONValue.object([
            ("cites_pipl", .bool(citation != nil)), ("updated", latest.map { .string($0.date.description) } ?? nil),
        ])
        var evidence: [Evidence] = []
        if let citation { evidence.append(text.evidence(citation, extra: [("part", "citation")])) }
        if let latest { evidence.append(text.evidence(latest.sentence, extra: [("part", "update_date")])) }
        if citation != nil || (latest.map { $0.date >= inForce } ?? false) {
            return Finding(.pass, value: value, evidence: evidence)
        }
        let reason = latest.map { "last updated \($0.date), before \(inForce), and the law is not cited" }
            ?? "neither cites the Personal Information Protection Law nor gives an update date"
        return page.negative(Finding(.fail, value: value, evidence: evidence.isEmpty ? [copy.evidence] : evidence, reason: reason))
    }
}
