import TiyanCore
import TiyanFetch
import TiyanArchive
import TiyanConfig
import TiyanHTML
import TiyanCSS
import Foundation

/// The crawl of one target. Confined to one task: batches fan out to the fetcher and come back
/// in plan order, so sequence numbers never depend on timing.
final class TargetSession {
    let target: Target
    let crawler: Crawler
    private(set) var records: [FetchRecord] = []
    private var budget: Int
    private var robots: [String: RobotsPolicy] = [:]
    private(set) var fetchedURLs: Set<String> = []
    private var rules: DiscoveryRules { crawler.settings.rules }

    init(target: Target, crawler: Crawler) {
        self.target = target
        self.crawler = crawler
        budget = crawler.settings.maxPagesOverride ?? target.maxPages
    }

    var discoveryRules: DiscoveryRules { rules }

    var pageAgent: UserAgent {
        UserAgent(profile: crawler.settings.userAgentOverride ?? target.userAgent)
    }

    func run() async throws {
        let home = try await fetchHome()
        let homeDocument = home.flatMap(document(for:))

        var basics: [PlannedFetch] = [
            PlannedFetch(url: target.url, role: .homeMobile, userAgent: .mobile),
        ]
        if let plain = plainHTTPURL(target.url) {
            basics.append(PlannedFetch(url: plain, role: .httpProbe, userAgent: .tiyan, followRedirects: false))
        }
        try await fetch(basics)
        try await probeIPv6()

        // Resources the home page loads: header scripts often write the links discovery needs.
        var scriptBodies: [(url: String, text: String)] = []
        if let homeDocument {
            let loaded = try await fetch(loadedResources(of: homeDocument))
            try await fetchImports(of: loaded)
            scriptBodies = loaded.filter { $0.role == .script && $0.error == nil }.map {
                ($0.finalURL, CharsetDecoder.decode($0.body, contentType: $0.contentType).text)
            }
        }

        var candidates: [LinkCandidate] = []
        if let homeDocument { candidates += Discovery.candidates(in: homeDocument, scriptBodies: scriptBodies) }
        if let mobile = records.first(where: { $0.role == .homeMobile }), let doc = document(for: mobile) {
            candidates += Discovery.candidates(in: doc)
        }
        try await fetchRoles(from: candidates)
        try await fetchLoginScripts()
        try await searchPortal(home: homeDocument, scripts: scriptBodies)
        try await fetchGuides(home: homeDocument, scripts: scriptBodies)
        try await fetchElderResources()
        if let homeDocument { try await checkLinks(of: homeDocument) }
        if let homeDocument { try await checkCityPortals(of: homeDocument, scripts: scriptBodies) }
        try await renderPages()
    }

    // MARK: - Steps

    private func fetchHome() async throws -> FetchRecord? {
        var last: FetchRecord?
        for _ in 0..<rules.limits.homeAttempts {
            last = try await fetch([PlannedFetch(url: target.url, role: .home, userAgent: pageAgent)]).first
        }
        return records.last { $0.role == .home && $0.error == nil } ?? last
    }

    private func probeIPv6() async throws {
        guard budget > 0 else { return }
        if crawler.settings.hasIPv6Route {
            try await fetch([PlannedFetch(url: target.url, role: .ipv6Probe, userAgent: .tiyan, ipResolve: .v6)])
        } else {
            // Nothing was fetched, but the archive must say why SB-03 could not be decided.
            append(FetchRecord(target: target.id, role: .ipv6Probe, url: target.url, errorDetail: "no_ipv6_route",
                               fetchedAt: Date(), userAgentProfile: "tiyan"))
            try archiveLast()
        }
    }

    func loadedResources(of document: HTMLDocument) -> [PlannedFetch] {
        PageResources.plan(for: document, rules: rules).map {
            PlannedFetch(url: $0.url, role: $0.role, userAgent: pageAgent, discoveredFrom: document.url)
        }
    }

    /// The elder page's own same-site scripts and stylesheets: its font sizes and colours
    /// (EL-05..07) are decided by the CSS that applies there, often a sheet of its own, and its
    /// scripts may write the buttons and pop-ups EL-03/04 look for.
    private func fetchElderResources() async throws {
        guard let elder = records.first(where: { $0.role == .elder && $0.error == nil }),
              let document = document(for: elder) else { return }
        let fetched = try await fetch(loadedResources(of: document).filter { !fetchedURLs.contains($0.url) })
        try await fetchImports(of: fetched)
    }

    /// Same-site sheets that fetched stylesheets `@import`, two levels deep: their rules apply
    /// to the page as much as the importing sheet's own.
    private func fetchImports(of fetched: [FetchRecord]) async throws {
        var sheets = fetched.filter { $0.role == .stylesheet && $0.error == nil }
        for _ in 0..<2 where !sheets.isEmpty {
            var seen = fetchedURLs
            var plans: [PlannedFetch] = []
            for sheet in sheets {
                let site = URLResolver.site(of: sheet.finalURL)
                let text = CharsetDecoder.decode(sheet.body, contentType: sheet.contentType).text
                for entry in CSSStyleSheet.parse(text).imports {
                    guard let url = URLResolver.resolve(entry.url, against: sheet.finalURL), site != nil,
                          URLResolver.site(of: url) == site, seen.insert(url).inserted else { continue }
                    plans.append(PlannedFetch(url: url, role: .stylesheet, userAgent: pageAgent,
                                              discoveredFrom: sheet.finalURL))
                }
            }
            sheets = try await fetch(Array(plans.prefix(rules.limits.stylesheets))).filter { $0.error == nil }
        }
    }

    /// Hints first (configured), then discovery from the home page, the login page and the
    /// registration page, in that order, so that each role gets the most direct link.
    private func fetchRoles(from homeCandidates: [LinkCandidate]) async throws {
        var pending = PageRole.discoverable
        func plan(_ role: PageRole, from candidates: [LinkCandidate]) -> PlannedFetch? {
            if let hint = target.hints[role] {
                return PlannedFetch(url: hint, role: role, userAgent: pageAgent, configured: true,
                                    discoveredFrom: "targets.yaml hints.\(role.rawValue)")
            }
            guard let link = Discovery.best(candidates, for: role, rules: rules) else { return nil }
            return PlannedFetch(url: link.url, role: role, userAgent: pageAgent, discoveredFrom: link.origin,
                                obeysRobots: true)
        }

        let first = pending.compactMap { plan($0, from: homeCandidates) }
        pending.removeAll { role in first.contains { $0.role == role } }
        let fetched = try await fetch(first)

        // The login page, and the unified identity host it leads to, offer registration,
        // privacy and agreement links that the home page often lacks.
        var followUps: [LinkCandidate] = []
        if let login = fetched.first(where: { $0.role == .login }), let document = document(for: login) {
            let loginCandidates = Discovery.candidates(in: document)
            if let identity = try await followToIdentityHost(from: login, document: document,
                                                             candidates: loginCandidates) {
                followUps += Discovery.candidates(in: identity)
            }
            followUps += loginCandidates
        }
        let second = pending.compactMap { plan($0, from: followUps) }
        pending.removeAll { role in second.contains { $0.role == role } }
        let fetchedSecond = try await fetch(second)

        var fetchedThird: [FetchRecord] = []
        if let register = (fetched + fetchedSecond).first(where: { $0.role == .register }),
           let document = document(for: register) {
            let third = pending.compactMap { plan($0, from: Discovery.candidates(in: document)) }
            fetchedThird = try await fetch(third)
        }
        try await followFrames(of: fetched + fetchedSecond + fetchedThird)
    }

    /// A policy or agreement page that shows the document in a frame (iframe, embed, object):
    /// the framed document is fetched under the same role, so the probes can read its text.
    private func followFrames(of fetched: [FetchRecord]) async throws {
        var plans: [PlannedFetch] = []
        for record in fetched where record.role == .privacy || record.role == .agreement {
            guard let document = document(for: record),
                  let frame = (try? document.select("//iframe[@src] | //embed[@src] | //object[@data]"))?.first,
                  let source = frame.attribute("src") ?? frame.attribute("data"),
                  let url = URLResolver.resolve(source, against: document.baseURL),
                  url.hasPrefix("http://") || url.hasPrefix("https://"), !fetchedURLs.contains(url)
            else { continue }
            plans.append(PlannedFetch(url: url, role: record.role, userAgent: pageAgent,
                                      discoveredFrom: "\(record.finalURL) \(frame.xpath)", obeysRobots: true))
        }
        try await fetch(plans)
    }

    /// The scripts login pages load (the identity host is often another host of the same site):
    /// single-page login apps name their methods (账号密码, 扫码, CA) only in these bundles.
    private func fetchLoginScripts() async throws {
        var plans: [PlannedFetch] = []
        for record in records where record.role == .login {
            guard let document = document(for: record) else { continue }
            plans += loadedResources(of: document).filter { plan in
                plan.role == .script && !fetchedURLs.contains(plan.url) && !plans.contains { $0.url == plan.url }
            }
        }
        try await fetch(plans)
    }

    /// When the login link leads to a portal page that only forwards (by meta refresh or script)
    /// or links to the unified identity host, fetch that host's page as the login page too.
    private func followToIdentityHost(from login: FetchRecord, document: HTMLDocument,
                                      candidates: [LinkCandidate]) async throws -> HTMLDocument? {
        guard let hostPattern = rules.unifiedLoginHost else { return nil }
        let finalHost = URLResolver.host(of: login.finalURL) ?? ""
        if hostPattern.matches(finalHost) { return nil }
        var next = Discovery.softRedirect(in: document)
        if next == nil {
            next = candidates.first { candidate in
                hostPattern.matches(URLResolver.host(of: candidate.url) ?? "")
                    && (rules.roles[.login].flatMap { candidate.score(for: $0, maxTextLength: rules.maxTextLength) } ?? 0) > 0
            }?.url
        }
        guard let url = next else { return nil }
        let records = try await fetch([PlannedFetch(url: url, role: .login, userAgent: pageAgent,
                                                    discoveredFrom: login.finalURL, obeysRobots: true)])
        return records.first.flatMap(document(for:))
    }

    private func checkLinks(of document: HTMLDocument) async throws {
        var seen = fetchedURLs
        let links = document.links.compactMap(\.url)
            .filter { ($0.hasPrefix("http://") || $0.hasPrefix("https://")) && seen.insert($0).inserted }
            .prefix(min(rules.limits.linkChecks, budget))
        // robots.txt governs crawling the target; a HEAD to check someone else's link is not
        // crawling their site, so only the target's own hosts are asked.
        let site = URLResolver.site(of: document.url)
        let plans = links.map {
            PlannedFetch(url: $0, role: .linkCheck, userAgent: .tiyan, method: "HEAD", discoveredFrom: document.url,
                         obeysRobots: URLResolver.site(of: $0) == site)
        }
        try await fetch(plans)
    }

    // MARK: - Fetching and recording

    /// Fetches a batch concurrently; returns the records in plan order. Plans past the page
    /// budget are dropped; plans robots.txt forbids are recorded without a request.
    @discardableResult
    func fetch(_ plans: [PlannedFetch]) async throws -> [FetchRecord] {
        // A cancelled crawl (SIGINT) starts nothing new; what is in flight is aborted by curl.
        try Task.checkCancellation()
        var admitted: [PlannedFetch] = []
        for plan in plans {
            // Search queries have a budget of their own (SearchSession), not the page budget.
            if plan.role == .searchResults {
                admitted.append(plan)
            } else if budget > 0 {
                budget -= 1
                admitted.append(plan)
            }
        }
        guard !admitted.isEmpty else { return [] }
        try await loadRobots(for: admitted)

        let fetcher = crawler.fetcher
        let ignoreRobots = crawler.settings.ignoreRobots
        let policies = robots
        let responses = await withTaskGroup(of: (Int, FetchResponse?).self) { group in
            for (index, plan) in admitted.enumerated() {
                if plan.obeysRobots, !ignoreRobots, !TargetSession.allowed(plan.url, policies) {
                    continue
                }
                group.addTask { (index, await TargetSession.perform(plan, with: fetcher)) }
            }
            var results = [FetchResponse?](repeating: nil, count: admitted.count)
            for await (index, response) in group { results[index] = response }
            return results
        }
        // Aborted by a cancellation, these transfers would be archived as timeouts the site never had.
        try Task.checkCancellation()
        var made: [FetchRecord] = []
        for (plan, response) in zip(admitted, responses) {
            let outcome = response.map { makeRecord(plan, $0) }
            let record = outcome?.record ?? FetchRecord(target: target.id, role: plan.role, url: plan.url, error: .robotsDisallowed,
                               errorDetail: "robots.txt disallows this path", fetchedAt: Date(),
                               configured: plan.configured, userAgentProfile: plan.userAgent.profileName,
                               discoveredFrom: plan.discoveredFrom, searchQuery: plan.searchQuery)
            append(record, document: outcome?.document)
            try archiveLast()
            made.append(records[records.count - 1])
        }
        return made
    }

    private static func perform(_ plan: PlannedFetch, with fetcher: any Fetching) async -> FetchResponse {
        var response = await fetcher.fetch(FetchRequest(url: plan.url, method: plan.method, userAgent: plan.userAgent,
                                                        ipResolve: plan.ipResolve, followRedirects: plan.followRedirects))
        // Some servers refuse HEAD; a link is only dead if GET fails too.
        if plan.method == "HEAD", response.error != nil || [403, 405, 501].contains(response.status ?? 0) {
            response = await fetcher.fetch(FetchRequest(url: plan.url, userAgent: plan.userAgent))
        }
        return response
    }

    private static func allowed(_ url: String, _ policies: [String: RobotsPolicy]) -> Bool {
        guard let origin = origin(of: url), let policy = policies[origin] else { return true }
        return policy.allows(path: pathAndQuery(of: url))
    }

    /// Fetches robots.txt once per origin that a robots-obeying plan touches.
    private func loadRobots(for plans: [PlannedFetch]) async throws {
        var origins: [String] = []
        for plan in plans where plan.obeysRobots || plan.role == .home {
            if let origin = TargetSession.origin(of: plan.url), robots[origin] == nil, !origins.contains(origin) {
                origins.append(origin)
            }
        }
        guard !origins.isEmpty else { return }
        for origin in origins { robots[origin] = .allowAll }
        let fetcher = crawler.fetcher
        let responses = await withTaskGroup(of: (Int, FetchResponse).self) { group in
            for (index, origin) in origins.enumerated() {
                group.addTask {
                    (index, await fetcher.fetch(FetchRequest(url: origin + "/robots.txt", userAgent: .tiyan)))
                }
            }
            var results = [FetchResponse?](repeating: nil, count: origins.count)
            for await (index, response) in group { results[index] = response }
            return results
        }
        try Task.checkCancellation()
        for (origin, response) in zip(origins, responses) {
            guard let response else { continue }
            let plan = PlannedFetch(url: origin + "/robots.txt", role: .robots, userAgent: .tiyan)
            append(makeRecord(plan, response).record, document: nil)
            try archiveLast()
            robots[origin] = TargetSession.policy(from: response)
        }
    }

    static func policy(from response: FetchResponse) -> RobotsPolicy {
        guard let status = response.status else { return .allowAll }
        if (200..<300).contains(status) {
            return RobotsPolicy(text: String(decoding: response.body, as: UTF8.self))
        }
        // RFC 9309: a server error means "assume complete disallow"; 4xx means no rules.
        return (500..<600).contains(status) ? .disallowAll : .allowAll
    }

    private func makeRecord(_ plan: PlannedFetch, _ response: FetchResponse) -> (record: FetchRecord, document: HTMLDocument?) {
        var record = response.record(target: target.id, role: plan.role, method: plan.method,
                                     configured: plan.configured, userAgentProfile: plan.userAgent.profileName,
                                     discoveredFrom: plan.discoveredFrom)
        // The plan's URL, not the one the fetcher normalised: discovery and robots speak of it.
        record.url = plan.url
        record.searchQuery = plan.searchQuery
        var document: HTMLDocument?
        // A search API answers JSON: it is a result list, not a page that is "not HTML".
        let jsonResults = plan.role == .searchResults && (record.contentType?.lowercased().contains("json") ?? false)
        if plan.role.isPage, record.status != nil, !jsonResults {
            document = classify(&record)
        }
        fetchedURLs.insert(plan.url)
        fetchedURLs.insert(response.finalURL)
        return (record, document)
    }

    /// A bot challenge is not the site; a non-HTML answer is not a page. The crawl steers by
    /// this reading (the record in `records` carries it) but archives what was observed: the
    /// probes derive the reading again from the bytes (PageVerdict).
    private func classify(_ record: inout FetchRecord) -> HTMLDocument? {
        let (judged, document, nature) = PageVerdict.judgedWithNature(record, markers: crawler.settings.pageNature)
        if case .scriptShell = nature { shells.insert(records.count) }
        if judged.error != record.error { observed[records.count] = record }
        record = judged
        return document
    }

    // MARK: - Bookkeeping

    /// Parsed pages that discovery reads again. Search result pages are not kept: a target's
    /// hundred of them held their libxml2 trees until the target ended (600 MB for five
    /// portals in flight), and the crawl reads at most the first one again.
    private var documents: [Int: HTMLDocument] = [:]
    /// Records as fetched, by sequence, where the crawl's reading changed them.
    private var observed: [Int: FetchRecord] = [:]
    /// Sequences of pages whose served HTML is a script shell (the render stage's `auto`).
    private(set) var shells: Set<Int> = []

    private static func keepsDocument(of record: FetchRecord) -> Bool { record.role != .searchResults }

    /// The robots.txt policies read so far, by origin (the render stage starts from them).
    var robotsPolicies: [String: RobotsPolicy] { robots }

    /// Records another stage already archived with their sequences (the render stage's).
    func adopt(_ archived: [FetchRecord]) {
        for record in archived {
            records.append(record)
            fetchedURLs.insert(record.url)
        }
    }

    func append(_ record: FetchRecord, document: HTMLDocument? = nil) {
        var record = record
        record.sequence = records.count
        if Self.keepsDocument(of: record) { documents[record.sequence] = document }
        records.append(record)
    }

    func archiveLast() throws {
        guard let index = records.indices.last else { return }
        var archived = records[index]
        if var fetched = observed.removeValue(forKey: index) {
            fetched.sequence = archived.sequence
            archived = fetched
        }
        let offset = try crawler.archive.append(archived)
        records[index].warcOffset = offset
        let record = records[index]
        crawler.progress("[\(target.id)] \(record.role.rawValue) \(record.status.map(String.init) ?? "-") "
                         + "\(record.error?.rawValue ?? (record.status == nil ? record.errorDetail ?? "-" : "ok")) "
                         + "\(record.elapsedMilliseconds)ms \(record.url)")
    }

    /// The parsed page for a record, parsed once.
    func document(for record: FetchRecord) -> HTMLDocument? {
        guard record.error == nil || record.error == .http4xx || record.error == .http5xx else { return nil }
        if let cached = documents[record.sequence] { return cached }
        guard PageVerdict.looksLikeHTML(record) else { return nil }
        let document = HTMLDocument(data: record.body, contentType: record.contentType, url: record.finalURL)
        if Self.keepsDocument(of: record) { documents[record.sequence] = document }
        return document
    }

    private func plainHTTPURL(_ url: String) -> String? {
        if url.hasPrefix("https://") { return "http://" + url.dropFirst("https://".count) }
        if url.hasPrefix("http://") { return url }
        return nil
    }

    static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return String(url[..<hostEnd])
    }

    static func pathAndQuery(of url: String) -> String {
        guard let origin = origin(of: url) else { return "/" }
        let rest = url.dropFirst(origin.count)
        let withoutFragment = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return withoutFragment.isEmpty ? "/" : String(withoutFragment)
    }
}
