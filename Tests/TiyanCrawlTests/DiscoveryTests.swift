import Testing
import TiyanConfig
import TiyanHTML
import TiyanCore
@testable import TiyanCrawl

/// Discovery weighs links by text, then title, then href, with the patterns of probes/discovery.yaml.
@Suite struct DiscoveryTests {
    static let rules: DiscoveryRules? = {
        let probes = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        return try? DiscoveryRules.load(directory: "/" + probes + "/probes")
    }()

    func best(_ html: String, _ role: PageRole) throws -> String? {
        let rules = try #require(Self.rules)
        let document = HTMLDocument(html: html, url: "http://www.x.gov.cn/")
        return Discovery.best(Discovery.candidates(in: document), for: role, rules: rules)?.url
    }

    @Test func textBeatsHref() throws {
        let html = #"<a href="/sso/check.html">统一认证说明</a> <a href="/user/enter.html">登录</a>"#
        #expect(try best(html, .login) == "http://www.x.gov.cn/user/enter.html")
    }

    @Test func newsTitlesThatMentionTheWordsAreNotEntries() throws {
        let html = #"<a href="/art/1.html">关于推进政务服务平台适老化改造工作的通知</a><a href="/lnb/">长辈版</a>"#
        #expect(try best(html, .elder) == "http://www.x.gov.cn/lnb/")
        #expect(try best(#"<a href="/art/2.html">关于印发个人信息保护政策管理办法的通知的解读</a>"#, .privacy) == nil)
    }

    @Test func logoutIsNotLogin() throws {
        #expect(try best(#"<a href="/sso/logout">退出登录</a>"#, .login) == nil)
    }

    @Test func linksWrittenByInlineScriptsCount() throws {
        let html = #"<script>document.write('<a href="http://english.x.gov.cn/">English</a>');</script>"#
        #expect(try best(html, .english) == "http://english.x.gov.cn/")
    }

    @Test func aLoginPageThatForwardsByScriptIsFollowed() {
        let document = HTMLDocument(html: #"<script>window.location.href = "https://tyrz.x.gov.cn/login?s=1";</script>"#,
                                    url: "http://www.x.gov.cn/login.html")
        #expect(Discovery.softRedirect(in: document) == "https://tyrz.x.gov.cn/login?s=1")
        let meta = HTMLDocument(html: #"<meta http-equiv="refresh" content="0; url=/sso/">"#, url: "http://www.x.gov.cn/a")
        #expect(Discovery.softRedirect(in: meta) == "http://www.x.gov.cn/sso/")
    }
}
