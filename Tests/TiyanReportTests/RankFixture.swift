import TiyanCore
import TiyanReport
import TiyanScoring

/// Two fixed runs a day apart, scored by fixed weighted rules and round-tripped through
/// scores.csv and results.jsonl as `tiyan rank` and `tiyan diff` read them: ties, a veto, an
/// unmeasured target, a target added and one dropped.
enum RankFixture {
    /// Weighted rules: SB-01 counts three times within basics, basics twice in the total.
    static let scorer = Scorer(rules: ScoringRules(
        algorithmVersion: "9.9-test",
        modules: [ModuleRules(name: "basics", weight: 2,
                              indicators: [IndicatorWeight(pattern: IndicatorPattern("SB-01"), weight: 3)]),
                  ModuleRules(name: "privacy", weight: 1)],
        grades: GradeBands(bands: [.init(grade: "A", floor: 80), .init(grade: "B", floor: 60)], lowest: "C"),
        vetoes: [Veto(indicator: "SB-01", statuses: ["fail"], cap: 0, reason: "unreachable")],
        dimensions: ReportFixture.scorer.rules.dimensions, items: ReportFixture.scorer.rules.items,
        coverage: CoverageRule(minimum: 50, homeIndicator: "SB-01")))

    static let earlierRun = RunFolder(path: "reports/20261122T020000Z", runID: "20261122T020000Z",
                                      startedAt: "2026-11-22T02:00:00Z", algorithmVersion: "9.9-test")
    static let laterRun = RunFolder(path: "reports/20261123T020000Z", runID: "20261123T020000Z",
                                    startedAt: "2026-11-23T02:00:00Z", algorithmVersion: "9.9-test")

    static func target(_ id: String, _ name: String, _ region: String) -> Target {
        Target(id: id, name: name, region: region, url: "https://\(id).gov.cn/")
    }

    static let earlierTargets = [target("zj", "浙江政务服务网", "330000"), target("sh", "上海 \"一网通办\"", "310000"),
                                 target("gd", "广东政务服务网", "440000"), target("bj", "北京|首都之窗", "110000"),
                                 target("xz", "西藏政务服务网", "540000")]
    static let laterTargets = [target("zj", "浙江政务服务网", "330000"), target("sh", "上海 \"一网通办\"", "310000"),
                               target("gd", "广东政务服务网", "440000"), target("hi", "海南政务服务网", "460000"),
                               target("xz", "西藏政务服务网", "540000")]

    static func r(_ target: String, _ indicator: String, _ status: Status, score: Double? = nil,
                  value: JSONValue = .null) -> IndicatorResult {
        let module = ["SB": "basics", "PR": "privacy", "SR": "search"][String(indicator.prefix(2))] ?? "other"
        return IndicatorResult(target: target, indicator: indicator, module: module, status: status, value: value,
                               score: score)
    }

    static func coverage(_ present: [String]) -> JSONValue {
        .object([("present", .array(present.map(JSONValue.string))), ("coverage", 0.75)])
    }

    static let earlierResults = [
        r("zj", "SB-01", .pass), r("zj", "SB-05", .fail, value: false),
        r("zj", "PR-06", .partial, score: 0.75, value: coverage(["contact", "purposes", "retention"])),
        r("zj", "SR-02", .pass),
        r("sh", "SB-01", .pass), r("sh", "SB-05", .pass, value: "1304000009"), r("sh", "PR-06", .pass), r("sh", "SR-02", .pass),
        r("gd", "SB-01", .pass), r("gd", "SB-05", .fail), r("gd", "PR-06", .fail), r("gd", "SR-02", .blocked),
        r("bj", "SB-01", .pass), r("bj", "PR-06", .pass),
        r("xz", "SB-01", .blocked), r("xz", "PR-06", .blocked),
    ]

    static let laterResults = [
        r("zj", "SB-01", .pass), r("zj", "SB-05", .pass, value: "3300000001"),
        r("zj", "PR-06", .partial, score: 0.75, value: coverage(["contact", "purposes", "sharing"])),
        r("zj", "SR-02", .pass),
        r("sh", "SB-01", .pass), r("sh", "SB-05", .fail, value: false), r("sh", "PR-06", .pass), r("sh", "SR-02", .fail),
        r("gd", "SB-01", .pass), r("gd", "SB-05", .fail), r("gd", "PR-06", .pass), r("gd", "SR-02", .fail),
        r("hi", "SB-01", .fail), r("hi", "PR-06", .pass),
        r("xz", "SB-01", .blocked), r("xz", "PR-06", .blocked),
    ]

    static func scoresCSV(_ results: [IndicatorResult], targets: [Target]) -> String {
        let scores = scorer.score(results: results, targets: targets, modules: ReportFixture.modules)
        return ScoresFile.render(targets: targets, scores: scores, modules: ReportFixture.modules,
                                 algorithmVersion: scorer.algorithmVersion)
    }

    static func table(earlier: Bool) throws -> ScoreTable {
        try earlier ? ScoreTable.parse(scoresCSV(earlierResults, targets: earlierTargets))
            : ScoreTable.parse(scoresCSV(laterResults, targets: laterTargets))
    }

    static func league(by grouping: LeagueTable.Grouping, twoRuns: Bool) throws -> LeagueTable {
        LeagueTable.make(latest: laterRun, scores: try table(earlier: false),
                         earlier: twoRuns ? (run: earlierRun, scores: try table(earlier: true)) : nil, by: grouping)
    }

    /// results.jsonl text parsed back, as `tiyan diff` reads it.
    static func lines(_ results: [IndicatorResult]) throws -> [ResultLine] {
        try ResultsFile.render(results).split(separator: "\n").map { line in
            let value = try JSONValue.parse(String(line))
            return ResultLine(target: value["target"]?.stringValue ?? "", indicator: value["indicator"]?.stringValue ?? "",
                              module: value["module"]?.stringValue ?? "", status: value["status"]?.stringValue ?? "",
                              value: value["value"] ?? .null, score: value["score"]?.doubleValue)
        }
    }

    static func diff() throws -> RunDiff {
        let names = Dictionary((earlierTargets + laterTargets).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return RunDiff.compare(before: earlierRun, try lines(earlierResults), after: laterRun, try lines(laterResults),
                               names: names)
    }
}
