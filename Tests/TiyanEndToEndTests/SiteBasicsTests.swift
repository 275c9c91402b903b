import Foundation
import Testing

/// Every site-basics indicator has a fixture portal that passes it and one that fails it, decided
/// from what the crawl really fetched over loopback.
@Suite struct SiteBasicsTests {
    static let cases: [(indicator: String, passing: String, failing: String)] = [
        ("SB-01", "jia", "loop"), ("SB-02", "bing", "yi"), ("SB-04", "jia", "yi"), ("SB-05", "jia", "yi"),
        ("SB-06", "jia", "yi"), ("SB-07", "jia", "yi"), ("SB-08", "jia", "yi"), ("SB-09", "jia", "yi"),
        ("SB-10", "jia", "yi"), ("SB-11", "jia", "yi"), ("SB-12", "jia", "yi"), ("SB-13", "jia", "yi"),
    ]

    @Test(arguments: cases.map(\.indicator))
    func passingAndFailingFixtures(indicator: String) async throws {
        let run = try await FixtureRun.shared.value
        let entry = try #require(Self.cases.first { $0.indicator == indicator })
        let passing = try run.result(entry.passing, indicator)
        let failing = try run.result(entry.failing, indicator)
        #expect(passing["status"]?.stringValue == "pass", "\(entry.passing): \(passing.serialized().prefix(600))")
        #expect(failing["status"]?.stringValue == "fail", "\(entry.failing): \(failing.serialized().prefix(600))")
        for result in [passing, failing] {
            let evidence = result["evidence"]?.arrayValue?.count ?? 0
            #expect(evidence > 0, "\(indicator) has no evidence")
        }
    }

    @Test func bingPassesEveryBasicFromItsScriptBuiltHeaderAndHTTPS() async throws {
        let run = try await FixtureRun.shared.value
        let value = try run.result("bing", "SB-02")["value"]
        #expect(value?["hsts"]?.boolValue == true)
        #expect(value?["http_redirects_to_https"]?.boolValue == true)
    }

    /// Behind --connect-to the addresses are fixed, so IPv6 says nothing about the site.
    @Test func ipv6IsUndeterminedBehindConnectTo() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try run.status("jia", "SB-03") == "undetermined")
    }
}
