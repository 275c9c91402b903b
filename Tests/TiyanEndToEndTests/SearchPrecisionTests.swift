import Foundation
import Testing
import TiyanCore
import TiyanTestSupport

/// M5 against the search fixture portals (SearchFixtures), crawled with the small query set
/// Tests/Fixtures/search/queries.yaml: Q1 公积金提取 (typo 公积金题取, pinyin gongjijin, colloquial
/// 取公积金), Q2 居住证 (typo 居住正, english residence permit), Q3 结婚登记 (colloquial 领结婚证),
/// Q4 护照. Relevant = title contains gold/synonym and link matches bszn|guide|…
///
/// Hand computation (S = service guide under /bszn/, N = news under /art/):
/// 丑 chou, news first: Q1 → [N 公积金提取新政解读, N 住房公积金提取业务暂停公告, S 住房公积金提取]
///   (rank 3: RR 1/3, P@5 1/5); Q2 → [N 关于居住证办理延时服务的通知, S 居住证办理] (RR 1/2, P@5 1/5);
///   Q3 → [S 结婚登记] (RR 1, P@5 1/5); Q4 → nothing.
///   SR-03 = 3/4 = 0.75; Hit@1 = 1/4 = 0.25; P@5 = (0.2+0.2+0.2+0)/4 = 0.15;
///   MRR = (1/3 + 1/2 + 1 + 0)/4 = 11/24 ≈ 0.4583. Variants: typo → nothing, gongjijin and 取公积金
///   are aliases of the service (first ✓), 居住正 → nothing, residence permit and 领结婚证 → aliases
///   (first ✓): SR-05 = 4/6 ≈ 0.6667. SR-06: 热门搜索 + category tabs = 2 aids.
/// 壬 ren, exact title match, services first: Q1 → [S, N, N], Q2 → [S, N], Q3 → [S], Q4 → nothing.
///   SR-03 = 0.75; Hit@1 = 3/4 = 0.75; P@5 = 0.15; MRR = 3/4 = 0.75. No variant matches a title:
///   SR-05 = 0/6 = 0. SR-06: no aids = 0.
/// 寅 yin, JSON API (targets.yaml), services first, aliases and one-character typos: Q1 → [S 住房公积金提取,
///   S 住房公积金提取（离职）, N, N] (P@5 2/5); Q2 → [S, N]; Q3 → [S]; Q4 → [S 普通护照签发].
///   SR-03 = 4/4 = 1; Hit@1 = 1; P@5 = (0.4+0.2+0.2+0.2)/4 = 0.25; MRR = 1. Every variant finds the
///   service first: SR-05 = 6/6 = 1. SR-06: hotWords + suggest = 2 aids.
/// 癸 gui posts its form, 子 zi signs it (searchsign): SR-01 passes (a search exists), SR-02…SR-07
///   are undetermined with that reason and no query is sent.
@Suite(.serialized) struct SearchPrecisionTests {
    struct Run: Sendable {
        let results: [JSONValue]
        let pages: [JSONValue]
        let requests: [FixtureRequest]
        let stderr: String
    }

    static let run = Task<Run, Error> {
        let portals = FixturePortals()
        let server = try await FixtureServer.start { portals.respond(to: $0) }
        let workspace = NSTemporaryDirectory() + "tiyan-search-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        let ids = ["chou", "ren", "yin", "gui", "zi"]
        try FixturePortals.targetsYAML(ids: ids).write(toFile: workspace + "/targets.yaml", atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.run([
            "crawl", "--render", "never", "--targets", workspace + "/targets.yaml", "--probes", TiyanProcess.repositoryRoot + "/probes",
            "--out", workspace + "/reports", "--queries", TiyanProcess.repositoryRoot + "/Tests/Fixtures/search/queries.yaml",
            "--connect-to", "::127.0.0.1:\(server.port)", "--delay-ms", "0", "--timeout", "3",
        ])
        let requests = server.requests
        try await server.shutdown()
        let directory = outcome.lastLine
        func lines(_ name: String) throws -> [JSONValue] {
            let text = (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? ""
            return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        }
        return Run(results: try lines("results.jsonl"), pages: try lines("pages.jsonl"), requests: requests,
                   stderr: String(outcome.stderr.suffix(3000)))
    }

    func result(_ target: String, _ indicator: String) async throws -> JSONValue {
        let run = try await Self.run.value
        return try #require(run.results.first {
            $0["target"]?.stringValue == target && $0["indicator"]?.stringValue == indicator
        }, "no \(indicator) for \(target); stderr: \(run.stderr)")
    }

    func number(_ value: JSONValue?) -> Double { value?.doubleValue ?? .nan }

    @Test func findsTheSearchOfEachPortal() async throws {
        let chou = try await result("chou", "SR-01")
        #expect(chou["status"]?.stringValue == "pass")
        #expect(chou["value"]?["template"]?.stringValue
                == "http://www.chouzwfw.gov.cn/jsearchfront/search.do?websiteid=610000000000000&pg=1&q={query}")
        let ren = try await result("ren", "SR-01")
        #expect(ren["value"]?["template"]?.stringValue
                == "http://www.renzwfw.gov.cn/was5/web/search?channelid=200001&searchword={query}")
        #expect(ren["value"]?["source"]?.stringValue == "script")
        #expect(try await result("yin", "SR-01")["value"]?["source"]?.stringValue == "targets.yaml")
        for target in ["gui", "zi"] {
            let found = try await result(target, "SR-01")
            #expect(found["status"]?.stringValue == "pass")
            #expect(found["value"]?["replayable"]?.boolValue == false)
        }
    }

    @Test func newsOutrankingTheServiceLowersHitAtOne() async throws {
        #expect(try await result("chou", "SR-02")["status"]?.stringValue == "pass")
        let rate = try await result("chou", "SR-03")
        #expect(rate["status"]?.stringValue == "fail")
        #expect(abs(number(rate["value"]) - 0.75) < 1e-9)
        let ranking = try await result("chou", "SR-04")
        #expect(ranking["status"]?.stringValue == "fail")
        #expect(abs(number(ranking["value"]?["hit_at_1"]) - 0.25) < 1e-9)
        #expect(abs(number(ranking["value"]?["precision_at_5"]) - 0.15) < 1e-9)
        #expect(abs(number(ranking["value"]?["mrr"]) - 11.0 / 24.0) < 1e-6)
        #expect(number(ranking["value"]?["queries"]) == 4)
        // The first result of the first query is the news item, and the evidence says so.
        let first = ranking["evidence"]?.arrayValue?.first { $0["query"]?.stringValue == "公积金提取" }
        let top = first?["results"]?.arrayValue?.first
        #expect(top?["type"]?.stringValue == "news" && top?["relevant"]?.boolValue == false)
        let tolerance = try await result("chou", "SR-05")
        #expect(abs(number(tolerance["value"]?["ratio"]) - 4.0 / 6.0) < 1e-6 && tolerance["status"]?.stringValue == "pass")
        #expect(abs(number(tolerance["value"]?["by_kind"]?["typo"]) - 0) < 1e-9)
        #expect(number(tolerance["value"]?["by_kind"]?["pinyin"]) == 1)
        let aids = try await result("chou", "SR-06")
        #expect(number(aids["value"]?["count"]) == 2 && aids["status"]?.stringValue == "pass")
        #expect(aids["value"]?["hot_words"]?.boolValue == true && aids["value"]?["category_tabs"]?.boolValue == true)
    }

    @Test func anEngineWithoutToleranceFailsTheVariants() async throws {
        let ranking = try await result("ren", "SR-04")
        #expect(ranking["status"]?.stringValue == "pass")
        #expect(abs(number(ranking["value"]?["hit_at_1"]) - 0.75) < 1e-9)
        #expect(abs(number(ranking["value"]?["precision_at_5"]) - 0.15) < 1e-9)
        #expect(abs(number(ranking["value"]?["mrr"]) - 0.75) < 1e-9)
        let tolerance = try await result("ren", "SR-05")
        #expect(tolerance["status"]?.stringValue == "fail")
        #expect(number(tolerance["value"]?["ratio"]) == 0 && number(tolerance["value"]?["variants"]) == 6)
        let aids = try await result("ren", "SR-06")
        #expect(aids["status"]?.stringValue == "fail" && number(aids["value"]?["count"]) == 0)
    }

    @Test func theConfiguredJSONAPIIsJudged() async throws {
        #expect(try await result("yin", "SR-02")["status"]?.stringValue == "pass")
        let rate = try await result("yin", "SR-03")
        #expect(rate["status"]?.stringValue == "pass" && number(rate["value"]) == 1)
        let ranking = try await result("yin", "SR-04")
        #expect(ranking["status"]?.stringValue == "pass")
        #expect(number(ranking["value"]?["hit_at_1"]) == 1 && number(ranking["value"]?["mrr"]) == 1)
        #expect(abs(number(ranking["value"]?["precision_at_5"]) - 0.25) < 1e-9)
        let tolerance = try await result("yin", "SR-05")
        #expect(tolerance["status"]?.stringValue == "pass" && number(tolerance["value"]?["ratio"]) == 1)
        #expect(try await result("yin", "SR-06")["status"]?.stringValue == "pass")
        let time = try await result("yin", "SR-07")
        #expect(time["status"]?.stringValue == "pass" && number(time["value"]) >= 0 && number(time["value"]) < 3000)
    }

    @Test func postingAndSignedSearchesAreUndetermined() async throws {
        let run = try await Self.run.value
        for target in ["gui", "zi"] {
            for indicator in ["SR-02", "SR-03", "SR-04", "SR-05", "SR-06", "SR-07"] {
                let judged = try await result(target, indicator)
                #expect(judged["status"]?.stringValue == "undetermined", "\(target) \(indicator)")
            }
        }
        #expect(try await result("gui", "SR-04")["reason"]?.stringValue?.contains("posts") == true)
        #expect(try await result("zi", "SR-04")["reason"]?.stringValue?.contains("searchsign") == true)
        #expect(!run.requests.contains { $0.path.hasPrefix("/search/result") })
    }

    @Test func everyQueryIsArchivedAsSearchResults() async throws {
        let run = try await Self.run.value
        for (target, host) in [("chou", "www.chouzwfw.gov.cn"), ("ren", "www.renzwfw.gov.cn"), ("yin", "www.yinzwfw.gov.cn")] {
            let searches = run.pages.filter { $0["target"]?.stringValue == target && $0["role"]?.stringValue == "search_results" }
            #expect(searches.count == 11, "\(target)")  // ten queries and the nonsense baseline
            #expect(run.requests.filter { $0.host == host && ($0.path.contains("search")) && $0.path.contains("=") }.count >= 10)
        }
        let yin = run.pages.filter { $0["target"]?.stringValue == "yin" && $0["role"]?.stringValue == "search_results" }
        #expect(yin.allSatisfy { $0["configured"]?.boolValue == true && $0["error"] == .null })
    }

    /// The shared run crawls with the default query set: 甲省's robots.txt forbids its search, so
    /// one refused query is recorded and the other 119 are not attempted.
    @Test func aSearchRobotsForbidsIsAskedOnce() async throws {
        let run = try await FixtureRun.shared.value
        let searches = try run.pages("jia", role: "search_results")
        #expect(searches.count == 1 && searches.first?["error"]?.stringValue == "robots_disallowed")
        #expect(try run.status("jia", "SR-04") == "undetermined")
        #expect(try run.status("jia", "SR-01") == "pass")
        #expect(try run.pages("chou", role: "search_results").count == 101)
    }

    /// A bad --queries file stops the run before any fetch, naming the file, line and field.
    @Test func aBadQueryFileIsAConfigurationError() async throws {
        let workspace = NSTemporaryDirectory() + "tiyan-queries-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        try FixturePortals.targetsYAML(ids: ["chou"]).write(toFile: workspace + "/targets.yaml", atomically: true, encoding: .utf8)
        try "version: 1\nrelevant_link: bszn\nqueries:\n  - q: 护照\n    gold: 普通护照签发\n    varients: {typo: 户照}\n"
            .write(toFile: workspace + "/q.yaml", atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.run([
            "crawl", "--render", "never", "--targets", workspace + "/targets.yaml", "--probes", TiyanProcess.repositoryRoot + "/probes",
            "--out", workspace + "/reports", "--queries", workspace + "/q.yaml", "--connect-to", "::127.0.0.1:9",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("q.yaml:6") && outcome.stderr.contains("queries[0].varients"), "\(outcome.stderr)")
    }
}
