public import Foundation
public import TiyanCore

/// One resource of an example site, as written under a rule's `examples` in probes/<module>.yaml.
public struct ExampleRecord: Sendable, Hashable {
    public var role: PageRole
    public var url: String
    public var status: Int?
    public var headers: [HTTPHeader]
    public var html: String?
    public var error: FetchErrorClass?
    public var errorDetail: String?
    public var tlsVerified: Bool?
    public var fetchedWithoutVerification: Bool
    public var discoveredFrom: String?
    public var elapsedMilliseconds: Int
    public var userAgentProfile: String
    public var searchQuery: SearchQuery?
    /// The DOM a browser built from this page (`rendered:`), archived as its rendered view.
    public var rendered: String?

    public init(
        role: PageRole, url: String, status: Int? = 200, headers: [HTTPHeader] = [], html: String? = nil,
        error: FetchErrorClass? = nil, errorDetail: String? = nil, tlsVerified: Bool? = nil,
        fetchedWithoutVerification: Bool = false, discoveredFrom: String? = nil, elapsedMilliseconds: Int = 100,
        userAgentProfile: String = "desktop"
    ) {
        self.role = role
        self.url = url
        self.status = status
        self.headers = headers
        self.html = html
        self.error = error
        self.errorDetail = errorDetail
        self.tlsVerified = tlsVerified
        self.fetchedWithoutVerification = fetchedWithoutVerification
        self.discoveredFrom = discoveredFrom
        self.elapsedMilliseconds = elapsedMilliseconds
        self.userAgentProfile = userAgentProfile
    }

    func fetchRecord(target: String, sequence: Int) -> FetchRecord {
        var headers = self.headers
        if html != nil, headers.value(of: "Content-Type") == nil {
            headers.insert(HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8"), at: 0)
        }
        let https = url.lowercased().hasPrefix("https://")
        return FetchRecord(
            target: target, role: role, sequence: sequence, url: url, status: status, headers: headers,
            body: Data((html ?? "").utf8), error: error, errorDetail: errorDetail,
            elapsedMilliseconds: elapsedMilliseconds, userAgentProfile: userAgentProfile,
            tlsVerified: tlsVerified ?? (https && error == nil ? true : nil),
            fetchedWithoutVerification: fetchedWithoutVerification, discoveredFrom: discoveredFrom,
            searchQuery: searchQuery)
    }
}

/// A triggering or non-triggering example of a rule: documentation and test at once. It
/// remembers its file and line so that a failing example points at itself.
public struct RuleExample: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case triggering
        case nonTriggering = "non_triggering"
        /// The rule finds nothing to judge (status not_applicable; ACT `inapplicable`).
        case inapplicable
        /// The rule cannot decide from the archive (status undetermined; ACT `cantTell`).
        case cantTell = "cant_tell"
        /// The rule finds part of what it asks (status partial, with the probe's score).
        case partial
        /// Each example states its status itself (`expect: blocked`, …): any status a rule can give.
        case outcomes
    }

    /// Where an example's evidence must point, as SwiftLint's `↓` marks a violation: some
    /// evidence item has exactly this locator, and some has a snippet containing this text.
    public struct EvidenceExpectation: Sendable, Hashable {
        public var locator: String?
        public var snippet: String?

        public init(locator: String? = nil, snippet: String? = nil) {
            self.locator = locator
            self.snippet = snippet
        }

        /// What the evidence lacks, in words; nil when it points where it must.
        public func mismatch(in evidence: [Evidence]) -> String? {
            if let locator, !evidence.contains(where: { $0.locator == locator }) {
                return "no evidence at locator \(locator) (found: \(evidence.map(\.locator).joined(separator: ", ")))"
            }
            if let snippet, !evidence.contains(where: { $0.snippet.contains(snippet) }) {
                return "no evidence snippet contains \"\(snippet)\""
            }
            return nil
        }
    }

    public var kind: Kind
    /// Position in its list, from 0.
    public var index: Int
    public var file: String
    public var line: Int
    /// The site's home page (role `home`) and any further resources, in fetch order.
    public var records: [ExampleRecord]
    /// The run's start for date-based rules.
    public var runStart: Date
    /// The target's `search:` block of targets.yaml, for search examples with a configured API.
    public var search: Target.SearchConfiguration?
    /// The target's 行政区划代码 (SV-15 judges provincial portals only).
    public var region: String
    /// The status an `outcomes` example states.
    public var expect: Status?
    /// Where the example's evidence must point, if it says.
    public var evidence: EvidenceExpectation?

    public init(kind: Kind, index: Int, file: String, line: Int, records: [ExampleRecord], runStart: Date,
                search: Target.SearchConfiguration? = nil, region: String = "000000") {
        self.search = search
        self.region = region
        self.kind = kind
        self.index = index
        self.file = file
        self.line = line
        self.records = records
        self.runStart = runStart
    }

    /// A triggering example fails its rule, a non-triggering one passes; the other two kinds
    /// say the rule is not applicable or cannot tell.
    public var expectedStatus: Status {
        if let expect { return expect }
        switch kind {
        case .triggering: return .fail
        case .nonTriggering: return .pass
        case .inapplicable: return .notApplicable
        case .cantTell: return .undetermined
        case .partial: return .partial
        case .outcomes: return .undetermined  // the reader requires `expect:` in this list
        }
    }

    public static let targetID = "example"

    /// The archived site the example describes; the target's URL is the first record's.
    public func site() -> ArchivedSite {
        let url = records.first?.url ?? "https://www.example.gov.cn/"
        let target = Target(id: Self.targetID, name: "example", region: region, url: url, search: search)
        let renders = records.enumerated().compactMap { sequence, record in
            record.rendered.map {
                RenderedView(pageSequence: sequence, url: record.url, dom: Data($0.utf8), viewport: .desktop,
                             engine: "example", waitOutcome: .networkIdle, renderedAt: runStart)
            }
        }
        return ArchivedSite(
            target: target, runStart: runStart,
            resources: records.enumerated().map { $1.fetchRecord(target: Self.targetID, sequence: $0) },
            renders: renders)
    }
}
