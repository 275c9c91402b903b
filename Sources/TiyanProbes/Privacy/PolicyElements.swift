import TiyanCore

/// The twelve element keys of PR-06 (SPEC.md "Values with a fixed shape"), in report order.
enum PolicyElement: String, CaseIterable {
    case controllerIdentity = "controller_identity"
    case contact
    case purposes
    case dataTypes = "data_types"
    case retention
    case userRights = "user_rights"
    case sharing
    case sensitive
    case minors
    case updateDate = "update_date"
    case complaint
    case security
}

/// Decides which elements a policy states, sentence by sentence: a sentence states an element
/// when it matches that element's statement patterns; under a heading about the element it
/// states it more surely. The weights keep the sentence that says it ahead of one that only
/// mentions the word (a summary, a cross-reference, a heading).
struct ElementReader {
    struct Cues {
        var statements: [Pattern]
        var heading: Pattern
    }

    struct Weights {
        var statement: Double
        var heading: Double
        var section: Double
        var summaryElements: Int
        var summaryPenalty: Double
        var reference: Pattern
        var referencePenalty: Double
        var headingPenalty: Double
        var headingOnly: Double
        var dominance: Double
    }

    struct Statement {
        var sentence: PolicyText.Sentence
        var score: Double
    }

    let cues: [(PolicyElement, Cues)]
    let weights: Weights

    init(settings: RuleSettings) throws {
        cues = try PolicyElement.allCases.map { element in
            (element, Cues(statements: try settings.patterns("\(element.rawValue)_statements"),
                           heading: try settings.pattern("\(element.rawValue)_heading")))
        }
        let summaryElements = try settings.integer("summary_elements")
        weights = Weights(
            statement: try settings.number("statement_weight"), heading: try settings.number("heading_weight"),
            section: try settings.number("section_weight"), summaryElements: summaryElements,
            summaryPenalty: try settings.number("summary_penalty"), reference: try settings.pattern("reference"),
            referencePenalty: try settings.number("reference_penalty"),
            headingPenalty: try settings.number("heading_penalty"), headingOnly: try settings.number("heading_only_weight"),
            dominance: try settings.number("dominance_weight"))
    }

    /// For each element the policy states, its statements best first.
    func read(_ text: PolicyText) -> [PolicyElement: [Statement]] {
        var found: [PolicyElement: [Statement]] = [:]
        // Every sentence of a section asks about the same headings.
        var about: [String: [PolicyElement]] = [:]
        func elements(of heading: String) -> [PolicyElement] {
            if let known = about[heading] { return known }
            let matched = cues.filter { $0.1.heading.matches(heading) }.map(\.0)
            about[heading] = matched
            return matched
        }
        func headingBonus(_ element: PolicyElement, _ sentence: PolicyText.Sentence) -> Double {
            Self.bonus(element, sentence, sectionWeight: weights.section, about: elements(of:))
        }
        for sentence in text.sentences {
            let hits = cues.map { element, cue in
                (element, min(2, cue.statements.reduce(0) { $0 + ($1.matches(sentence.text) ? 1 : 0) }))
            }
            let named = hits.filter { $0.1 > 0 }.count
            let isReference = weights.reference.matches(sentence.text)
            var scores: [(PolicyElement, Double)] = []
            for (element, count) in hits {
                guard count > 0 else {
                    // Under a heading about one element alone, a sentence without its cue words
                    // is still about it ("三、我们如何共享" … "向主管部门提供您的申请材料"), weakly.
                    let bonus = sentence.isHeading ? 0 : headingBonus(element, sentence)
                    if bonus >= weights.section { scores.append((element, weights.heading * bonus * weights.headingOnly)) }
                    continue
                }
                var score = weights.statement * Double(count) + weights.heading * headingBonus(element, sentence)
                if named >= weights.summaryElements { score *= weights.summaryPenalty }
                if isReference { score *= weights.referencePenalty }
                if sentence.isHeading { score *= weights.headingPenalty }
                scores.append((element, score))
            }
            // The best evidence for an element is a sentence mostly about it: what the sentence
            // says more strongly about another element counts against it.
            for (element, score) in scores {
                let other = scores.lazy.filter { $0.0 != element }.map(\.1).max() ?? 0
                found[element, default: []].append(Statement(sentence: sentence, score: score - weights.dominance * other))
            }
        }
        for element in found.keys {
            found[element]?.sort { $0.score != $1.score ? $0.score > $1.score : $0.sentence.index < $1.sentence.index }
        }
        return found
    }

    /// The nearest heading decides: if it is about this element (shared with k others: 1/k),
    /// the bonus; if it is about other elements only, none. A section heading counts less.
    private static func bonus(
        _ element: PolicyElement, _ sentence: PolicyText.Sentence, sectionWeight: Double,
        about: (String) -> [PolicyElement]
    ) -> Double {
        for (heading, weight) in [(sentence.subsection, 1.0), (sentence.section, sectionWeight)] where !heading.isEmpty {
            let elements = about(heading)
            if elements.contains(element) { return weight / Double(elements.count) }
            if !elements.isEmpty { return 0 }
        }
        return 0
    }
}
