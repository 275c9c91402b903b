import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

/// A portal whose home page failed: nothing beyond it could be looked for, so every indicator
/// that needs a page says so with one status (SPEC: unreachable; blocked behind a challenge),
/// never "no such page" (not_applicable) and never a guess (undetermined).
@Suite struct DeadSiteTests {
    /// Indicators decided from the crawl's own fetches of the home page, not from pages.
    static let fetchJudged: Set<String> = ["SB-01", "SB-02", "SB-03", "SB-04"]

    @Test(arguments: [
        (FetchErrorClass.connect, Status.unreachable), (.dns, .unreachable), (.timeout, .unreachable),
        (.http5xx, .unreachable), (.challenge, .blocked),
    ])
    func everyPageIndicatorOfADeadSiteSaysWhy(_ error: FetchErrorClass, _ expected: Status) throws {
        let status: Int? = error == .http5xx ? 503 : error == .challenge ? 412 : nil
        let html: String? = error == .challenge ? "<html><script>document.cookie='x=1';location.reload()</script></html>" : nil
        let site = Fixtures.site([Fixtures.record(.home, status: status, html: html, error: error)])
        let results = try Fixtures.runner().evaluate(site)
        let offending = results.filter { !Self.fetchJudged.contains($0.indicator) && $0.status != expected }
        #expect(offending.isEmpty, "\(offending.map { "\($0.indicator)=\($0.status.rawValue): \($0.reason ?? "")" }.prefix(40))")
        let lookedFor = try #require(results.first { $0.indicator == "LG-01" })
        #expect(lookedFor.reason?.contains("home page") == true)
    }
}
