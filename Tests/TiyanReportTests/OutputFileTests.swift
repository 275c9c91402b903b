import Foundation
import Testing
import TiyanCore
import TiyanReport
import TiyanScoring

@Suite struct OutputFileTests {
    @Test func resultsAreOneJSONObjectPerLineInTheGivenOrder() throws {
        let text = ResultsFile.render(ReportFixture.results)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == ReportFixture.results.count)
        let parsed = try lines.map { try JSONValue.parse(String($0)) }
        let indicators: [String?] = ReportFixture.results.map { $0.indicator }
        #expect(parsed.map { $0["indicator"]?.stringValue } == indicators)
        #expect(ResultsFile.render([]) == "")
    }

    @Test func pageLinesUseTheSpecFieldNames() throws {
        let text = PagesFile.render(ReportFixture.pages)
        let first = try #require(text.split(separator: "\n").first)
        let keys = ["target", "role", "url", "final_url", "redirects", "status", "content_type", "charset",
                    "charset_source", "bytes", "ms", "error", "configured", "warc_offset", "unverified_tls"]
        let prefix = keys.map { "\"\($0)\":" }
        var rest = Substring(first)
        for key in prefix {
            let range = try #require(rest.range(of: key), "\(key) missing or out of order")
            rest = rest[range.upperBound...]
        }
        let failed = try JSONValue.parse(String(text.split(separator: "\n")[2]))
        #expect(failed["status"] == .null)
        #expect(failed["error"]?.stringValue == "connect")
        #expect(failed["warc_offset"] == .null)
    }

    @Test func pageLineFromAFetchRecord() {
        let record = FetchRecord(
            target: "zj", role: .homeMobile, url: "http://a.gov.cn/", finalURL: "https://a.gov.cn/m/",
            redirects: ["http://a.gov.cn/"], status: 200, headers: [HTTPHeader(name: "content-type", value: "text/html")],
            body: Data(repeating: 65, count: 10), elapsedMilliseconds: 42, configured: true,
            fetchedWithoutVerification: true, warcOffset: 7)
        let line = PageLine(record: record, charset: "UTF-8", charsetSource: "default")
        #expect(line.role == "home_mobile")
        #expect(line.bytes == 10 && line.milliseconds == 42 && line.warcOffset == 7)
        #expect(line.contentType == "text/html" && line.unverifiedTLS && line.configured)
        #expect(line.error == nil)
        let failed = PageLine(record: FetchRecord(target: "zj", role: .home, url: "https://x.gov.cn/", error: .tlsHandshake),
                              charset: nil, charsetSource: nil)
        #expect(failed.error == "tls_handshake" && failed.status == nil && failed.finalURL == "https://x.gov.cn/")
    }

    @Test func scoresCSVQuotesFieldsThatNeedItAndLeavesUnscoredEmpty() {
        let targets = [Target(id: "a", name: "甲, \"乙\"\n丙", region: "110000", url: "https://a.gov.cn/"),
                       Target(id: "b", name: "B", region: "120000", url: "https://b.gov.cn/")]
        let scores = [TargetScore(targetID: "a", moduleScores: [("basics", 66.666), ("privacy", nil)], total: 66.666,
                                  grade: "C", coverage: ["basics": 100, "privacy": 20, "total": 50],
                                  withheld: [Withheld(column: "privacy", reason: "20% measured (minimum 50%)")])]
        let csv = ScoresFile.render(targets: targets, scores: scores, modules: ["basics", "privacy"],
                                    algorithmVersion: "2.0")
        #expect(csv == """
            id,name,region,basics,privacy,total,grade,coverage:basics,coverage:privacy,coverage:total,not_rankable,veto,algorithm_version
            a,"甲, ""乙""
            丙",110000,66.7,,66.7,C,100.0,20.0,50.0,privacy: 20% measured (minimum 50%),,2.0
            b,B,120000,,,,,,,,,,2.0

            """)
    }

    @Test func runIDsAreUTCBasicTimestamps() {
        let date = Date(timeIntervalSince1970: 1_795_399_200.9)
        #expect(RunID.make(startedAt: date) == "20261123T020000Z")
        #expect(RunID.make(startedAt: date, shard: (index: 1, count: 4)) == "20261123T020000Z-shard1-of-4")
    }

    @Test func manifestIsDeterministicJSONWithEveryStatusCounted() throws {
        let text = ReportFixture.manifest.render()
        #expect(text == ReportFixture.manifest.render())
        let parsed = try JSONValue.parse(text)
        #expect(parsed["run_id"]?.stringValue == "20261123T020000Z")
        #expect(parsed["started_at"]?.stringValue == "2026-11-23T02:00:00Z")
        #expect(parsed["finished_at"]?.stringValue == "2026-11-23T02:12:34Z")
        #expect(parsed["algorithm_version"]?.stringValue == ReportFixture.scorer.algorithmVersion)
        let counts = try #require(parsed["counts_by_status"])
        for status in Status.allCases { #expect(counts[status.rawValue] != nil, "\(status)") }
        #expect(counts["error"]?.doubleValue == 0)
        let order = Status.allCases.map { text.range(of: "\"\($0.rawValue)\":")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }
}
