import TiyanCore

/// SB-03: the home page answers over IPv6. A vantage point without IPv6 cannot tell, so its
/// probe is `undetermined`, never a failure of the site.
struct IPv6Support: Rule {
    static let id = "SB-03"
    static let judgesTheFetches = true
    let noRouteDetail: String
    let failingErrors: Set<FetchErrorClass>

    init(settings: RuleSettings) throws {
        noRouteDetail = try settings.text("no_route_detail")
        var errors: Set<FetchErrorClass> = []
        for name in try settings.keywords("failing_errors") {
            guard let error = FetchErrorClass(rawValue: name) else {
                throw settings.invalid("failing_errors", "\"\(name)\" is not a fetch error class")
            }
            errors.insert(error)
        }
        failingErrors = errors
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        guard let probe = site.records(.ipv6Probe).first else {
            throw PageUnavailable(
                .undetermined, reason: "no IPv6 probe was made",
                evidence: [
                    Evidence(url: site.site.target.url, locator: "ipv6_probe", snippet: "no IPv6-only fetch recorded")
                ])
        }
        if probe.errorDetail == noRouteDetail {
            throw PageUnavailable(
                .undetermined, reason: "the vantage point has no IPv6 route",
                evidence: [FetchOutcome.evidence(probe, "no IPv6 route from the prober")])
        }
        if let error = probe.error, failingErrors.contains(error) {
            let detail = probe.errorDetail.map { " (\($0))" } ?? ""
            return Finding(
                .fail, value: false, evidence: [FetchOutcome.evidence(probe, "IPv6 only: \(error.rawValue)\(detail)")])
        }
        guard let status = probe.status else {
            let error = probe.error?.rawValue ?? "no response"
            throw PageUnavailable(
                .undetermined, reason: "the IPv6 probe ended with \(error)",
                evidence: [FetchOutcome.evidence(probe, "IPv6 only: \(error)")])
        }
        let address = probe.remoteAddress.map { " from \($0)" } ?? ""
        return Finding(
            .pass, value: true, evidence: [FetchOutcome.evidence(probe, "IPv6 only: HTTP \(status)\(address)")])
    }
}
