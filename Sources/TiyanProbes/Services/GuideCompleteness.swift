import TiyanCore

/// SV-11 办事指南要素: each followed guide states the elements the national guide rules require
/// (GuideElements.keys). The value lists, per service, the elements present (each with the cell
/// or sentence that states it as evidence), missing and stated empty; the mean coverage decides:
/// at least `pass_coverage` passes, at least `partial_coverage` is partial (score = coverage).
struct GuideCompleteness: Rule {
    static let id = "SV-11"
    let elements: GuideElements
    let passCoverage: Double
    let partialCoverage: Double

    init(settings: RuleSettings) throws {
        elements = try GuideElements(settings: settings)
        passCoverage = try settings.number("pass_coverage")
        partialCoverage = try settings.number("partial_coverage")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let guides = try GuidePages.usable(site)
        var services: [JSONValue] = []
        var evidence: [Evidence] = []
        var coverages: [Double] = []
        var shells: [Evidence] = []
        for guide in guides {
            if let reason = guide.page.shellReason {
                shells.append(guide.page.evidence(locator: "/html/body", snippet: reason,
                                                  extra: [("service", .string(guide.service))]))
                services.append(.object([("service", .string(guide.service)), ("url", .string(guide.page.url)),
                                         ("shell", .string(reason))]))
                continue
            }
            let reading = elements.read(guide.page, service: guide.service)
            coverages.append(reading.coverage)
            evidence += reading.present.map(\.evidence)
            services.append(.object([
                ("service", .string(guide.service)), ("url", .string(guide.page.url)),
                ("present", .array(reading.present.map { .string($0.key) })),
                ("missing", .array(reading.missing.map(JSONValue.string))),
                ("empty", .array(reading.empty.map(JSONValue.string))),
                ("coverage", .number(Self.rounded(reading.coverage))),
            ]))
            if reading.present.isEmpty { evidence.append(guide.page.absence("no guide element stated")) }
        }
        guard !coverages.isEmpty else {
            return Finding(.undetermined, value: .object([("services", .array(services))]), evidence: shells,
                           reason: "every guide page is a script shell: its content is not in the HTML")
        }
        let mean = coverages.reduce(0, +) / Double(coverages.count)
        let value = JSONValue.object([
            ("services", .array(services)), ("guides", .int(coverages.count)), ("coverage", .number(Self.rounded(mean))),
        ])
        if mean >= passCoverage { return Finding(.pass, value: value, evidence: evidence) }
        let reason = "the guides state \(Int((mean * 100).rounded()))% of the required elements on average"
        if mean >= partialCoverage {
            return Finding(.partial, value: value, evidence: evidence + shells, reason: reason, score: mean)
        }
        return Finding(.fail, value: value, evidence: evidence + shells, reason: reason)
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

/// SV-12 在线办理: each followed guide offers a way to handle the service online (在线办理, 立即申报…);
/// 全程网办 marks are reported. All guides pass, some is partial (their share), none fails.
struct OnlineHandling: Rule {
    static let id = "SV-12"
    static let sourceFile = "GuideCompleteness.swift"
    let search: EntrySearch
    let fullyOnline: Pattern

    init(settings: RuleSettings) throws {
        search = try EntrySearch(settings: settings, href: true)
        fullyOnline = try settings.pattern("fully_online")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let guides = try GuidePages.usable(site)
        var services: [JSONValue] = []
        var evidence: [Evidence] = []
        var offered = 0
        for guide in guides {
            let entry = search.find(on: guide.page, site: site)
            let full = fullyOnline.firstMatch(in: guide.page.document.visibleText)
            if let entry {
                offered += 1
                var item = entry.evidence
                item.extra.append(("service", .string(guide.service)))
                evidence.append(item)
            } else {
                evidence.append(guide.page.absence("no 在线办理 entry for \(guide.service)"))
            }
            services.append(.object([
                ("service", .string(guide.service)), ("url", .string(guide.page.url)),
                ("online_entry", .bool(entry != nil)), ("entry", entry?.url.map(JSONValue.string) ?? .null),
                ("fully_online", .bool(full != nil)),
            ]))
        }
        let value = JSONValue.object([("services", .array(services)), ("offered", .int(offered)),
                                      ("guides", .int(guides.count))])
        if offered == guides.count { return Finding(.pass, value: value, evidence: evidence) }
        if offered > 0 {
            return Finding(.partial, value: value, evidence: evidence,
                           reason: "\(offered) of \(guides.count) guides offer online handling",
                           score: Double(offered) / Double(guides.count))
        }
        var finding = Finding(.fail, value: value, evidence: evidence, reason: "no guide offers online handling")
        if guides.allSatisfy({ $0.page.shellReason != nil }), let first = guides.first {
            finding = first.page.negative(finding)
        }
        return finding
    }
}

/// SV-13 办事指南可达: how many clicks lead from the home page to each followed guide, counted along
/// the crawl's own path (discovered_from): a home-page link is one click, a search result two (the
/// search, then the result). At most `max_clicks` for every guide passes.
struct GuideDepth: Rule {
    static let id = "SV-13"
    static let sourceFile = "GuideCompleteness.swift"
    let maxClicks: Int

    init(settings: RuleSettings) throws {
        maxClicks = try settings.integer("max_clicks")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let guides = try GuidePages.usable(site)
        var services: [JSONValue] = []
        var evidence: [Evidence] = []
        var deepest = 0
        var unknown: [String] = []
        for guide in guides {
            guard let path = Self.path(to: guide.page.record, in: site) else {
                unknown.append(guide.service)
                continue
            }
            let clicks = path.count
            deepest = max(deepest, clicks)
            services.append(.object([("service", .string(guide.service)), ("url", .string(guide.page.url)),
                                     ("clicks", .int(clicks)), ("path", .array(path.map(JSONValue.string)))]))
            evidence.append(Evidence(url: guide.page.url, locator: "discovered_from",
                                     snippet: guide.page.record.discoveredFrom ?? "",
                                     extra: [("service", .string(guide.service)), ("clicks", .int(clicks))]))
        }
        guard !services.isEmpty else {
            return Finding(.undetermined, value: .null,
                           evidence: guides.map { $0.page.evidence(locator: "discovered_from",
                                                                   snippet: $0.page.record.discoveredFrom ?? "") },
                           reason: "the crawl's path to the guide pages does not start on the home page")
        }
        let value = JSONValue.object([("services", .array(services)), ("max_clicks", .int(deepest))])
        if deepest <= maxClicks { return Finding(.pass, value: value, evidence: evidence) }
        return Finding(.fail, value: value, evidence: evidence,
                       reason: "a guide is \(deepest) clicks from the home page (at most \(maxClicks) expected)")
    }

    /// The URLs walked from the home page to the record, one per click (a search counts one for
    /// the query and one for the result); nil when the path does not lead back to the home page.
    static func path(to record: FetchRecord, in site: SiteContext) -> [String]? {
        var steps: [String] = []
        var current = record
        var seen: Set<Int> = []
        while current.role != .home {
            guard seen.insert(current.sequence).inserted, steps.count < 20 else { return nil }
            steps.insert(current.finalURL, at: 0)
            if current.role == .searchResults { break }
            guard let origin = current.discoveredFrom?.split(separator: " ").first.map(String.init),
                  let previous = site.site.resources.first(where: {
                      $0.role.isPage && ($0.url == origin || $0.finalURL == origin)
                  })
            else { return nil }
            current = previous
        }
        return steps
    }
}
