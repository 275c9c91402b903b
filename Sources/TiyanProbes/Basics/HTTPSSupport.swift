import TiyanCore

/// SB-02: HTTPS works with a verified certificate, plain http redirects to https, and the https
/// answer sets HSTS. A host without working HTTPS fails outright (SPEC.md).
struct HTTPSSupport: Rule {
    static let id = "SB-02"
    static let judgesTheFetches = true
    let redirectStatuses: [Int]
    let hstsHeader: String
    let hstsValue: Pattern

    init(settings: RuleSettings) throws {
        redirectStatuses = try settings.integers("redirect_statuses")
        hstsHeader = try settings.text("hsts_header")
        hstsValue = try settings.pattern("hsts_value")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let homes = site.records(.home)
        var evidence: [Evidence] = []
        let overHTTPS = homes.filter { HostName.isHTTPS($0.finalURL) && ($0.status != nil || isTLSFailure($0.error)) }
        let verified = overHTTPS.first { $0.tlsVerified == true && $0.status != nil && !$0.fetchedWithoutVerification }
        let certificateFailure = overHTTPS.first { $0.tlsVerified == false || $0.error == .tlsCertificate }
        let probe = site.records(.httpProbe).first
        guard !overHTTPS.isEmpty || probe?.status != nil || homes.contains(where: { $0.status != nil }) else {
            // Nothing answered at all: that is SB-01's finding; HTTPS cannot be judged.
            _ = try site.page(.home)
            throw PageUnavailable(.undetermined, reason: "no response over http or https")
        }

        let certificateValid: Bool? = certificateFailure != nil ? false : (verified != nil ? true : nil)
        if let failure = certificateFailure {
            let detail = failure.errorDetail.map { ": \($0)" } ?? ""
            evidence.append(
                Evidence(
                    url: failure.finalURL, locator: "tls:certificate",
                    snippet: "certificate did not verify\(detail)", extra: [("unverified_tls", true)]))
        } else if let verified {
            evidence.append(
                Evidence(
                    url: verified.finalURL, locator: "tls:certificate",
                    snippet: "HTTP \(verified.status.map(String.init) ?? "-") over https, certificate verified"))
        } else if let home = homes.first {
            evidence.append(
                Evidence(
                    url: home.finalURL, locator: FetchOutcome.fetchLocator,
                    snippet: HostName.isHTTPS(home.finalURL) ? "no https response" : "home page served over plain http")
            )
        }
        let httpsReachable = verified != nil && certificateFailure == nil

        let hstsSource = verified ?? overHTTPS.first { $0.status != nil }
        var hsts = false
        if let hstsSource {
            let value = hstsSource.headers.value(of: hstsHeader)
            hsts = value.map(hstsValue.matches) ?? false
            evidence.append(
                Evidence(
                    url: hstsSource.finalURL, locator: "header:\(hstsHeader)",
                    snippet: value ?? "(no \(hstsHeader) header)"))
        }

        let redirects = httpRedirect(probe, evidence: &evidence)
        let value: JSONValue = .object([
            ("https_reachable", .bool(httpsReachable)),
            ("certificate_valid", certificateValid.map(JSONValue.bool) ?? .null),
            ("http_redirects_to_https", redirects.map(JSONValue.bool) ?? .null),
            ("hsts", .bool(hsts)),
        ])
        let checks = [httpsReachable, certificateValid ?? false, redirects ?? false, hsts]
        let met = checks.filter { $0 }.count
        guard httpsReachable else {
            return Finding(.fail, value: value, evidence: evidence, reason: "no working HTTPS")
        }
        if met == checks.count { return Finding(.pass, value: value, evidence: evidence) }
        let reason = redirects == nil ? "the plain-http probe was not fetched" : nil
        return Finding(
            .partial, value: value, evidence: evidence, reason: reason,
            score: Double(met) / Double(checks.count))
    }

    private func isTLSFailure(_ error: FetchErrorClass?) -> Bool {
        error == .tlsCertificate || error == .tlsHandshake
    }

    /// Whether `http://` answered with a redirect to an https URL; nil when not probed.
    private func httpRedirect(_ probe: FetchRecord?, evidence: inout [Evidence]) -> Bool? {
        guard let probe else { return nil }
        guard let status = probe.status else {
            let error = probe.error.map(\.rawValue) ?? "no response"
            evidence.append(
                Evidence(url: probe.url, locator: FetchOutcome.fetchLocator, snippet: "plain http: \(error)"))
            return false
        }
        let location = probe.headers.value(of: "Location")
        evidence.append(
            Evidence(
                url: probe.url, locator: "header:Location",
                snippet: "HTTP \(status)" + (location.map { " Location: \($0)" } ?? "")))
        return redirectStatuses.contains(status) && (location.map(HostName.isHTTPS) ?? false)
    }
}
