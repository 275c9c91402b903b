import Foundation
import Testing
import TiyanCore

/// Login options on the fixture portals: 戊省's unified login on its own host, reached through a
/// 302 (tabs from ul/li and buttons, password, SMS, QR naming two apps, CA, 电子营业执照, a
/// foreigner registration), 庚省's login app shell whose bundle names the methods, and hosts
/// whose login cannot be seen (a bot wall on the portal or on 辛省's identity host, a shell home
/// page).
@Suite struct LoginTests {
    static let cases: [(indicator: String, target: String, status: String)] = [
        ("LG-01", "wu", "pass"), ("LG-01", "geng", "pass"), ("LG-01", "challenge", "blocked"),
        ("LG-01", "shell", "undetermined"),
        ("LG-02", "wu", "pass"), ("LG-02", "geng", "pass"), ("LG-02", "jia", "pass"),
        ("LG-03", "wu", "pass"), ("LG-03", "geng", "pass"),
        ("LG-04", "wu", "fail"), ("LG-04", "geng", "pass"),
        ("LG-05", "wu", "fail"), ("LG-05", "geng", "undetermined"),
        ("LG-06", "wu", "pass"), ("LG-06", "jia", "fail"), ("LG-06", "geng", "undetermined"),
        ("LG-07", "wu", "pass"), ("LG-07", "jia", "fail"),
        ("LG-08", "wu", "fail"),
        ("LG-09", "wu", "pass"), ("LG-09", "jia", "pass"), ("LG-09", "geng", "undetermined"),
        ("LG-10", "wu", "pass"), ("LG-10", "geng", "undetermined"),
        ("LG-11", "wu", "pass"), ("LG-11", "geng", "pass"),
        ("LG-12", "wu", "pass"), ("LG-12", "challenge", "blocked"),
        ("LG-01", "xin", "blocked"), ("LG-03", "xin", "blocked"), ("LG-10", "xin", "blocked"), ("LG-12", "xin", "blocked"),
    ]

    @Test(arguments: cases.indices)
    func statusOnFixture(index: Int) async throws {
        let run = try await FixtureRun.shared.value
        let entry = Self.cases[index]
        let result = try run.result(entry.target, entry.indicator)
        #expect(result["status"]?.stringValue == entry.status,
                "\(entry.target) \(entry.indicator): \(result.serialized().prefix(800))")
        #expect((result["evidence"]?.arrayValue?.count ?? 0) > 0, "\(entry.target) \(entry.indicator) has no evidence")
    }

    @Test func aLoginReachedThroughA302IsReadOnTheIdentityHost() async throws {
        let run = try await FixtureRun.shared.value
        let login = try #require(try run.pages("wu", role: "login").first)
        #expect(login["url"]?.stringValue == "http://www.wuzwfw.gov.cn/user/login")
        #expect(login["final_url"]?.stringValue?.hasPrefix("http://tyrz.wuzwfw.gov.cn/login.html") == true)
        #expect(login["redirects"]?.arrayValue?.isEmpty == false)
        let evidence = try run.result("wu", "LG-01")["evidence"]?.arrayValue?.first
        #expect(evidence?["url"]?.stringValue?.hasPrefix("http://tyrz.wuzwfw.gov.cn/") == true)
        #expect(evidence?["locator"]?.stringValue?.hasPrefix("/html/body") == true)
    }

    @Test func theLoginPagesScriptsAreFetched() async throws {
        let run = try await FixtureRun.shared.value
        let wu = try run.pages("wu", role: "script").compactMap { $0["url"]?.stringValue }
        #expect(wu.contains("http://tyrz.wuzwfw.gov.cn/js/login.js"))
        let geng = try run.pages("geng", role: "script").compactMap { $0["url"]?.stringValue }
        #expect(geng.contains("http://uc.gengzwfw.gov.cn/static/js/app.9c1e7d.js"))
    }

    @Test func tabsFromListItemsAndButtonsAreRead() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try run.result("wu", "LG-02")["confidence"]?.stringValue == "high")
        let areas = try run.result("wu", "LG-09")["evidence"]?.arrayValue ?? []
        #expect(areas.contains { $0["snippet"]?.stringValue?.contains("<li") == true && $0["area"]?.stringValue == "personal" })
        let ca = try run.result("wu", "LG-06")["evidence"]?.arrayValue?.first?["snippet"]?.stringValue ?? ""
        #expect(ca.contains("CA证书登录"), "\(ca)")
    }

    @Test func qrLoginNamesTheAppsNearTheCode() async throws {
        let run = try await FixtureRun.shared.value
        let wu = try run.result("wu", "LG-03")["value"]?.arrayValue?.compactMap(\.stringValue)
        #expect(wu == ["支付宝", "国家政务服务平台"])
        let geng = try run.result("geng", "LG-03")
        #expect(geng["value"]?.arrayValue?.compactMap(\.stringValue) == ["支付宝", "微信"])
        #expect(geng["confidence"]?.stringValue == "low")
    }

    @Test func aShellLoginWhoseBundleNamesTheMethodsPassesWithLowConfidence() async throws {
        let run = try await FixtureRun.shared.value
        for indicator in ["LG-01", "LG-02", "LG-04"] {
            let result = try run.result("geng", indicator)
            #expect(result["confidence"]?.stringValue == "low", "\(indicator)")
            let evidence = result["evidence"]?.arrayValue?.first
            #expect(evidence?["url"]?.stringValue == "http://uc.gengzwfw.gov.cn/static/js/app.9c1e7d.js", "\(indicator)")
            #expect(evidence?["source"]?.stringValue == "script_bundle", "\(indicator)")
        }
    }

    @Test func inclusivenessListsTheMethodsWithCountAndScore() async throws {
        let run = try await FixtureRun.shared.value
        let value = try run.result("wu", "LG-12")["value"]
        let methods = value?["methods"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(methods == ["password", "sms", "scan", "ca", "business_license", "foreigner", "no_smartphone"])
        #expect(value?["count"]?.doubleValue == 7)
        #expect(value?["score"]?.doubleValue == 0.73)
        let geng = try run.result("geng", "LG-12")
        #expect(geng["confidence"]?.stringValue == "low")
    }
}
