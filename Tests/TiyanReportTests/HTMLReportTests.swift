import Foundation
import Testing
@testable import TiyanReport
import TiyanCore

@Suite struct HTMLReportTests {
    private let html = HTMLReport.render(ReportFixture.htmlInput)

    @Test func escapeHTMLEscapesTheFiveSpecialCharacters() {
        #expect(escapeHTML("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(escapeHTML("浙江 政务") == "浙江 政务")
    }

    @Test func onlyHTTPURLsBecomeLinks() {
        #expect(linkTarget("https://a.gov.cn/?q=1&r=\"2\"") == "https://a.gov.cn/?q=1&amp;r=&quot;2&quot;")
        #expect(linkTarget("HTTP://A.GOV.CN/") == "HTTP://A.GOV.CN/")
        for hostile in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "\u{1}javascript:x", "data:text/html,x",
                        "vbscript:x", "//evil.example/", "/relative"] {
            #expect(linkTarget(hostile) == nil, "\(hostile)")
        }
    }

    @Test func hostilePageContentNeverAppearsAsMarkup() {
        for raw in ["<script>alert", "<img src=x onerror", "<svg onload", "<b>Inc</b>", "<b>x</b>", "<i>'quoted'</i>",
                    "\"><img"] {
            #expect(!html.contains(raw), "\(raw) unescaped")
        }
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(!html.lowercased().contains("href=\" javascript:"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("Evil &quot;Portal&quot;, &lt;b&gt;Inc&lt;/b&gt;"))
    }

    @Test func isSelfContained() {
        #expect(!html.contains("<link"))
        #expect(!html.contains("<img") && !html.contains("<iframe") && !html.contains("<object"))
        #expect(!html.contains("@import"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func showsEveryTargetIndicatorAndPage() {
        #expect(html.contains("id=\"target-zj\"") && html.contains("id=\"target-evil\""))
        #expect(html.contains("href=\"#target-zj\""))
        for result in ReportFixture.results {
            #expect(html.contains("id=\"\(result.target)-\(result.indicator)\""), "stable anchor of \(result.indicator)")
        }
        // Fails and partials first, with name, source, what a pass needs and the fix; the rest collapsed.
        let zj = html.components(separatedBy: "id=\"target-zj\"").last ?? ""
        let failing = zj.range(of: "Fails and partials")?.lowerBound, passes = zj.range(of: "<summary>Passes")?.lowerBound
        #expect(failing != nil && passes != nil && failing! < passes!)
        #expect(!zj.contains("<details class=\"group\" id=\"zj-passes\" open"))
        #expect(html.contains("<summary>Not applicable 不适用 (1)</summary>"))
        #expect(html.contains("<a class=\"url\" href=\"https://www.zjzwfw.gov.cn/privacy.html\">"))
        #expect(html.contains("class=\"badge b-partial\""))
        #expect(html.contains("TLS unverified"))
        #expect(html.contains("Site basics 基本信息"))
        #expect(html.contains("<td class=\"num unscored\" title=\"not scored 未评分"))
        #expect(html.contains("(UTC) · 2026-11-23 10:00:00 北京时间"), "times in UTC and Beijing time")
    }

    @Test func filtersHaveARulePerModuleStatusAndTarget() {
        for index in ReportFixture.modules.indices {
            #expect(html.contains("id=\"fm-\(index)\""))
            #expect(html.contains("body:has(#fm-\(index):checked) tr.ind:not(.m\(index)){display:none}"))
        }
        #expect(html.contains("body:has(#fs-blocked:not(:checked)) :is(tr,li).st-blocked{display:none}"))
        #expect(html.contains("body:has(#ft-1:checked) .per-target:not(.t1){display:none}"))
        #expect(html.contains("<section class=\"target per-target t1\" id=\"target-evil\">"))
        #expect(html.contains("<tr class=\"ind m2 st-blocked\">"), "an indicator row carries its module and status")
    }

    @Test func heatMapAndDimensionChartsAreInlineSVG() {
        #expect(html.contains("<svg class=\"chart\" role=\"img\""))
        #expect(html.contains("<svg class=\"chart dimensions\""))
        #expect(html.contains("可用 usable") && html.contains(">92.5</text>"))
        // An unscored module is grey with a dash, never coloured like 0.
        #expect(html.contains("fill=\"#eaeef2\"><title>evil · privacy: not scored"))
        #expect(HTMLReport.heat(0) == "hsl(0,65%,78%)" && HTMLReport.heat(100) == "hsl(120,65%,78%)")
        let evil = html.components(separatedBy: "id=\"target-evil\"").last ?? ""
        #expect(!evil.contains("chart dimensions"), "a target without dimension scores gets no chart")
    }

    @Test func evidenceCitesItsFetchRecordAndHighlightsTheMatch() {
        #expect(html.contains("<pre><mark>主办单位</mark>：浙江省人民政府办公厅</pre>"))
        #expect(html.contains("(<a href=\"#page-1\" title=\"pages.jsonl line 1, WARC offset 1024\">line 1</a>"))
        #expect(html.contains("<tr id=\"page-2\">"))
        let hostile = Evidence(url: "", locator: "", snippet: "<a title=\"x\">办事<b>", extra: [("match", "<a title=\"x\">")])
        #expect(EvidenceMarkup.snippet(hostile) == "<mark>&lt;a title=&quot;x&quot;&gt;</mark>办事&lt;b&gt;")
        let absent = Evidence(url: "", locator: "", snippet: "<b>x</b>", extra: [("match", "y")])
        #expect(EvidenceMarkup.snippet(absent) == "&lt;b&gt;x&lt;/b&gt;")
    }

    @Test func whatCouldNotBeCheckedIsListed() {
        let after = html.components(separatedBy: "<section id=\"unchecked\">").last ?? ""
        let section = after.components(separatedBy: "</section>").first ?? ""
        #expect(section.contains("<a href=\"#zj-unchecked\">zj</a>") && section.contains("<a href=\"#evil-unchecked\">evil</a>"))
        let evil = html.components(separatedBy: "id=\"evil-unchecked\"").last ?? ""
        #expect(evil.contains("connect failed: &lt;svg onload=alert(5)&gt;</td><td><code id=\"evil-SB-01\">SB-01</code>"))
        let zj = html.components(separatedBy: "id=\"zj-unchecked\"").last ?? ""
        #expect(zj.contains("challenge on search_results</td><td><code id=\"zj-SR-02\">SR-02</code>"))
        #expect(!section.contains("PR-01"), "not_applicable is an answer, not something left unchecked")
    }
}
