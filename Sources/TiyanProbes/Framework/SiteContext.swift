import Foundation
import TiyanCore
import TiyanHTML

/// The archived site as rules see it: each page parsed once per evaluation, and one answer to
/// "the page of role X, or why there is none". Not Sendable (it owns parsed documents), so the
/// runner makes one per evaluation.
final class SiteContext {
    let site: ArchivedSite
    private var parsed: [Int: SitePage] = [:]

    /// Addresses of the pages parsed so far whose parser stopped before the end of the input.
    private(set) var truncatedPages: Set<String> = []

    init(site: ArchivedSite) { self.site = site }

    /// Values several rules derive from the same records (the judged search queries of M5),
    /// computed once per evaluation. A throw is not kept: each rule sees it again.
    private var derived: [String: Any] = [:]

    func derived<Value>(_ key: String, _ make: () throws -> Value) rethrows -> Value {
        if let value = derived[key] as? Value { return value }
        let value = try make()
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
        let document = HTMLDocument(data: record.body, contentType: record.contentType, url: record.finalURL)
        if !document.isParsedToEnd { truncatedPages.formUnion([record.url, record.finalURL]) }
        let nature = PageNature.classify(
            status: record.status, headers: record.headers, body: record.body, document: document)
        return SitePage(record: record, document: document, nature: nature)
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

    /// The page if it can be had, nil otherwise (for rules to which a page is optional).
    func optionalPage(_ role: PageRole) -> SitePage? { try? page(role) }

    /// Markup written by the page's inline scripts and by the same-site scripts it loads.
    func scriptFragments(of page: SitePage) -> [ScriptFragment] {
        if let fragments = page.scriptFragments { return fragments }
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
            let text = CharsetDecoder.decode(record.body, contentType: record.contentType).text
            let unverified = record.fetchedWithoutVerification || record.tlsVerified == false
            if let fragment = fragment(
                of: text, url: record.finalURL, locator: "script", confidence: .low,
                unverifiedTLS: unverified)
            {
                fragments.append(fragment)
            }
        }
        page.scriptFragments = fragments
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
}
