import Testing
import TiyanCore

@testable import TiyanProbes

/// The statuses between pass and fail, which the YAML examples cannot express: partial entries
/// and shares, undetermined values, and the fallback to the home page.
@Suite struct ElderRuleTests {
    private func result(_ id: String, _ records: [ExampleRecord]) throws -> IndicatorResult {
        try #require(Fixtures.result(try Fixtures.runner(), id, records))
    }

    private func home(_ html: String) -> ExampleRecord { Fixtures.record(.home, html: html) }

    @Test func anEntryOnlyInTheFooterIsPartial() throws {
        let filler = String(repeating: "<li><a href='/a'>新闻标题</a></li>", count: 40)
        let found = try result(
            "EL-01",
            [
                home(
                    """
                    <html><body><div class="head"><a href="/">首页</a></div><ul>\(filler)</ul>
                    <div class="footer"><a href="/elder/">长辈版</a></div></body></html>
                    """)
            ])
        #expect(found.status == .partial)
        #expect(found.value["position"] == .string("body"))
    }

    @Test func aToolbarCallInALoadedScriptIsAnEntry() throws {
        let found = try result(
            "EL-01",
            [
                home(
                    "<html><head><script src='/js/common.js'></script></head><body><div id='top'><span id='ghms'>切换</span></div></body></html>"
                ),
                Fixtures.record(
                    .script, url: "https://www.example.gov.cn/js/common.js",
                    headers: [HTTPHeader(name: "Content-Type", value: "application/javascript")],
                    html: "$('#ghms').on('click', function(){ aria.oldFixedStart(); });"),
            ])
        #expect(found.status == .pass)
        #expect(found.value["found_by"] == .string("script_call"))
        #expect(found.evidence.first?.snippet.contains("aria.oldFixedStart()") == true)
    }

    @Test func withoutAnElderPageTheHomePageIsJudgedAndSaysSo() throws {
        let found = try result(
            "EL-05", [home("<html><head><style>p{font-size:20px}</style></head><body><p>办事</p></body></html>")])
        #expect(found.status == .pass)
        #expect(found.value["judged_page"] == .string("home"))
        #expect(found.reason?.contains("judged the home page") == true)
    }

    @Test func noDeclaredSizeIsUndetermined() throws {
        let found = try result("EL-05", [home("<html><body><p>办事</p></body></html>")])
        #expect(found.status == .undetermined)
        let contrast = try result(
            "EL-07", [home("<html><head><style>p{color:#333}</style></head><body><p>办事</p></body></html>")])
        #expect(contrast.status == .undetermined)
    }

    @Test func someFailingColourPairsArePartial() throws {
        let found = try result(
            "EL-07",
            [
                home(
                    """
                    <html><head><style>.a{color:#000;background:#fff} .b{color:#111;background:#eee} .c{color:#bbb;background:#fff}</style>
                    </head><body><p class="a">1</p><p class="b">2</p><p class="c">3</p></body></html>
                    """)
            ])
        #expect(found.status == .partial)
        #expect(found.score.map { abs($0 - 2.0 / 3.0) < 0.001 } == true)
        #expect(found.evidence.first?.locator.contains(".c") == true)
    }

    @Test func largeTextNeedsOnlyThreeToOne() throws {
        let found = try result(
            "EL-07",
            [
                home(
                    """
                    <html><head><style>h2 span{color:#888;background:#fff;font-size:24px}</style></head>
                    <body><h2><span>标题</span></h2></body></html>
                    """)
            ])
        #expect(found.status == .pass)
    }

    @Test func anElderPageThatIsAScriptShellIsNotFailed() throws {
        let shell = """
            <html><head><title>长辈版</title></head><body><div id="app"></div>
            <script src="/js/chunk-vendors.js"></script><script src="/js/app.js"></script></body></html>
            """
        let found = try result(
            "EL-04",
            [
                home("<html><body><a href='/elder/'>长辈版</a></body></html>"),
                Fixtures.record(.elder, url: "https://www.example.gov.cn/elder/", html: shell),
            ])
        #expect(found.status == .undetermined)
    }
}
