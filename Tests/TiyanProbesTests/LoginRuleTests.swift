import Testing
import TiyanCore
@testable import TiyanProbes

/// Login methods from the DOM, script markup and bundles; never a fail on what could not be seen.
@Suite struct LoginRuleTests {
    let runner: ProbeRunner
    init() throws { runner = try Fixtures.runner() }

    static let loginURL = "https://tyrz.example.gov.cn/login"
    static let shell = "<html><body><div id='app'></div><script src='/js/app.7e1c.js'></script></body></html>"

    func result(_ id: String, login: ExampleRecord, more: [ExampleRecord] = []) throws -> IndicatorResult {
        try #require(Fixtures.result(runner, id, [Fixtures.record(.home), login] + more))
    }

    func bundle(_ text: String) -> ExampleRecord {
        Fixtures.record(.script, url: "https://tyrz.example.gov.cn/js/app.7e1c.js",
                        headers: [HTTPHeader(name: "Content-Type", value: "application/javascript")], html: text,
                        discoveredFrom: Self.loginURL)
    }

    @Test func aBundleThatNamesAMethodPassesWithLowConfidence() throws {
        let login = Fixtures.record(.login, url: Self.loginURL, html: Self.shell)
        let result = try result("LG-03", login: login, more: [bundle(#"tabs:[{label:"\u626b\u7801\u767b\u5f55",tip:"请用皖事通扫码"}]"#)])
        #expect(result.status == .pass)
        #expect(result.confidence == .low)
        #expect(result.value == .array([.string("皖事通")]))
        #expect(result.evidence.first?.url == "https://tyrz.example.gov.cn/js/app.7e1c.js")
    }

    // A blocked login page (blocked) and a silent script shell (undetermined) are outcomes
    // examples of LG-01, LG-03, LG-06, LG-09 and LG-12 in probes/login.yaml.

    @Test func inclusivenessHasItsFixedShape() throws {
        let login = Fixtures.record(.login, url: Self.loginURL, html: """
            <html><body><ul><li>账号密码登录</li><li>扫码登录</li></ul><form><input type="password" name="p"></form></body></html>
            """)
        let result = try result("LG-12", login: login)
        #expect(result.value["methods"] == .array([.string("password"), .string("scan"), .string("no_smartphone")]))
        #expect(result.value["count"] == .int(3))
        #expect(result.value["score"] == .number(0.32))
        #expect(result.status == .partial)
        #expect(result.score == 0.32)
    }

    @Test func iconTabsAreReadFromTheirAltText() throws {
        let login = Fixtures.record(.login, url: Self.loginURL, html: """
            <html><body><ul class="way"><li><img src="/img/zfb.png" alt="支付宝扫码登录"></li></ul>\
            <form><input type="password" name="p"></form></body></html>
            """)
        let result = try result("LG-03", login: login)
        #expect(result.status == .pass)
        #expect(result.value == .array([.string("支付宝")]))
        #expect(result.evidence.first?.snippet.contains("<img") == true)
    }

    @Test func aLoginBoxOnTheHomePageIsTheLoginPage() throws {
        let home = Fixtures.record(.home, html: """
            <html><body><div class="login"><ul><li>个人登录</li><li>法人登录</li></ul>\
            <form action="/login"><input name="u"><input type="password" name="p"><button>登录</button></form></div></body></html>
            """)
        let result = try #require(Fixtures.result(runner, "LG-01", [home]))
        #expect(result.status == .pass)
        #expect(try #require(Fixtures.result(runner, "LG-01", [Fixtures.record(.home)])).status == .undetermined)
    }

    @Test func unicodeEscapesInBundlesAreRead() {
        #expect(ScriptText.unescaped(#"a:"\u8d26\u53f7",b:"\uZZZZ""#) == #"a:"账号",b:"\uZZZZ""#)
    }
}
