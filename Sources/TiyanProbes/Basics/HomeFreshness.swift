import TiyanCore
import TiyanHTML

/// SB-12: the newest date on the home page is recent. Dates next to a publication label
/// (发布日期…) are trusted first; otherwise any full date on the page. Dates after the run's
/// Beijing date are ignored (countdowns, event dates), as are implausibly old ones.
struct HomeFreshness: Rule {
    static let id = "SB-12"
    let labelled: Pattern
    let loose: Pattern
    let maxAgeDays: Int
    let earliestYear: Int

    init(settings: RuleSettings) throws {
        let date = try settings.pattern("date").source
        let gap = try settings.pattern("label_gap").source
        labelled = try settings.keywordPattern("labels", suffix: gap + date)
        loose = try Pattern(date)
        maxAgeDays = try settings.integer("max_age_days")
        earliestYear = try settings.integer("earliest_year")
    }

    private struct Found {
        var date: CivilDate
        var match: String
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.page(.home)
        let today = CivilDate(beijingDateOf: site.now)
        var sources: [(HTMLDocument, Confidence, (HTMLElement?, String) -> Evidence)] = [
            (
                page.document, .high,
                { element, snippet in
                    element.map { page.evidence($0) } ?? page.evidence(locator: "/html/body", snippet: snippet)
                }
            )
        ]
        for fragment in site.scriptFragments(of: page) {
            sources.append((fragment.document, fragment.confidence, { fragment.evidence(snippet: $1, element: $0) }))
        }
        for (document, confidence, evidence) in sources {
            let text = document.visibleText
            for (pattern, kind) in [(labelled, "labelled"), (loose, "loose")] {
                guard let newest = newest(in: text, pattern: pattern, today: today) else { continue }
                let age = newest.date.days(until: today)
                let element = TextLocator.element(showing: newest.match, in: document)
                let value = JSONValue.object([("newest", .string(newest.date.description)), ("age_days", .int(age))])
                // A date without a publication label may be any date (a policy's, an event's).
                let sure: Confidence = kind == "labelled" ? confidence : min(confidence, .medium)
                return Finding(
                    age <= maxAgeDays ? .pass : .fail, value: value, confidence: sure,
                    evidence: [evidence(element, newest.match)])
            }
        }
        let reason =
            page.shellReason.map { "the home page is a script shell (\($0))" } ?? "no date found on the home page"
        throw PageUnavailable(
            .undetermined, reason: reason, evidence: [page.evidence(locator: "/html/body", snippet: "")])
    }

    private func newest(in text: String, pattern: Pattern, today: CivilDate) -> Found? {
        var best: Found?
        for groups in pattern.allMatches(in: text) {
            let numbers = groups.dropFirst().compactMap { $0 }.compactMap { Int($0) }
            guard numbers.count >= 3, let match = groups.first ?? nil else { continue }
            let parts = numbers.suffix(3).map { $0 }
            guard let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]),
                date.year >= earliestYear, date <= today
            else { continue }
            if best.map({ date > $0.date }) ?? true { best = Found(date: date, match: match) }
        }
        return best
    }

    private func min(_ a: Confidence, _ b: Confidence) -> Confidence {
        let order: [Confidence] = [.low, .medium, .high]
        return order[Swift.min(order.firstIndex(of: a) ?? 0, order.firstIndex(of: b) ?? 0)]
    }
}
