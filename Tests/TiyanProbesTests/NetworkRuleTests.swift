import Testing
import TiyanCore
@testable import TiyanProbes

/// SB-01, SB-02, SB-03 and SB-11 judge fetch records rather than markup.
@Suite struct NetworkRuleTests {
    let runner: ProbeRunner
    init() throws { runner = try Fixtures.runner() }

    @Test func reachabilityIsTheSuccessRatio() throws {
        let result = try #require(
            Fixtures.result(
                runner, "SB-01",
                [
                    Fixtures.record(.home), Fixtures.record(.home, status: nil, html: nil, error: .timeout),
                ]))
        #expect(result.status == .partial)
        #expect(result.value == .number(0.5))
        #expect(result.evidence.count == 2)
    }

    @Test func aChallengeIsNotAnOutage() throws {
        let blocked = try #require(
            Fixtures.result(
                runner, "SB-01",
                [
                    Fixtures.record(
                        .home, status: 412, html: "<html><script>document.cookie='x'</script></html>", error: .challenge
                    )
                ]))
        #expect(blocked.status == .blocked)
        let mixed = try #require(
            Fixtures.result(
                runner, "SB-01",
                [
                    Fixtures.record(.home, status: 412, html: nil, error: .challenge), Fixtures.record(.home),
                ]))
        #expect(mixed.status == .pass)
        #expect(mixed.value == .number(1))
    }

    @Test func aChallengePageWithoutAnErrorClassIsStillBlocked() throws {
        let challenge = """
            <html><head><script>document.cookie="__jsl_clearance=1700000000.1|0|abc";location.href=location.pathname</script>
            </head><body></body></html>
            """
        let results = runner.evaluate(Fixtures.site([Fixtures.record(.home, status: 202, html: challenge)]))
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.indicator, $0) })
        #expect(byID["SB-01"]?.status == .blocked)
        #expect(byID["SB-05"]?.status == .blocked)
        #expect(byID["SB-05"]?.evidence.first?.locator == "fetch")
    }

    @Test func anUnreachableHomeFailsReachabilityAndMakesOthersUnreachable() throws {
        let records = [Fixtures.record(.home, status: nil, html: nil, error: .dns, errorDetail: "NXDOMAIN")]
        let results = runner.evaluate(Fixtures.site(records))
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.indicator, $0) })
        #expect(byID["SB-01"]?.status == .fail)
        #expect(byID["SB-01"]?.value == .number(0))
        for id in ["SB-05", "SB-06", "SB-07", "SB-08", "SB-09", "SB-10", "SB-12", "SB-13"] {
            #expect(byID[id]?.status == .unreachable, "\(id)")
            #expect(byID[id]?.evidence.first?.snippet.contains("dns") == true, "\(id)")
        }
        #expect(byID["SB-04"]?.status == .pass)
    }

    @Test func aBlockedHomeMakesPageIndicatorsBlocked() {
        let records = [Fixtures.record(.home, status: 412, html: nil, error: .challenge)]
        let results = runner.evaluate(Fixtures.site(records))
        for result in results where ["SB-05", "SB-07", "SB-10", "SB-12"].contains(result.indicator) {
            #expect(result.status == .blocked, "\(result.indicator)")
        }
    }

    @Test func robotsDisallowedIsUndetermined() {
        let records = [Fixtures.record(.home, status: nil, html: nil, error: .robotsDisallowed)]
        let results = runner.evaluate(Fixtures.site(records))
        for result in results where ["SB-05", "SB-10"].contains(result.indicator) {
            #expect(result.status == .undetermined, "\(result.indicator)")
        }
    }

    private let hsts = [HTTPHeader(name: "Strict-Transport-Security", value: "max-age=31536000")]
    private func redirect(_ status: Int = 301, to location: String = "https://www.example.gov.cn/") -> ExampleRecord {
        Fixtures.record(
            .httpProbe, url: "http://www.example.gov.cn/", status: status,
            headers: [HTTPHeader(name: "Location", value: location)], html: nil)
    }

    @Test func httpsPassesWithAllFourChecks() throws {
        let result = try #require(
            Fixtures.result(runner, "SB-02", [Fixtures.record(.home, headers: hsts), redirect()]))
        #expect(result.status == .pass)
        #expect(result.value["https_reachable"] == true)
        #expect(result.value["certificate_valid"] == true)
        #expect(result.value["http_redirects_to_https"] == true)
        #expect(result.value["hsts"] == true)
        #expect(result.evidence.contains { $0.locator == "header:Strict-Transport-Security" })
    }

    @Test func httpsIsPartialWithoutHSTSOrRedirect() throws {
        let noHSTS = try #require(Fixtures.result(runner, "SB-02", [Fixtures.record(.home), redirect(200)]))
        #expect(noHSTS.status == .partial)
        #expect(noHSTS.value["hsts"] == false)
        #expect(noHSTS.value["http_redirects_to_https"] == false)
        let relative = try #require(
            Fixtures.result(runner, "SB-02", [Fixtures.record(.home, headers: hsts), redirect(to: "/")]))
        #expect(relative.status == .partial)
        let zeroAge = [HTTPHeader(name: "Strict-Transport-Security", value: "max-age=0")]
        let disabled = try #require(
            Fixtures.result(runner, "SB-02", [Fixtures.record(.home, headers: zeroAge), redirect()]))
        #expect(disabled.value["hsts"] == false)
    }

    @Test func aBadCertificateFailsHTTPSButTheContentStillCounts() throws {
        let records = [
            Fixtures.record(
                .home, status: nil, html: nil, error: .tlsCertificate, errorDetail: "self-signed", tlsVerified: false),
            Fixtures.record(
                .home, html: "<html><body><div class='footer'>网站标识码：3300000001</div></body></html>",
                tlsVerified: false, unverified: true),
            redirect(),
        ]
        let results = runner.evaluate(Fixtures.site(records))
        let https = try #require(results.first { $0.indicator == "SB-02" })
        #expect(https.status == .fail)
        #expect(https.value["certificate_valid"] == false)
        #expect(https.evidence.contains { $0.snippet.contains("self-signed") })
        let reachability = try #require(results.first { $0.indicator == "SB-01" })
        #expect(reachability.status == .pass)
        let code = try #require(results.first { $0.indicator == "SB-05" })
        #expect(code.status == .pass)
        #expect(code.evidence.first?.json["unverified_tls"] == true)
    }

    @Test func plainHTTPSiteFailsHTTPS() throws {
        let result = try #require(
            Fixtures.result(
                runner, "SB-02",
                [
                    Fixtures.record(.home, url: "http://www.example.gov.cn/"),
                    Fixtures.record(.httpProbe, url: "http://www.example.gov.cn/", status: 200, html: nil),
                ]))
        #expect(result.status == .fail)
        #expect(result.value["https_reachable"] == false)
    }

    @Test func ipv6() throws {
        let pass = try #require(
            Fixtures.result(runner, "SB-03", [Fixtures.record(.home), Fixtures.record(.ipv6Probe, html: nil)]))
        #expect(pass.status == .pass)
        let fail = try #require(
            Fixtures.result(
                runner, "SB-03",
                [
                    Fixtures.record(.home), Fixtures.record(.ipv6Probe, status: nil, html: nil, error: .connect),
                ]))
        #expect(fail.status == .fail)
        #expect(fail.value == false)
        let noRoute = try #require(
            Fixtures.result(
                runner, "SB-03",
                [
                    Fixtures.record(.home),
                    Fixtures.record(.ipv6Probe, status: nil, html: nil, error: .connect, errorDetail: "no_ipv6_route"),
                ]))
        #expect(noRoute.status == .undetermined)
        let absent = try #require(Fixtures.result(runner, "SB-03", [Fixtures.record(.home)]))
        #expect(absent.status == .undetermined)
        #expect(absent.reason != nil)
    }

    @Test func deadLinksAreCountedFromHomeLinkChecks() throws {
        let records = [
            Fixtures.record(.home),
            Fixtures.record(.linkCheck, url: "https://www.example.gov.cn/a", html: nil),
            Fixtures.record(.linkCheck, url: "https://www.example.gov.cn/b", status: 404, html: nil, error: .http4xx),
            Fixtures.record(.linkCheck, url: "https://gone.example.com/", status: nil, html: nil, error: .dns),
            Fixtures.record(.linkCheck, url: "https://waf.example.com/", status: 412, html: nil, error: .challenge),
            Fixtures.record(
                .linkCheck, url: "https://www.example.gov.cn/c", status: 500, html: nil,
                discoveredFrom: "https://www.example.gov.cn/other.html"),
        ]
        let result = try #require(Fixtures.result(runner, "SB-11", records))
        #expect(result.status == .fail)
        #expect(result.value == .object([("checked", 3), ("dead", 2), ("dead_ratio", .number(2.0 / 3.0))]))
        #expect(result.evidence.map(\.url).contains("https://gone.example.com/"))
        #expect(!result.evidence.map(\.url).contains("https://www.example.gov.cn/c"))
        let none = try #require(Fixtures.result(runner, "SB-11", [Fixtures.record(.home)]))
        #expect(none.status == .undetermined)
    }
}
