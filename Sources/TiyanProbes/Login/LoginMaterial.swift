import TiyanCore
import TiyanHTML

/// The pages a login rule reads — the login page(s), the identity host's page and optionally the
/// registration page — with the markup their scripts write and the text of the bundles they load.
/// Gathered facts only; the rules judge.
final class LoginMaterial {
    /// A script file a page loads: SPA login pages keep their tabs and labels in here.
    struct Bundle {
        var url: String
        var text: String
        var unverifiedTLS: Bool
    }

    struct Source {
        var page: SitePage
        var fragments: [ScriptFragment]
        var bundles: [Bundle]
        /// The body's text content, hidden panes included: a login page shows one tab's pane at a
        /// time (`display:none` on the others), and every pane is a method the user can pick.
        var text: String
    }

    let sources: [Source]

    private init(sources: [Source]) { self.sources = sources }

    /// Every usable page of the roles (login first). Throws the status SPEC.md gives for the
    /// first role when none of its pages can be had (blocked, unreachable, undetermined).
    /// `staff` (a method read with `citizenOnly`) names logins that are not the citizen's: a home
    /// page whose only login box is one (办公系统登录) has no citizen login box.
    static func gather(_ site: SiteContext, roles: [PageRole] = [.login], staff: LoginMethod? = nil) throws
        -> LoginMaterial
    {
        var sources: [Source] = []
        var firstFailure: PageUnavailable?
        for role in roles {
            var usable: [SitePage] = []
            for record in site.records(role) {
                if case let .usable(page) = FetchOutcome.judge(record, parse: site.parse) { usable.append(page) }
            }
            if usable.isEmpty, firstFailure == nil, role == roles.first, !site.records(role).isEmpty {
                do { _ = try site.page(role) } catch let failure as PageUnavailable { firstFailure = failure }
            }
            for page in usable where !sources.contains(where: { $0.page.url == page.url }) {
                sources.append(source(page, site))
            }
        }
        if sources.isEmpty {
            if let firstFailure { throw firstFailure }
            // No login page because the home page could not be read (blocked, unreachable) or
            // offered no login link: either way nothing about the login can be said.
            let home = try site.page(.home)
            // A login box on the home page itself (a password field) is the login page.
            let forms = (try? home.document.select(homeLoginForm)) ?? []
            if roles.contains(.login), forms.contains(where: { staff?.acceptsAsLogin($0, in: home.document) ?? true }) {
                return LoginMaterial(sources: [source(home, site)])
            }
            throw PageUnavailable(.undetermined, reason: "no login page was found from the home page",
                                  evidence: [home.evidence(locator: "/html/body", snippet: home.document.title ?? "",
                                                           extra: [("absent", "login page")])])
        }
        return LoginMaterial(sources: sources)
    }

    static let homeLoginForm = "//form[.//input[translate(@type,'PASWORD','pasword')='password']]"

    private static func source(_ page: SitePage, _ site: SiteContext) -> Source {
        let body = (try? page.document.select("/html/body"))?.first
        return Source(page: page, fragments: site.scriptFragments(of: page), bundles: bundles(of: page, site),
                      text: body?.text ?? page.document.visibleText)
    }

    /// Scripts the page loads (by `src`) or that the crawl fetched from it.
    private static func bundles(of page: SitePage, _ site: SiteContext) -> [Bundle] {
        let sources = Set(page.document.scripts.compactMap(\.url))
        let pageURLs: Set<String> = [page.record.url, page.record.finalURL]
        return site.records(.script).compactMap { record in
            guard record.hasBody, record.error == nil else { return nil }
            let loaded = sources.contains(record.url) || sources.contains(record.finalURL)
                || record.discoveredFrom.map(pageURLs.contains) == true
            guard loaded else { return nil }
            let text = site.text(of: record)
            return Bundle(url: record.finalURL, text: ScriptText.unescaped(text),
                          unverifiedTLS: record.fetchedWithoutVerification || record.tlsVerified == false)
        }
    }

    /// Every page is a script shell: its DOM shows nothing, so an absence proves nothing.
    var allShells: Bool { sources.allSatisfy { $0.page.shellReason != nil } }

    var shellReason: String? { sources.compactMap(\.page.shellReason).first }

    /// Evidence for an absence: the body of the page with the most text (the identity host's
    /// login form rather than a portal page that only forwards to it), naming every page searched.
    func absenceEvidence(_ what: String) -> Evidence {
        let page = sources.max { $0.text.count < $1.text.count }?.page ?? sources[0].page
        let body = (try? page.document.select("/html/body"))?.first
        let searched: JSONValue = .array(sources.map { .string($0.page.url) })
        if let body { return page.evidence(body, extra: [("absent", .string(what)), ("searched", searched)]) }
        return page.evidence(locator: "/html", snippet: "", extra: [("absent", .string(what)), ("searched", searched)])
    }

    /// A negative finding: `fail` with evidence when a DOM was seen, `undetermined` when every
    /// page is a script shell whose bundles did not say either.
    func negative(_ what: String, value: JSONValue = false) -> Finding {
        if allShells {
            return Finding(.undetermined, value: .null, evidence: [absenceEvidence(what)],
                           reason: "the login page is a script shell (\(shellReason ?? "no content")) and its bundles do not name \(what)")
        }
        return Finding(.fail, value: value, evidence: [absenceEvidence(what)], reason: "no \(what) on the login pages")
    }
}
