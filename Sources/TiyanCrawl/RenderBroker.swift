import Foundation
import TiyanArchive
import TiyanBrowser
import TiyanCore
import TiyanFetch
import TiyanHTML

/// Answers every request of a target's rendered pages: from what the crawl already archived
/// when it holds the URL, else by tiyan's own fetcher under the crawl's rules (robots.txt for
/// documents and data APIs, the per-host politeness of the fetcher, the body caps, the request
/// budget), archiving each new response as an ordinary record of role `render_resource`. The
/// browser itself reaches no network; what it was refused is in the view's requests.
actor RenderBroker {
    private let target: String
    private let fetcher: any Fetching
    private let archive: WARCWriter
    private let ignoreRobots: Bool
    private let progress: @Sendable (String) -> Void
    private var known: [String: FetchRecord] = [:]
    private var robots: [String: RobotsPolicy]
    /// robots.txt fetches under way, by origin: requests that arrive meanwhile wait for them.
    private var robotsInFlight: [String: Task<RobotsPolicy, Never>] = [:]
    private var inFlight: [String: Task<BrowserAnswer, Never>] = [:]
    private var remaining: Int
    private var nextSequence: Int
    /// Records this broker archived, in sequence order, for the session to adopt.
    private(set) var archived: [FetchRecord] = []
    private var archiveFailure: (any Error)?

    /// Resource types a page needs to be built and laid out. Media streams, pings, beacons and
    /// sockets change nothing a citizen reads and are refused.
    static let servedTypes: Set<String> = [
        "Document", "Stylesheet", "Script", "XHR", "Fetch", "Image", "Font", "Manifest", "Other",
    ]
    /// Requests that crawl the site rather than dress a page: robots.txt decides them.
    static let crawlingTypes: Set<String> = ["Document", "XHR", "Fetch"]

    init(target: String, records: [FetchRecord], robots: [String: RobotsPolicy], budget: Int,
         fetcher: any Fetching, archive: WARCWriter, ignoreRobots: Bool,
         progress: @escaping @Sendable (String) -> Void) {
        self.target = target
        self.fetcher = fetcher
        self.archive = archive
        self.ignoreRobots = ignoreRobots
        self.progress = progress
        self.robots = robots
        remaining = budget
        nextSequence = records.count
        known = Self.indexed(records, into: [:])
    }

    /// Pages the crawl fetched while the stage ran (roles found in a rendered page): later
    /// renders are served them from the archive like any other.
    func learn(_ records: [FetchRecord]) {
        known = Self.indexed(records, into: known)
        nextSequence = max(nextSequence, (records.map(\.sequence).max() ?? -1) + 1)
    }

    /// The responses a GET of each address would be served, by address without fragment; the
    /// first record of an address wins.
    private static func indexed(_ records: [FetchRecord], into known: [String: FetchRecord]) -> [String: FetchRecord] {
        var known = known
        for record in records where record.status != nil && record.method == "GET" {
            for url in [record.url, record.finalURL] where known[URLResolver.withoutFragment(url)] == nil {
                known[URLResolver.withoutFragment(url)] = record
            }
        }
        return known
    }

    /// The first write to the archive that failed: the run cannot go on without its archive.
    func failure() -> (any Error)? { archiveFailure }

    func serve(_ request: BrowserRequest, page: String, userAgent: UserAgent) async -> BrowserAnswer {
        let url = URLResolver.withoutFragment(request.url)
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return .refused(errorClass: "not_fetched") }
        // The crawl only ever reads: a page's POST (a login, a form, a tracker) is never sent.
        guard request.method == "GET" || request.method == "HEAD" else { return .refused(errorClass: "not_fetched") }
        if let record = known[url] { return Self.answer(record) }
        if let running = inFlight[url] { return await running.value }
        guard Self.servedTypes.contains(request.resourceType) else { return .refused(errorClass: "not_fetched") }
        guard remaining > 0 else { return .refused(errorClass: "not_fetched") }
        remaining -= 1
        let task = Task { await self.fetch(url, type: request.resourceType, page: page, userAgent: userAgent) }
        inFlight[url] = task
        let answer = await task.value
        inFlight[url] = nil
        return answer
    }

    private func fetch(_ url: String, type: String, page: String, userAgent: UserAgent) async -> BrowserAnswer {
        if !ignoreRobots, Self.crawlingTypes.contains(type), let origin = TargetSession.origin(of: url) {
            let policy = await robotsPolicy(for: origin, page: page)
            guard policy.allows(path: TargetSession.pathAndQuery(of: url)) else {
                let refused = FetchRecord(
                    target: target, role: .renderResource, url: url, error: .robotsDisallowed,
                    errorDetail: "robots.txt disallows this path", fetchedAt: Date(),
                    userAgentProfile: userAgent.profileName, discoveredFrom: page)
                _ = keep(refused)
                return .refused(errorClass: FetchErrorClass.robotsDisallowed.rawValue)
            }
        }
        let response = await fetcher.fetch(FetchRequest(url: url, userAgent: userAgent))
        var record = response.record(target: target, role: .renderResource, method: "GET", configured: false,
                                     userAgentProfile: userAgent.profileName, discoveredFrom: page)
        record.url = url
        record = keep(record)
        progress("[\(target)] render_resource \(record.status.map(String.init) ?? "-") "
                 + "\(record.error?.rawValue ?? "ok") \(record.elapsedMilliseconds)ms \(url)")
        return Self.answer(record)
    }

    /// One robots.txt fetch per origin; a request that arrives while it is under way waits for
    /// its answer rather than passing unchecked.
    private func robotsPolicy(for origin: String, page: String) async -> RobotsPolicy {
        if let policy = robots[origin] { return policy }
        if let running = robotsInFlight[origin] { return await running.value }
        let task = Task { await self.fetchRobots(for: origin, page: page) }
        robotsInFlight[origin] = task
        let policy = await task.value
        robotsInFlight[origin] = nil
        return policy
    }

    private func fetchRobots(for origin: String, page: String) async -> RobotsPolicy {
        let response = await fetcher.fetch(FetchRequest(url: origin + "/robots.txt", userAgent: .tiyan))
        var record = response.record(target: target, role: .robots, method: "GET", configured: false,
                                     userAgentProfile: UserAgent.tiyan.profileName, discoveredFrom: page)
        record.url = origin + "/robots.txt"
        _ = keep(record)
        let policy = TargetSession.policy(from: response)
        robots[origin] = policy
        return policy
    }

    /// Archives the record at once (a killed run keeps what the browser was served); returns
    /// it with its sequence and offset.
    private func keep(_ fetched: FetchRecord) -> FetchRecord {
        var record = fetched
        record.sequence = nextSequence
        nextSequence += 1
        do {
            record.warcOffset = try archive.append(record)
        } catch {
            if archiveFailure == nil { archiveFailure = error }
        }
        archived.append(record)
        if record.status != nil, record.role == .renderResource { known[record.url] = record }
        return record
    }

    /// What the browser is served: the stored response, whose body the fetcher already decoded,
    /// so the framing headers that described the wire bytes are dropped.
    static func answer(_ record: FetchRecord) -> BrowserAnswer {
        guard let status = record.status else {
            return .refused(errorClass: record.error?.rawValue ?? "not_fetched")
        }
        let framing: Set<String> = ["content-encoding", "transfer-encoding", "content-length", "connection"]
        let headers = record.headers.filter { !framing.contains($0.name.lowercased()) }.map { (name: $0.name, value: $0.value) }
        return .served(status: status, headers: headers, body: record.body, sequence: record.sequence)
    }
}
