import Testing
import TiyanCore
@testable import TiyanProbes

/// EN-02/03 judge the page the English entry leads to; what cannot be fetched is never a fail.
@Suite struct EnglishRuleTests {
    let runner: ProbeRunner
    init() throws { runner = try Fixtures.runner() }

    static let home = "<html lang='zh-CN'><body><a href='/en/'>English</a><p>首页</p></body></html>"
    static let english = """
        <html lang="en"><body><h1>Welcome to Example Province</h1><p>Online services for foreigners: work permits, \
        residence permits and company registration.</p><a href="/services/">Services</a></body></html>
        """

    func result(_ id: String, english: ExampleRecord?) throws -> IndicatorResult {
        let records = [Fixtures.record(.home, html: Self.home)] + (english.map { [$0] } ?? [])
        return try #require(Fixtures.result(runner, id, records))
    }

    @Test func aMissingEnglishTargetIsUnreachableNotFail() throws {
        let record = Fixtures.record(.english, url: "https://www.example.gov.cn/en/", status: 404,
                                     html: "<html><body>404 页面不存在</body></html>", error: .http4xx)
        for id in ["EN-02", "EN-03"] {
            let result = try result(id, english: record)
            #expect(result.status == .unreachable, "\(id)")
            #expect(!result.evidence.isEmpty)
        }
    }

    @Test func aBotWallOnTheEnglishSiteIsBlocked() throws {
        let record = Fixtures.record(.english, url: "http://english.example.gov.cn/", status: 412,
                                     html: "<html><script>document.cookie='__jsl_clearance=1';location.reload()</script></html>",
                                     error: .challenge)
        #expect(try result("EN-02", english: record).status == .blocked)
    }

    @Test func noEntryMeansNothingToJudge() throws {
        let result = try result("EN-02", english: nil)
        #expect(result.status == .notApplicable)
        #expect(!result.evidence.isEmpty)
    }

    @Test func aShellOrAnAlmostEmptyPageIsUndetermined() throws {
        let shell = Fixtures.record(.english, url: "https://www.example.gov.cn/en/",
                                    html: "<html><body><div id='app'></div><script src='/js/app.1a2b.js'></script></body></html>")
        #expect(try result("EN-02", english: shell).status == .undetermined)
        let tiny = Fixtures.record(.english, url: "https://www.example.gov.cn/en/", html: "<html lang='en'><body><p>Home</p></body></html>")
        #expect(try result("EN-02", english: tiny).status == .undetermined)
    }

    @Test func anEnglishPageReportsItsLatinShare() throws {
        let result = try result("EN-02", english: Fixtures.record(.english, url: "https://www.example.gov.cn/en/", html: Self.english))
        #expect(result.status == .pass)
        #expect(result.value["english"] == .bool(true))
        #expect((result.value["latin_ratio"]?.doubleValue ?? 0) == 1)
        let scope = try self.result("EN-03", english: Fixtures.record(.english, url: "https://www.example.gov.cn/en/", html: Self.english))
        #expect(scope.value["scope"] == .string("services"))
    }

    @Test func lettersAreCountedByScript() {
        let share = LetterShare("Hello 你好, 2025!")
        #expect(share.latin == 5)
        #expect(share.cjk == 2)
        #expect(share.latinRatio == 0.71)
        #expect(LetterShare("1234 …").latinRatio == 0)
    }

    @Test func anHreflangEntryNamesWhereItLeads() throws {
        let html = "<html><head><link rel='alternate' hreflang='en' href='/english/'></head><body><p>首页</p></body></html>"
        let result = try #require(Fixtures.result(runner, "EN-01", [Fixtures.record(.home, html: html)]))
        #expect(result.status == .pass)
        #expect(result.evidence.first?.extra.contains { $0.0 == "entry" && $0.1 == .string("https://www.example.gov.cn/english/") } == true)
    }
}
