import Foundation
import Testing
import TiyanCore
import TiyanHTML

@Suite struct SearchEntryFinderTests {
    let marks: SearchEntryFinder.Marks

    init() throws {
        marks = SearchEntryFinder.Marks(
            fieldNames: try Pattern("^(q|query|keywords?|searchword|wd|kw)$"),
            templates: [try Pattern(#"[^"'\s<>()]*/jsearchfront/search\.do\?[^"'\s<>()]*?\bq="#)],
            tokenFields: try Pattern("^(token|searchsign)$"), signingScripts: try Pattern("searchsign"))
    }

    @Test func aGetFormBecomesATemplateWithItsHiddenFields() {
        let page = HTMLDocument(html: """
            <form action="/s.jsp" method="get"><input type="hidden" name="site" value="省 本级"><input name="q"></form>
            """, url: "https://www.example.gov.cn/index.html")
        let entries = SearchEntryFinder.entries(in: page, scripts: [], marks: marks)
        #expect(entries.first?.template == "https://www.example.gov.cn/s.jsp?site=%E7%9C%81%20%E6%9C%AC%E7%BA%A7&q={query}")
        #expect(entries.first?.obstacle == nil && entries.first?.source == .form)
    }

    @Test func aFormWrittenByTheHeaderScriptSubmitsRelativeToThePage() {
        let page = HTMLDocument(html: "<html><head><script src='/js/head.js'></script></head><body></body></html>",
                                url: "https://www.example.gov.cn/")
        let script = (url: "https://www.example.gov.cn/js/head.js",
                      text: "document.write('<form action=\"search/list\"><input type=\"text\" name=\"kw\"></form>');")
        let entries = SearchEntryFinder.entries(in: page, scripts: [script], marks: marks)
        #expect(entries.first?.template == "https://www.example.gov.cn/search/list?kw={query}")
        #expect(entries.first?.locator.hasPrefix("form written by script https://www.example.gov.cn/js/head.js") == true)
    }

    @Test func aTemplateInAnOnclickIsFound() {
        let page = HTMLDocument(html: """
            <input id="k"><a onclick="window.open('/jsearchfront/search.do?websiteid=1&amp;q='+encodeURIComponent(k.value))">搜索</a>
            """, url: "https://www.example.gov.cn/")
        let entries = SearchEntryFinder.entries(in: page, scripts: [], marks: marks)
        #expect(entries.map(\.template) == ["https://www.example.gov.cn/jsearchfront/search.do?websiteid=1&q={query}"])
    }

    @Test func postTokenAndSigningAreObstacles() {
        let post = HTMLDocument(html: "<form method='post' action='/s'><input name='q'></form>", url: "https://a.gov.cn/")
        #expect(SearchEntryFinder.entries(in: post, scripts: [], marks: marks).first?.obstacle?.contains("posts") == true)
        let token = HTMLDocument(html: "<form action='/s'><input type='hidden' name='token' value='x'><input name='q'></form>",
                                 url: "https://a.gov.cn/")
        #expect(SearchEntryFinder.entries(in: token, scripts: [], marks: marks).first?.obstacle?.contains("token") == true)
        let signed = HTMLDocument(html: "<form action='/s'><input name='q'></form><script>var searchsign = sign(q);</script>",
                                  url: "https://a.gov.cn/")
        #expect(SearchEntryFinder.entries(in: signed, scripts: [], marks: marks).first?.obstacle?.contains("searchsign") == true)
        let login = HTMLDocument(html: "<form action='/login'><input name='username'><input type='password' name='pwd'></form>",
                                 url: "https://a.gov.cn/")
        #expect(SearchEntryFinder.entries(in: login, scripts: [], marks: marks).isEmpty)
    }

    /// A browser submits a form in its page's charset: on a GBK portal 公积金 travels as GBK bytes.
    @Test func aFormOnAGBKPageSubmitsGBK() throws {
        let html = "<html><head><meta charset=\"gbk\"></head><body><form action=\"/s\"><input name=\"q\"></form></body></html>"
        let bytes = try #require(html.data(using: .utf8))
        let page = HTMLDocument(data: bytes, contentType: "text/html", url: "https://www.example.gov.cn/")
        let entry = try #require(SearchEntryFinder.entries(in: page, scripts: [], marks: marks).first)
        #expect(entry.charset == "GBK")
        #expect(SearchEntry.url(from: entry.template, query: "公积金 a") == "https://www.example.gov.cn/s?q=%E5%85%AC%E7%A7%AF%E9%87%91%20a")
        #expect(SearchEntry.url(from: entry.template, query: "公积金 a", charset: entry.charset)
                == "https://www.example.gov.cn/s?q=%B9%AB%BB%FD%BD%F0%20a")
    }
}
