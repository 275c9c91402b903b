import TiyanCore

/// Kind `service_entry` (SV-01 好差评, SV-02 投诉建议, SV-03 12345, SV-04 在线客服, SV-05 留言板,
/// SV-07 电子证照, any further channel): does the home page offer this entry? Pass with the
/// entry's form, text and address; fail with the page's body as the place looked at
/// (undetermined when header or footer scripts that may write it were not read, or the page is
/// a script shell). An entry that also belongs on other pages (好差评 on guide pages) names
/// those roles.
struct ServiceEntry: DecodedRuleKind {
    static let kind = "service_entry"

    struct Settings: Decodable {
        /// The entry's text on a link, a button or an image's alt.
        let entryText: Pattern
        /// An address that is the entry whatever its text (a 12345 or hcp link).
        let entryHref: Pattern?
        /// A widget loader whose address or text names the entry (a chat or 好差评 SDK).
        let widgetScript: Pattern?
        /// What looks like the entry but is not (a menu of news titles).
        let entryExclude: Pattern
        /// Longer texts are sentences that mention the entry, not the entry.
        let maxEntryLength: Int
        /// What the entry is, for reasons: "好差评 entry".
        let what: String
        /// Further page roles where the entry counts too.
        let alsoOn: [PageRole]?
    }

    let search: EntrySearch
    let what: String
    let alsoOn: [PageRole]

    init(settings: Settings) {
        search = EntrySearch(
            text: settings.entryText, href: settings.entryHref, widget: settings.widgetScript,
            exclude: settings.entryExclude, maxTextLength: settings.maxEntryLength)
        what = settings.what
        alsoOn = settings.alsoOn ?? []
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.markPage()
        var found: [(role: String, entry: EntrySearch.Entry)] = []
        if let entry = search.find(on: home, site: site) { found.append((home.record.role.rawValue, entry)) }
        for role in alsoOn {
            for record in site.records(role) {
                guard case let .usable(page) = FetchOutcome.judge(record, parse: site.parse),
                      let entry = search.find(on: page, site: site) else { continue }
                found.append((role.rawValue, entry))
            }
        }
        guard let first = found.first else {
            let finding = Finding(
                .fail, value: .object([("present", false)]),
                evidence: [home.absence("no \(what)")],
                reason: "no \(what): no link, button, image alt text or script-written entry")
            return site.negative(finding, on: home, what: what)
        }
        var roles: [String] = []
        for item in found where !roles.contains(item.role) { roles.append(item.role) }
        let extra: [(String, JSONValue)] = alsoOn.isEmpty ? [] : [("found_on", .array(roles.map(JSONValue.string)))]
        return Finding(.pass, value: EntrySearch.value(first.entry, extra: extra), confidence: first.entry.confidence,
                       evidence: found.prefix(5).map(\.entry.evidence))
    }
}
