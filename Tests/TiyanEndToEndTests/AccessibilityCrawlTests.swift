import Foundation
import Testing
import TiyanCore

/// In a crawl the ACT rules run per page role and land in results.jsonl as
/// `ACT-<rule>-<role>`, module accessibility, with counts, weight and the failed elements.
@Suite struct AccessibilityCrawlTests {
    @Test func jiaHomeReportsEveryACTRuleWithFailuresAsEvidence() async throws {
        let run = try await FixtureRun.shared.value
        let lines = try run.jsonLines("results.jsonl").filter {
            $0["target"]?.stringValue == "jia" && $0["indicator"]?.stringValue?.hasPrefix("ACT-") == true
        }
        let home = lines.filter { $0["indicator"]?.stringValue?.hasSuffix("-home") == true }
        #expect(home.count >= 24, "one line per ACT rule for the home page")
        #expect(home.allSatisfy { $0["module"]?.stringValue == "accessibility" })
        // The jia home page has a jump-menu <select> with no label.
        let formField = try run.result("jia", "ACT-e086e5-home")
        #expect(formField["status"]?.stringValue == "fail", "\(formField.serialized().prefix(600))")
        #expect(formField["value"]?["outcome"]?.stringValue == "failed")
        #expect((formField["value"]?["failed"]?.doubleValue ?? 0) >= 1)
        #expect((formField["value"]?["weight"]?.doubleValue ?? 0) > 0)
        let evidence = try #require(formField["evidence"]?.arrayValue?.first)
        #expect(evidence["locator"]?.stringValue?.hasSuffix("select") == true)
        #expect(evidence["reason"]?.stringValue?.isEmpty == false)
        // Every judged role has its own line.
        for role in ["home_mobile", "elder", "login"] {
            #expect(lines.contains { $0["indicator"]?.stringValue == "ACT-e086e5-\(role)" }, "no \(role) line")
        }
    }
}
