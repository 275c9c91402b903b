import Foundation
import TiyanCore
import TiyanReport
import TiyanScoring

/// A small fixed run: two targets, one with hostile page content (script tags, attribute
/// break-outs, a `javascript:` link) and one that could not be measured at all.
enum ReportFixture {
    static let modules = ["basics", "privacy", "search"]

    static let targets = [
        Target(id: "zj", name: "浙江政务服务网", region: "330000", url: "https://www.zjzwfw.gov.cn/"),
        Target(id: "evil", name: "Evil \"Portal\", <b>Inc</b>", region: "990000", url: "javascript:alert(1)"),
    ]

    static let hostileSnippet = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"

    static let results = [
        IndicatorResult(
            target: "zj", indicator: "SB-01", module: "basics", status: .pass, value: .number(1),
            evidence: [Evidence(url: "https://www.zjzwfw.gov.cn/", locator: "http:status", snippet: "200")]),
        IndicatorResult(
            target: "zj", indicator: "SB-05", module: "basics", status: .fail, value: false,
            evidence: [Evidence(url: "https://www.zjzwfw.gov.cn/", locator: "//footer", snippet: "主办单位：浙江省人民政府办公厅",
                                extra: [("match", "主办单位")])]),
        IndicatorResult(
            target: "zj", indicator: "PR-06", module: "privacy", status: .partial,
            value: .object([("present", .array(["contact", "purposes"])), ("coverage", 0.75)]), score: 0.75,
            confidence: .medium,
            evidence: [Evidence(url: "https://www.zjzwfw.gov.cn/privacy.html", locator: "/html/body/p[3]",
                                snippet: "我们的联系方式：0571-12345", extra: [("element", "contact")])]),
        IndicatorResult(
            target: "zj", indicator: "SR-02", module: "search", status: .blocked, reason: "challenge on search_results"),
        IndicatorResult(
            target: "evil", indicator: "SB-01", module: "basics", status: .unreachable, value: "<b>x</b>",
            evidence: [
                Evidence(url: "javascript:alert(3)", locator: "//a[@onclick=\"x\"]", snippet: hostileSnippet,
                         extra: [("unverified_tls", true), ("note", "<i>'quoted'</i>")]),
                Evidence(url: " JaVaScRiPt:alert(4)", locator: "", snippet: ""),
            ],
            reason: "connect failed: <svg onload=alert(5)>"),
        IndicatorResult(target: "evil", indicator: "PR-01", module: "privacy", status: .notApplicable),
        // A failure shows its value and evidence in full: the same hostile strings, where they are rendered.
        IndicatorResult(
            target: "evil", indicator: "SB-09", module: "basics", status: .fail, value: "<b>x</b>",
            evidence: [
                Evidence(url: "javascript:alert(3)", locator: "//a[@onclick=\"x\"]", snippet: hostileSnippet,
                         extra: [("unverified_tls", true), ("note", "<i>'quoted'</i>")]),
                Evidence(url: " JaVaScRiPt:alert(4)", locator: "", snippet: ""),
            ]),
    ]

    static let pages = [
        PageLine(target: "zj", role: "home", url: "http://www.zjzwfw.gov.cn/", finalURL: "https://www.zjzwfw.gov.cn/",
                 redirects: ["http://www.zjzwfw.gov.cn/"], status: 200, contentType: "text/html; charset=GBK",
                 charset: "GB18030", charsetSource: "header", bytes: 51234, milliseconds: 312, warcOffset: 1024),
        PageLine(target: "zj", role: "privacy", url: "https://www.zjzwfw.gov.cn/privacy.html",
                 finalURL: "https://www.zjzwfw.gov.cn/privacy.html", status: 200, contentType: "text/html",
                 charset: "UTF-8", charsetSource: "meta", bytes: 8000, milliseconds: 95, configured: true,
                 warcOffset: 60000, unverifiedTLS: true),
        PageLine(target: "evil", role: "home", url: "javascript:alert(6)", finalURL: "javascript:alert(6)",
                 error: "connect"),
    ]

    static let startedAt = Date(timeIntervalSince1970: 1_795_399_200)  // 2026-11-23T02:00:00Z
    static let finishedAt = Date(timeIntervalSince1970: 1_795_399_200 + 754.6)

    /// Fixed scoring rules (not probes/scoring.yaml, which changes as the rules are tuned): equal
    /// weights and the grade bands the report goldens were recorded with, plus a veto, two
    /// dimensions and an item so that every column of scores.csv shows.
    static let scorer = Scorer(rules: ScoringRules(
        algorithmVersion: "0.1",
        modules: [ModuleRules(name: "basics", weight: 1), ModuleRules(name: "privacy", weight: 1)],
        grades: GradeBands(bands: [.init(grade: "A+", floor: 90), .init(grade: "A", floor: 80),
                                   .init(grade: "B", floor: 70), .init(grade: "C", floor: 60)], lowest: "D"),
        vetoes: [Veto(indicator: "SB-01", statuses: ["fail"], cap: 0, reason: "unreachable")],
        dimensions: [Assessment(name: "可用", members: [Assessment.Member(pattern: IndicatorPattern("SB-*"))]),
                     Assessment(name: "敢用", members: [Assessment.Member(pattern: IndicatorPattern("PR-*"))])],
        items: [Assessment(name: "查询精准度", members: [Assessment.Member(pattern: IndicatorPattern("SR-*"))])]))

    static var scores: [TargetScore] {
        scorer.score(results: results, targets: targets, modules: modules)
    }

    static var manifest: RunManifest {
        RunManifest(
            runID: RunID.make(startedAt: startedAt), startedAt: startedAt, finishedAt: finishedAt,
            toolVersion: "0.0.0-test", algorithmVersion: scorer.algorithmVersion,
            targetsSHA256: String(repeating: "a", count: 64), probesSHA256: String(repeating: "b", count: 64),
            options: [("targets", "targets.yaml"), ("user_agent", "<desktop>")],
            countsByStatus: [.pass: 1, .fail: 1, .partial: 1, .blocked: 1, .unreachable: 1, .notApplicable: 1],
            targetCount: targets.count, pageCount: pages.count, archiveSHA256: String(repeating: "c", count: 64))
    }

    /// As scoring would give them; evil has none (no chart).
    static let dimensions: [String: [HTMLReportInput.DimensionScore]] = [
        "zj": [("可用 usable", 92.5), ("管用 effective", 61), ("好用 easy", 35.4), ("爱用 liked", nil), ("敢用 trusted", 0)],
    ]

    static var htmlInput: HTMLReportInput {
        HTMLReportInput(manifest: manifest, targets: targets, scores: scores, modules: modules,
                        results: results, pages: pages, dimensions: dimensions)
    }
}
