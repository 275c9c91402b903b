import TiyanCore
import TiyanHTML

/// SV-14 留言回复时长: on the list of answered messages the portal publishes (role `messages`), the
/// median days from 留言 to 回复 over the listed items. An item is the innermost row or list entry
/// holding a labelled pair of dates (留言时间 / 回复时间), else exactly two dates (asked, answered).
/// At most `pass_days` passes; up to `fail_days` (the checklist's three months without a reply)
/// is partial; beyond it fails. Fewer than `min_items` dated items cannot tell.
struct ReplyTime: Rule {
    static let id = "SV-14"
    let items: String
    let date: Pattern
    let askedLabel: Pattern
    let repliedLabel: Pattern
    let passDays: Double
    let failDays: Double
    let minimumItems: Int
    let slowScore: Double

    init(settings: RuleSettings) throws {
        items = try settings.xpath("message_items")
        date = try settings.pattern("date")
        askedLabel = try settings.pattern("asked_label")
        repliedLabel = try settings.pattern("replied_label")
        passDays = try settings.number("pass_days")
        failDays = try settings.number("fail_days")
        minimumItems = try settings.integer("min_items")
        slowScore = try settings.number("slow_score")
    }

    struct Item {
        var asked: CivilDate
        var replied: CivilDate
        var element: HTMLElement
        var days: Int { asked.days(until: replied) }
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        guard !site.records(.messages).isEmpty else {
            // The home page is where the crawl looked for the list (probes/discovery.yaml `messages`).
            let home = site.optionalPage(.home).map { [$0.absence("no link to a list of answered messages")] }
            return Finding(.notApplicable, evidence: home ?? [],
                           reason: "the portal publishes no list of answered messages that the crawl found")
        }
        let page = try site.page(.messages)
        let elements = (try? page.document.select(items)) ?? []
        let paths = elements.map(\.xpath)
        var dated: [Item] = []
        for element in elements where !paths.contains(where: { $0.hasPrefix(element.xpath + "/") }) {
            if let item = read(element) { dated.append(item) }
        }
        guard dated.count >= minimumItems else {
            let finding = Finding(.undetermined, value: .object([("items", .int(dated.count))]),
                                  evidence: [page.absence("fewer than \(minimumItems) items with both dates")],
                                  reason: "the message list shows \(dated.count) items with a 留言 and a 回复 date")
            return page.negative(finding)
        }
        let days = dated.map(\.days).sorted()
        let middle = days.count / 2
        let median = days.count % 2 == 1 ? Double(days[middle]) : Double(days[middle - 1] + days[middle]) / 2
        let evidence = dated.prefix(10).map { item in
            page.evidence(locator: item.element.xpath, snippet: "留言 \(item.asked) → 回复 \(item.replied) (\(item.days) 天)",
                          extra: [("asked", .string(item.asked.description)),
                                  ("replied", .string(item.replied.description)), ("days", .int(item.days))])
        }
        let value = JSONValue.object([("median_days", .number(median)), ("items", .int(dated.count)),
                                      ("max_days", .int(days.last ?? 0))])
        if median <= passDays { return Finding(.pass, value: value, evidence: evidence) }
        let reason = "a reply takes \(JSONValue.format(median)) days (median over \(dated.count) items)"
        if median <= failDays { return Finding(.partial, value: value, evidence: evidence, reason: reason, score: slowScore) }
        return Finding(.fail, value: value, evidence: evidence, reason: reason)
    }

    /// The two dates of one item: after their labels when it has them, else its only two dates.
    private func read(_ element: HTMLElement) -> Item? {
        let text = element.text
        let all = date.allMatches(in: text)
        guard all.count >= 2 else { return nil }
        func civil(_ groups: [String?]) -> CivilDate? {
            guard groups.count >= 4, let y = groups[1].flatMap({ Int($0) }), let m = groups[2].flatMap({ Int($0) }),
                  let d = groups[3].flatMap({ Int($0) }) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
        func after(_ label: Pattern) -> CivilDate? {
            guard let found = label.firstMatch(in: text), let range = text.range(of: found) else { return nil }
            return date.allMatches(in: String(text[range.upperBound...])).first.flatMap(civil)
        }
        if let asked = after(askedLabel), let replied = after(repliedLabel), asked <= replied {
            return Item(asked: asked, replied: replied, element: element)
        }
        guard all.count == 2, let first = civil(all[0]), let second = civil(all[1]) else { return nil }
        let (asked, replied) = first <= second ? (first, second) : (second, first)
        return Item(asked: asked, replied: replied, element: element)
    }
}
