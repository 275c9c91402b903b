import Foundation
import TiyanConfig
import TiyanCore
import TiyanHTML

/// The archived site as rules see it: each page parsed once per evaluation, and one answer to
/// "the page of role X, or why there is none". Not Sendable (it owns parsed documents), so the
/// runner makes one per evaluation.
final class SiteContext {
    let site: ArchivedSite
    let scriptBudget: DiscoveryRules.ScriptBudget
    private var parsed: [Int: SitePage] = [:]

    /// Addresses of the pages parsed so far whose parser stopped before the end of the input.
    private(set) var truncatedPages: Set<String> = []

    /// Set under `--profile`: the artifacts computed here are measured.
    let recorder: ProfileRecorder?

    /// Documents already parsed from these records' bodies (by sequence), adopted instead of
    /// parsing them again.
    private var documents: [Int: HTMLDocument]

    /// probes/page-nature.yaml; without it every page is a document (no challenge, no shell).
    let pageNature: PageNatureMarkers?

    init(site: ArchivedSite, scriptBudget: DiscoveryRules.ScriptBudget = .init(), recorder: ProfileRecorder? = nil,
         documents: [Int: HTMLDocument] = [:], pageNature: PageNatureMarkers? = nil) {
        self.site = site
        self.pageNature = pageNature
        self.scriptBudget = scriptBudget
        self.recorder = recorder
        self.documents = documents
    }

    /// Work several rules share, charged to `artifact` under `--profile`.
    func measure<Value>(_ artifact: String, _ work: () throws -> Value) rethrows -> Value {
        guard let recorder else { return try work() }
        return try recorder.measure("artifact " + artifact, work)
    }

    /// Records of `tiyan check` all have sequence 0, so the sequence alone is not a key.
    private struct RecordKey: Hashable {
        var sequence: Int
        var role: PageRole
        var url: String
        var bytes: Int
        init(_ record: FetchRecord) {
            sequence = record.sequence
            role = record.role
            url = record.finalURL
            bytes = record.body.count
        }
    }

    private var decodedTexts: [RecordKey: String] = [:]

    /// A body as text under the charset policy of pages (header, BOM, meta, sniffing), decoded
    /// once per evaluation however many rules read it.
    func text(of record: FetchRecord) -> String {
        let key = RecordKey(record)
        if let text = decodedTexts[key] { return text }
        let text = measure("decode") { CharsetDecoder.decode(record.body, contentType: record.contentType).text }
        decodedTexts[key] = text
        return text
    }

    /// Values several rules derive from the same records (the judged search queries of M5),
    /// computed once per evaluation. A throw is not kept: each rule sees it again.
    private var derived: [String: Any] = [:]

    func derived<Value>(_ key: String, _ make: () throws -> Value) rethrows -> Value {
        if let value = derived[key] as? Value { return value }
        let value = try measure(key, make)
        derived[key] = value
        return value
    }

    /// "Today" for date rules: the run's start, never the clock.
    var now: Date { site.runStart }

    func records(_ role: PageRole) -> [FetchRecord] { site.resources(role) }

    /// Why nothing of the site could be looked at: every page fetch failed (a dead portal gets
    /// only its home page tried). Nil when at least one page was usable.
    private(set) lazy var deadSite: (status: Status, reason: String, evidence: Evidence)? = {
        var failure: (status: Status, reason: String, evidence: Evidence)?
        for record in site.resources where record.role.isPage {
            switch FetchOutcome.judge(record, parse: parse) {
            case .usable: return nil
            case let .failed(status, reason, evidence):
                if failure == nil || record.role == .home { failure = (status, reason, evidence) }
            }
        }
        return failure
    }()

    /// The parsed page of a record (parsed on first use).
    func parse(_ record: FetchRecord) -> SitePage {
        let key = record.sequence
        if let page = parsed[key], page.record == record { return page }
        let page = parseOnce(record)
        parsed[key] = page
        return page
    }

    /// A page read once and let go: a site's hundred search-result pages would otherwise keep
    /// their libxml2 trees alive for the whole evaluation (gigabytes across a crawl).
    func parseOnce(_ record: FetchRecord) -> SitePage {
        if let page = parsed[record.sequence], page.record == record { return page }
        let adopted = documents.removeValue(forKey: record.sequence)
        if let view = site.render(of: record), view.hasDOM, record.role.isPage { return parseRendered(record, view) }
        return measure("parse") {
            let document = adopted
                ?? HTMLDocument(data: record.body, contentType: record.contentType, url: record.finalURL)
            if !document.isParsedToEnd { truncatedPages.formUnion([record.url, record.finalURL]) }
            let nature = pageNature.map {
                PageNature.classify(
                    status: record.status, headers: record.headers, body: record.body, document: document, markers: $0)
            } ?? .document
            return SitePage(record: record, document: document, nature: nature)
        }
    }

    /// The page as the browser built it. Its nature is read from the rendered DOM under the
    /// served status and headers: a shell that scripts filled is a document, a challenge that a
    /// script did not get past is still a challenge.
    private func parseRendered(_ record: FetchRecord, _ view: RenderedView) -> SitePage {
        measure("parse rendered") {
            let contentType = "text/html; charset=utf-8"
            let document = HTMLDocument(data: view.dom, contentType: contentType, url: URLResolver.withoutFragment(view.url))
            if !document.isParsedToEnd { truncatedPages.formUnion([record.url, record.finalURL]) }
            var nature = pageNature.map {
                PageNature.classify(
                    status: record.status, headers: record.headers.filter { $0.name.lowercased() != "content-type" }
                        + [HTTPHeader(name: "Content-Type", value: contentType)],
                    body: view.dom, document: document, markers: $0)
            } ?? .document
            if case .scriptShell = nature { nature = Self.renderedNature(of: view) }
            return SitePage(record: record, document: document, nature: nature, view: view)
        }
    }

    /// A rendered page that still looks like a mount point is what the citizen sees, unless
    /// the browser did not get to run what builds it: a script or data request that tiyan
    /// refused or could not serve, or the time cap. Then it stays a shell (undetermined, not fail).
    private static func renderedNature(of view: RenderedView) -> PageNature {
        let builders: Set<String> = ["Script", "XHR", "Fetch", "Document"]
        if let missed = view.requests.first(where: { $0.error != nil && builders.contains($0.resourceType) }) {
            return .scriptShell(reason: "rendered, but \(missed.url) was not served (\(missed.error ?? "error"))")
        }
        if view.waitOutcome == .timeCap {
            return .scriptShell(reason: "rendered, but the page had not loaded when the time cap passed")
        }
        return .document
    }

    /// The first usable fetch of the role (a verified one before one fetched without certificate
    /// verification). Throws `PageUnavailable` with the status SPEC.md gives: `blocked` for a
    /// challenge, `undetermined` for robots.txt, `unreachable` for any other failure, and
    /// `ifAbsent` when the crawl has no such page.
    func page(_ role: PageRole, ifAbsent: Status = .undetermined) throws -> SitePage {
        let candidates = records(role)
        guard !candidates.isEmpty else {
            throw PageUnavailable(ifAbsent, reason: "no \(role.rawValue) page was fetched")
        }
        var usable: [SitePage] = []
        var lastFailure: (status: Status, reason: String, evidence: Evidence)?
        for record in candidates {
            switch FetchOutcome.judge(record, parse: parse) {
            case let .usable(page): usable.append(page)
            case let .failed(status, reason, evidence): lastFailure = (status, reason, evidence)
            }
        }
        if let page = usable.first(where: { !$0.unverifiedTLS }) ?? usable.first { return page }
        guard let failure = lastFailure else {
            throw PageUnavailable(ifAbsent, reason: "no \(role.rawValue) page was fetched")
        }
        throw PageUnavailable(failure.status, reason: failure.reason, evidence: [failure.evidence])
    }

    /// The page whose marks and entries (footer codes, 长辈版, toolbar, search box) are judged:
    /// the home page; on a site that has none but one page of another role — `tiyan check
    /// --role login FILE` — that page itself, since a crawl always fetches the home page first.
    func markPage() throws -> SitePage {
        guard records(.home).isEmpty,
              let role = PageRole.allCases.first(where: { $0.isPage && $0 != .home && !records($0).isEmpty })
        else { return try page(.home) }
        return try page(role)
    }

    /// The page if it can be had, nil otherwise (for rules to which a page is optional).
    func optionalPage(_ role: PageRole) -> SitePage? { try? page(role) }

    /// Markup written by the page's inline scripts and by the same-site scripts it loads.
    func scriptFragments(of page: SitePage) -> [ScriptFragment] {
        if let fragments = page.scriptFragments { return fragments }
        let fragments = measure("script fragments") { writtenMarkup(of: page) }
        page.scriptFragments = fragments
        return fragments
    }

    private func writtenMarkup(of page: SitePage) -> [ScriptFragment] {
        var fragments: [ScriptFragment] = []
        for script in page.document.scripts where script.url == nil && !script.inlineText.isEmpty {
            if let fragment = fragment(
                of: script.inlineText, url: page.url, locator: script.element.xpath,
                confidence: .medium, unverifiedTLS: page.unverifiedTLS)
            {
                fragments.append(fragment)
            }
        }
        let sources = Set(page.document.scripts.compactMap(\.url))
        let pageURLs: Set<String> = [page.record.url, page.record.finalURL]
        for record in records(.script) where record.hasBody && record.error == nil {
            let loaded =
                sources.contains(record.url) || sources.contains(record.finalURL)
                || record.discoveredFrom.map(pageURLs.contains) == true
            guard loaded else { continue }
            let text = text(of: record)
            let unverified = record.fetchedWithoutVerification || record.tlsVerified == false
            if let fragment = fragment(
                of: text, url: record.finalURL, locator: "script", confidence: .low,
                unverifiedTLS: unverified)
            {
                fragments.append(fragment)
            }
        }
        return fragments
    }

    private func fragment(
        of script: String, url: String, locator: String, confidence: Confidence,
        unverifiedTLS: Bool
    ) -> ScriptFragment? {
        let markup = ScriptMarkup.fragments(in: script)
        guard !markup.isEmpty else { return nil }
        let document = HTMLDocument(html: "<html><body>" + markup.joined(separator: "\n") + "</body></html>", url: url)
        return ScriptFragment(
            document: document, url: url, locator: locator, confidence: confidence,
            unverifiedTLS: unverifiedTLS)
    }

    // MARK: - Scripts that were not read

    /// The page's own scripts (same site, or local files beside a local page) whose text the
    /// archive does not hold, with why: `library` (never fetched), a fetch error class, or
    /// `not_fetched` (past the budget, or `tiyan check` on a file).
    func unreadScripts(of page: SitePage) -> [(url: String, why: String)] {
        let pageSite = URLResolver.site(of: page.url)
        let local = page.url.hasPrefix("file:")
        var seen = Set<String>()
        var unread: [(url: String, why: String)] = []
        for script in page.document.scripts {
            guard let url = script.url, seen.insert(url).inserted else { continue }
            let own = local ? url.hasPrefix("file:") : pageSite != nil && URLResolver.site(of: url) == pageSite
            guard own else { continue }
            let record = records(.script).first { $0.url == url || $0.finalURL == url }
            if let record, record.hasBody, record.error == nil { continue }
            let why = record?.error?.rawValue ?? (scriptBudget.isLibrary(url) ? "library" : "not_fetched")
            unread.append((url, why))
        }
        return unread
    }

    /// A negative answer from a page whose marks and entries may be written by its scripts (the
    /// header and footer of many portals): as `SitePage.negative`, and when scripts of the page
    /// were not read the evidence names them; when one of them is a header/footer script
    /// (discovery.yaml `script_budget.page_parts`) the answer is `undetermined`, never `fail`.
    func negative(_ finding: Finding, on page: SitePage, what: String) -> Finding {
        var finding = page.negative(finding)
        guard finding.status == .fail || finding.status == .partial else { return finding }
        let unread = unreadScripts(of: page)
        guard !unread.isEmpty else { return finding }
        let listed = JSONValue.array(unread.map { .object([("url", .string($0.url)), ("why", .string($0.why))]) })
        if finding.evidence.isEmpty {
            finding.evidence = [page.evidence(locator: "//script", snippet: "", extra: [("scripts_not_read", listed)])]
        } else {
            finding.evidence[0].extra.append(("scripts_not_read", listed))
        }
        let scripts = unread.filter { $0.why != "library" }
        let parts = scripts.filter { scriptBudget.isPagePart($0.url) }
        let empty = scriptBudget.placeholders.flatMap { try? page.document.select($0) }?.first
        func names(_ list: [(url: String, why: String)]) -> String {
            list.map { "\(DiscoveryRules.ScriptBudget.fileName(of: $0.url)): \($0.why)" }.joined(separator: ", ")
        }
        if !parts.isEmpty {
            finding.reason =
                "no \(what) in the page, but its header/footer scripts were not read (\(names(parts))): they may write it"
        } else if let empty, !scripts.isEmpty {
            finding.reason = "no \(what) in the page, whose \(empty.xpath) is empty for a script to fill, "
                + "and its scripts were not read (\(names(scripts)))"
        } else {
            return finding
        }
        finding.status = .undetermined
        finding.score = nil
        return finding
    }
}
