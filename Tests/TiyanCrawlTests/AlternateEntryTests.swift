import Testing
import TiyanConfig
import TiyanHTML
import TiyanCore
@testable import TiyanCrawl

/// English versions offered by `<link hreflang>` or a language `<select>` are followed like links.
@Suite struct AlternateEntryTests {
    func english(_ html: String) throws -> String? {
        let rules = try #require(DiscoveryTests.rules)
        let document = HTMLDocument(html: html, url: "http://www.x.gov.cn/index.html")
        return Discovery.best(Discovery.candidates(in: document), for: .english, rules: rules)?.url
    }

    @Test func hreflangAlternateIsAnEntry() throws {
        let html = #"<html><head><link rel="alternate" hreflang="en-US" href="/english/index.html"></head><body><p>首页</p></body></html>"#
        #expect(try english(html) == "http://www.x.gov.cn/english/index.html")
    }

    @Test func otherLanguagesAreNot() throws {
        let html = #"<html><head><link rel="alternate" hreflang="zh-TW" href="/big5/"></head><body><p>首页</p></body></html>"#
        #expect(try english(html) == nil)
    }

    @Test func languageSelectOptionWithAnAddressIsAnEntry() throws {
        let html = #"<select onchange="location=this.value"><option value="/">简体中文</option><option value="http://en.x.gov.cn/">English</option></select>"#
        #expect(try english(html) == "http://en.x.gov.cn/")
    }

    @Test func optionsWithoutAnAddressAreNotFollowed() throws {
        let html = #"<select id="lang"><option value="zh">中文</option><option value="en">English</option></select>"#
        #expect(try english(html) == nil)
    }
}
