import Foundation
import Testing
import TiyanCore

/// The crawl finds each page role the way a citizen would: from links in the page and links the
/// header script writes, following the unified login host.
@Suite struct DiscoveryTests {
    @Test func gbkHomePageDecodesFromMeta() async throws {
        let run = try await FixtureRun.shared.value
        let home = try #require(try run.pages("jia", role: "home").first)
        #expect(home["charset"]?.stringValue == "gbk")
        #expect(home["charset_source"]?.stringValue == "meta")
        #expect((home["bytes"]?.doubleValue ?? 0) > 4000, "bytes of the decoded body")
    }

    @Test func headerScriptLinksAreDiscovered() async throws {
        let run = try await FixtureRun.shared.value
        let login = try #require(try run.pages("jia", role: "login").first)
        #expect(login["final_url"]?.stringValue?.hasPrefix("http://tyrz.jiazwfw.gov.cn/login") == true)
        #expect(try run.pages("jia", role: "elder").first?["url"]?.stringValue == "http://www.jiazwfw.gov.cn/elder/index.html")
        #expect(try run.pages("jia", role: "english").first?["url"]?.stringValue == "http://english.jiazwfw.gov.cn/")
        #expect(try run.pages("jia", role: "script").contains { $0["url"]?.stringValue == "http://www.jiazwfw.gov.cn/js/header.js" })
    }

    @Test func registrationAndAgreementComeFromTheIdentityHost() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try run.pages("jia", role: "register").first?["url"]?.stringValue?.hasPrefix("http://tyrz.jiazwfw.gov.cn/") == true)
        #expect(try run.pages("jia", role: "agreement").first?["url"]?.stringValue == "http://tyrz.jiazwfw.gov.cn/agreement.html")
        #expect(try run.pages("jia", role: "privacy").first?["url"]?.stringValue == "http://www.jiazwfw.gov.cn/privacy.html")
    }

    /// The 登录 link leads to a portal page that forwards by script to the identity host; the
    /// crawl follows it and finds registration and privacy there.
    @Test func aScriptForwardedLoginReachesTheIdentityHost() async throws {
        let run = try await FixtureRun.shared.value
        let logins = try run.pages("bing", role: "login").compactMap { $0["final_url"]?.stringValue }
        #expect(logins.first == "https://www.bingzwfw.gov.cn/user/login.html")
        #expect(logins.contains { $0.hasPrefix("https://tysfrz.bingzwfw.gov.cn/am/auth/login") })
        #expect(try run.pages("bing", role: "register").first?["url"]?.stringValue == "https://tysfrz.bingzwfw.gov.cn/am/auth/register")
        #expect(try run.pages("bing", role: "privacy").first?["url"]?.stringValue == "https://tysfrz.bingzwfw.gov.cn/am/auth/privacy")
        #expect(try run.pages("bing", role: "agreement").first?["url"]?.stringValue == "https://tysfrz.bingzwfw.gov.cn/am/auth/agreement")
    }

    @Test func mobileHomeRecordsItsRedirect() async throws {
        let run = try await FixtureRun.shared.value
        let mobile = try #require(try run.pages("jia", role: "home_mobile").first)
        #expect(mobile["final_url"]?.stringValue == "http://m.jiazwfw.gov.cn/")
        #expect(mobile["redirects"]?.arrayValue?.first?.stringValue == "http://www.jiazwfw.gov.cn/")
    }

    @Test func robotsTxtIsRecordedAndObeyed() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try !run.pages("jia", role: "robots").isEmpty)
        #expect(!run.requests.contains { $0.host == "www.jiazwfw.gov.cn" && $0.path.hasPrefix("/internal/") })
        let allPages = try run.jsonLines("pages.jsonl")
        #expect(allPages.contains { $0["error"]?.stringValue == "robots_disallowed" && $0["url"]?.stringValue?.contains("/internal/") == true })
    }

    @Test func userAgentsNameTiyan() async throws {
        let run = try await FixtureRun.shared.value
        let agents = run.requests.compactMap { $0.headers.value(of: "User-Agent") }
        #expect(!agents.isEmpty)
        #expect(agents.allSatisfy { $0.contains("tiyan/") })
        #expect(agents.contains { $0.contains("Mobile") })
    }
}
