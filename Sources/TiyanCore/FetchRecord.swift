public import Foundation

public struct HTTPHeader: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPHeader {
    /// The last value of a header, case-insensitively (the last one wins, as browsers do).
    public func value(of name: String) -> String? {
        last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public func values(of name: String) -> [String] {
        filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}

/// One fetched resource with everything the crawl learned about it: the unit the archive stores
/// and the probes judge. The body is the payload after content decoding (gzip, br), as a citizen's
/// browser would see it; it is empty when the fetch failed before a response.
public struct FetchRecord: Sendable, Hashable, Codable {
    public var target: String
    public var role: PageRole
    /// Order of the fetch within its target; probes sort by it so results never depend on timing.
    public var sequence: Int
    public var method: String
    public var url: String
    public var finalURL: String
    /// The URLs that answered with a redirect, in order, starting with `url` when it redirected.
    public var redirects: [String]
    public var status: Int?
    public var requestHeaders: [HTTPHeader]
    public var headers: [HTTPHeader]
    public var body: Data
    public var error: FetchErrorClass?
    public var errorDetail: String?
    public var elapsedMilliseconds: Int
    public var fetchedAt: Date
    /// The page came from `hints` in targets.yaml, not from discovery.
    public var configured: Bool
    /// The User-Agent profile (`desktop`, `mobile`, `wechat`, `tiyan`) or `custom`.
    public var userAgentProfile: String
    /// nil for plain http; false when the certificate did not verify.
    public var tlsVerified: Bool?
    /// The body was fetched again without certificate verification, only to judge the content.
    public var fetchedWithoutVerification: Bool
    public var remoteAddress: String?
    /// How the resource was found: the link text/href or script that pointed to it.
    public var discoveredFrom: String?
    /// For role `search_results`: the query this response answers (nil for other roles, and for
    /// a search the crawl found but could not issue, whose `errorDetail` says why).
    public var searchQuery: SearchQuery?
    /// Byte offset of this resource's first WARC record in archive.warc.gz; nil until archived.
    public var warcOffset: Int64?

    public init(
        target: String, role: PageRole, sequence: Int = 0, method: String = "GET", url: String,
        finalURL: String? = nil, redirects: [String] = [], status: Int? = nil,
        requestHeaders: [HTTPHeader] = [], headers: [HTTPHeader] = [], body: Data = Data(),
        error: FetchErrorClass? = nil, errorDetail: String? = nil, elapsedMilliseconds: Int = 0,
        fetchedAt: Date = Date(timeIntervalSince1970: 0), configured: Bool = false,
        userAgentProfile: String = "desktop", tlsVerified: Bool? = nil, fetchedWithoutVerification: Bool = false,
        remoteAddress: String? = nil, discoveredFrom: String? = nil, searchQuery: SearchQuery? = nil,
        warcOffset: Int64? = nil
    ) {
        self.target = target
        self.role = role
        self.sequence = sequence
        self.method = method
        self.url = url
        self.finalURL = finalURL ?? url
        self.redirects = redirects
        self.status = status
        self.requestHeaders = requestHeaders
        self.headers = headers
        self.body = body
        self.error = error
        self.errorDetail = errorDetail
        self.elapsedMilliseconds = elapsedMilliseconds
        self.fetchedAt = fetchedAt
        self.configured = configured
        self.userAgentProfile = userAgentProfile
        self.tlsVerified = tlsVerified
        self.fetchedWithoutVerification = fetchedWithoutVerification
        self.remoteAddress = remoteAddress
        self.discoveredFrom = discoveredFrom
        self.searchQuery = searchQuery
        self.warcOffset = warcOffset
    }

    public var contentType: String? { headers.value(of: "Content-Type") }

    /// A response arrived and it is usable as content (it may still be a challenge page).
    public var hasBody: Bool { status != nil && !body.isEmpty }
}

/// Everything archived for one target: what probes receive. Probes never touch the network.
public struct ArchivedSite: Sendable {
    public var target: Target
    /// The run's start: the "today" of date-based indicators, so a reprobe gives the same answer.
    public var runStart: Date
    public var resources: [FetchRecord]
    /// Pages as a browser rendered them, at most one per archived page (`pageSequence`).
    public var renders: [RenderedView]

    public init(target: Target, runStart: Date, resources: [FetchRecord], renders: [RenderedView] = []) {
        self.target = target
        self.runStart = runStart
        self.resources = resources.sorted { $0.sequence < $1.sequence }
        self.renders = renders.sorted { $0.pageSequence < $1.pageSequence }
    }

    /// The rendered view of an archived page, if the render stage captured one.
    public func render(of page: FetchRecord) -> RenderedView? {
        renders.first { $0.pageSequence == page.sequence }
    }

    public func resources(_ role: PageRole) -> [FetchRecord] { resources.filter { $0.role == role } }
    public func first(_ role: PageRole) -> FetchRecord? { resources.first { $0.role == role } }
}
