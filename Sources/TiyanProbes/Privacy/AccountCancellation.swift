import TiyanCore

/// PR-07: the policy tells how to cancel the account (注销账号): the steps, and a time limit no
/// longer than 15 working days. Value `{"cancellation":…,"steps":…,"days":N}`.
struct AccountCancellation: Rule {
    static let id = "PR-07"
    let cancellation: Pattern
    let steps: Pattern
    let timeLimit: Pattern
    let maxDays: Int
    let window: Int
    let minCharacters: Int

    init(settings: RuleSettings) throws {
        cancellation = try settings.pattern("cancellation")
        steps = try settings.pattern("steps")
        timeLimit = try settings.pattern("time_limit")
        maxDays = try settings.integer("max_working_days")
        window = try settings.integer("window")
        minCharacters = try settings.integer("min_policy_characters")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let copy = try PolicyCopy.locate(.privacy, in: site, minCharacters: minCharacters)
        let page = try copy.readable("account cancellation")
        let text = PolicyText(page: page)
        let sentences = text.sentences
        var named: [PolicyText.Sentence] = []
        var step: PolicyText.Sentence?
        var limit: (sentence: PolicyText.Sentence, days: Int)?
        for (index, sentence) in sentences.enumerated() where cancellation.matches(sentence.text) {
            named.append(sentence)
            for near in sentences[index..<min(sentences.count, index + window + 1)] {
                if step == nil, steps.matches(near.text) { step = near }
                for groups in timeLimit.allMatches(in: near.text) {
                    guard let number = groups.count > 1 ? groups[1] : nil, let days = ChineseNumber.value(number)
                    else { continue }
                    if limit == nil || days > (limit?.days ?? 0) { limit = (near, days) }
                }
            }
        }
        let value = JSONValue.object([
            ("cancellation", .bool(!named.isEmpty)), ("steps", .bool(step != nil)),
            ("days", limit.map { .number(Double($0.days)) } ?? nil),
        ])
        guard let first = named.first else {
            return page.negative(Finding(
                .fail, value: value, evidence: [copy.evidence], reason: "the policy does not say how to cancel the account"))
        }
        var evidence = [text.evidence(first, extra: [("part", "cancellation")])]
        if let step, step.index != first.index { evidence.append(text.evidence(step, extra: [("part", "steps")])) }
        if let limit, limit.sentence.index != first.index {
            evidence.append(text.evidence(limit.sentence, extra: [("part", "time_limit")]))
        }
        if let limit, limit.days > maxDays {
            return Finding(
                .fail, value: value, evidence: evidence,
                reason: "cancellation takes up to \(limit.days) days, more than \(maxDays) working days")
        }
        if step != nil, limit != nil { return Finding(.pass, value: value, evidence: evidence) }
        let lacking = [step == nil ? "steps" : nil, limit == nil ? "a time limit" : nil].compactMap { $0 }
        return Finding(
            .partial, value: value, evidence: evidence, reason: "cancellation is named without \(lacking.joined(separator: " or "))",
            score: 0.5)
    }
}

/// Numbers as policies write them: 15, 十五, 三十, 七.
enum ChineseNumber {
    static let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    static func value(_ text: String) -> Int? {
        if let number = Int(text) { return number }
        guard !text.isEmpty else { return nil }
        var total = 0
        var current = 0
        for character in text {
            if let digit = digits[character] {
                current = digit
            } else if character == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else {
                return nil
            }
        }
        return total + current
    }
}
