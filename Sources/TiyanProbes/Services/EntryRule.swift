import TiyanCore

/// A rule that asks one question of the home page: does it offer this entry? Pass with the entry's
/// form, text and address; fail with the page's body as the place looked at (undetermined when
/// header or footer scripts that may write it were not read, or the page is a script shell).
/// Rules whose entry also belongs on other pages (好差评 on guide pages) name those roles.
protocol EntryRule: Rule {
    var search: EntrySearch { get }
    /// What the entry is, for reasons: "好差评 entry".
    static var what: String { get }
    /// Further page roles where the entry counts too.
    static var alsoOn: [PageRole] { get }
}

extension EntryRule {
    static var alsoOn: [PageRole] { [] }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.markPage()
        var found: [(role: String, entry: EntrySearch.Entry)] = []
        if let entry = search.find(on: home, site: site) { found.append((home.record.role.rawValue, entry)) }
        for role in Self.alsoOn {
            for record in site.records(role) {
                guard case let .usable(page) = FetchOutcome.judge(record, parse: site.parse),
                      let entry = search.find(on: page, site: site) else { continue }
                found.append((role.rawValue, entry))
            }
        }
        guard let first = found.first else {
            let finding = Finding(
                .fail, value: .object([("present", false)]),
                evidence: [home.absence("no \(Self.what)")],
                reason: "no \(Self.what): no link, button, image alt text or script-written entry")
            return site.negative(finding, on: home, what: Self.what)
        }
        var roles: [String] = []
        for item in found where !roles.contains(item.role) { roles.append(item.role) }
        let extra: [(String, JSONValue)] = Self.alsoOn.isEmpty ? [] : [("found_on", .array(roles.map(JSONValue.string)))]
        return Finding(.pass, value: EntrySearch.value(first.entry, extra: extra), confidence: first.entry.confidence,
                       evidence: found.prefix(5).map(\.entry.evidence))
    }
}

/// SV-01 好差评: the 政务服务评价 entry, on the home page or the guide pages where a service is handled.
struct EvaluationEntry: EntryRule {
    static let id = "SV-01"
    static let what = "好差评 entry"
    static let alsoOn: [PageRole] = [.guide]
    let search: EntrySearch
    init(settings: RuleSettings) throws { search = try EntrySearch(settings: settings, href: true, widget: true) }
}

/// SV-02 投诉建议 / 咨询: a way to complain, suggest or ask.
struct ComplaintEntry: EntryRule {
    static let id = "SV-02"
    static let what = "投诉建议 or 咨询 entry"
    let search: EntrySearch
    init(settings: RuleSettings) throws { search = try EntrySearch(settings: settings) }
}

/// SV-03 12345: the 12345 government service hotline, as a link or a stated number.
struct HotlineEntry: EntryRule {
    static let id = "SV-03"
    static let what = "12345 hotline link"
    let search: EntrySearch
    init(settings: RuleSettings) throws { search = try EntrySearch(settings: settings, href: true) }
}

/// SV-04 在线客服 / 智能客服: a chat with a person or a bot, often a floating icon or a widget script.
struct CustomerServiceEntry: EntryRule {
    static let id = "SV-04"
    static let what = "在线客服 or 智能客服 entry"
    let search: EntrySearch
    init(settings: RuleSettings) throws { search = try EntrySearch(settings: settings, widget: true) }
}

/// SV-05 留言板 / 领导信箱: a place to write to the government and be answered.
struct MessageBoardEntry: EntryRule {
    static let id = "SV-05"
    static let what = "留言板 or 领导信箱 entry"
    let search: EntrySearch
    init(settings: RuleSettings) throws { search = try EntrySearch(settings: settings) }
}

/// SV-07 电子证照 / 亮证: the citizen's electronic licences (电子证照, 扫码亮证).
struct LicenceEntry: EntryRule {
    static let id = "SV-07"
    static let what = "电子证照 or 亮证 entry"
    let search: EntrySearch
    init(settings: RuleSettings) throws { search = try EntrySearch(settings: settings) }
}
