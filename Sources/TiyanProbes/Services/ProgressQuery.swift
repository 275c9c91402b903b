import TiyanCore
import TiyanHTML

/// SV-06 办件进度查询: the home page offers a way to follow an application, and the page it leads to
/// (role `progress`, followed by the crawl) can be used without logging in: a query field for the
/// 办件编号 / 申请号 and no password. A page that is the login itself, sends to the identity host or
/// asks to log in first is partial: the citizen can follow the case, but only with an account.
struct ProgressQuery: Rule {
    static let id = "SV-06"
    let search: EntrySearch
    let queryField: Pattern
    let loginPrompt: Pattern
    let loginAddress: Pattern
    let loginScore: Double

    init(settings: RuleSettings) throws {
        search = try EntrySearch(settings: settings)
        queryField = try settings.pattern("query_field")
        loginPrompt = try settings.pattern("login_prompt")
        loginAddress = try settings.pattern("login_address")
        loginScore = try settings.number("login_required_score")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.markPage()
        let entry = search.find(on: home, site: site)
        let records = site.records(.progress)
        guard entry != nil || !records.isEmpty else {
            let finding = Finding(.fail, value: .object([("present", false)]),
                                  evidence: [home.absence("no 办件进度查询 entry")],
                                  reason: "no 办件进度查询 entry on the home page")
            return site.negative(finding, on: home, what: "办件进度查询 entry")
        }
        let entryEvidence = entry.map { [$0.evidence] } ?? []
        let page: SitePage
        do {
            page = try site.page(.progress)
        } catch let unavailable as PageUnavailable {
            let reason = records.isEmpty
                ? "the 办件进度查询 entry was not followed by the crawl: whether it needs a login cannot be told"
                : "the 办件进度查询 page could not be judged: \(unavailable.reason)"
            return Finding(records.isEmpty ? .undetermined : unavailable.status,
                           value: value(entry, page: nil, login: nil), evidence: entryEvidence + unavailable.evidence,
                           reason: reason)
        }
        if let login = loginEvidence(page) {
            return Finding(.partial, value: value(entry, page: page, login: true), evidence: entryEvidence + [login],
                           reason: "the 办件进度查询 page asks the citizen to log in first", score: loginScore)
        }
        if let field = queryFieldEvidence(page) {
            return Finding(.pass, value: value(entry, page: page, login: false), evidence: entryEvidence + [field])
        }
        let finding = Finding(.undetermined, value: value(entry, page: page, login: nil),
                              evidence: entryEvidence + [page.absence("no query field and no login prompt")],
                              reason: "the 办件进度查询 page shows neither a query field nor a login prompt")
        return page.negative(finding)
    }

    /// The page is the login (a password field), was sent to the identity host, or says 请先登录.
    private func loginEvidence(_ page: SitePage) -> Evidence? {
        if let password = (try? page.document.select("//input[translate(@type,'PASWORD','pasword')='password']"))?.first {
            return page.evidence(password, extra: [("login_required", "password field")])
        }
        if loginAddress.matches(page.url) || page.record.redirects.contains(where: loginAddress.matches) {
            return page.evidence(locator: "fetch", snippet: page.url, extra: [("login_required", "sent to the login")])
        }
        let text = page.document.visibleText
        if let prompt = loginPrompt.firstMatch(in: text) {
            let element = TextLocator.element(showing: prompt, pattern: loginPrompt, in: page.document)
            return element.map { page.evidence($0, extra: [("login_required", "prompt")]) }
                ?? page.evidence(locator: "/html/body", snippet: prompt, extra: [("login_required", "prompt")])
        }
        return nil
    }

    /// A text field a citizen types the case number into: by its name, id, placeholder or label.
    private func queryFieldEvidence(_ page: SitePage) -> Evidence? {
        let fields = (try? page.document.select(
            "//input[not(@type) or @type='text' or @type='search' or @type='number' or @type='tel']")) ?? []
        let labels = (try? page.document.select("//label")) ?? []
        for field in fields {
            let names = ["name", "id", "placeholder", "title", "aria-label"].compactMap { field.attribute($0) }
            let label = field.attribute("id").flatMap { id in labels.first { $0.attribute("for") == id }?.text }
            if (names + [label ?? ""]).contains(where: { !$0.isEmpty && queryField.matches($0) }) {
                return page.evidence(field, extra: [("login_required", false)])
            }
        }
        return nil
    }

    private func value(_ entry: EntrySearch.Entry?, page: SitePage?, login: Bool?) -> JSONValue {
        .object([
            ("present", true), ("form", entry.map { .string($0.form) } ?? .null),
            ("entry", entry?.url.map(JSONValue.string) ?? .null),
            ("page", page.map { .string($0.url) } ?? .null),
            ("login_required", login.map(JSONValue.bool) ?? .null),
        ])
    }
}
