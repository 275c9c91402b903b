import Foundation
import Testing
@testable import TiyanReport

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
        for result in ReportFixture.results { #expect(html.contains("<code>\(result.indicator)</code>")) }
        #expect(html.contains("<a class=\"url\" href=\"https://www.zjzwfw.gov.cn/privacy.html\""))
        #expect(html.contains("class=\"badge b-partial\""))
        #expect(html.contains("TLS unverified"))
        #expect(html.contains("Site basics 基本信息"))
        #expect(html.contains("<td class=\"num unscored\" title=\"not scored 未评分\">—</td>"))
    }
}
