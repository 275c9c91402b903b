import Foundation
import Testing
import TiyanCore
@testable import TiyanHTML

@Suite struct HTMLDocumentTests {
    let page = PortalFixture.document()

    @Test func titleLanguageAndBase() {
        #expect(page.title == "浙江政务服务网 首页")
        #expect(page.language == "zh-CN")
        #expect(page.baseURL == "https://www.example.gov.cn/site/")
    }

    @Test func linksResolveAgainstBaseWithXPaths() {
        let links = page.links
        #expect(links.map(\.href) == [
            "/login.html", "register.html", "../en/index.html", "javascript:void(0)", "#main",
            "服务/办事 指南.html?q=社保", "/map/hz.html",
        ])
        #expect(links.map(\.url) == [
            "https://www.example.gov.cn/login.html", "https://www.example.gov.cn/site/register.html",
            "https://www.example.gov.cn/en/index.html", nil, nil,
            "https://www.example.gov.cn/site/%E6%9C%8D%E5%8A%A1/%E5%8A%9E%E4%BA%8B%20%E6%8C%87%E5%8D%97.html?q=%E7%A4%BE%E4%BF%9D",
            "https://www.example.gov.cn/map/hz.html",
        ])
        #expect(links.map(\.text) == ["登录", "注册", "", "长辈版", "跳到正文", "办事指南", ""])
        #expect(links.map(\.title) == ["用户登录", nil, "English", nil, nil, nil, nil])
        #expect(links[0].element.xpath == "/html/body/div[1]/a[1]")
        #expect(links[2].element.xpath == "/html/body/div[1]/a[3]")
        #expect(links[6].element.xpath == "/html/body/div[2]/map/area")
        #expect(links[0].element.snippet == "<a href=\"/login.html\" title=\"用户登录\">登录</a>")
        #expect(links[0].element.attribute("TITLE") == "用户登录")
    }

    @Test func everyLinkXPathSelectsItsElement() throws {
        for link in page.links {
            let found = try page.select(link.element.xpath)
            #expect(found == [link.element])
        }
    }

    @Test func formsWithFieldsAcrossTableMarkupAndFormAttribute() throws {
        let forms = page.forms
        try #require(forms.count == 1)
        let form = forms[0]
        #expect(form.action == "https://www.example.gov.cn/search")
        #expect(form.method == "post")
        #expect(form.fields.map(\.tag) == ["input", "input", "select", "button"])
        #expect(form.fields.map(\.type) == ["text", "hidden", "select-one", "submit"])
        #expect(form.fields.map(\.name) == ["q", "site", "scope", ""])
        #expect(form.fields.map(\.value) == ["", "zj", "doc", ""])
        #expect(form.fields[3].element.text == "搜索")
    }

    @Test func formDefaults() throws {
        let document = HTMLDocument(html: "<form><input name=a type=SEARCH><textarea name=t> hi </textarea></form>", url: "https://a.gov.cn/p?x=1#f")
        let form = try #require(document.forms.first)
        #expect(form.action == "https://a.gov.cn/p?x=1")
        #expect(form.method == "get")
        #expect(form.fields.map(\.type) == ["search", "textarea"])
        #expect(form.fields[1].value == " hi ")
    }

    @Test func scriptsAndStylesheets() {
        #expect(page.scripts.map(\.url) == [
            "https://www.example.gov.cn/site/js/jquery.min.js", nil, nil, "https://cdn.example.com/stat.js?v=1",
        ])
        #expect(page.scripts[1].inlineText == "var a = '<a href=\"/x\">x</a>'; if (a < 3) {}")
        #expect(page.scripts[0].inlineText == "")
        #expect(page.scripts[2].element.xpath == "/html/body/div[3]/script")
        #expect(page.stylesheets.map(\.url) == [
            "https://www.example.gov.cn/site/css/main.css", "https://www.example.gov.cn/css/elder.css", nil,
        ])
        #expect(page.stylesheets[2].inlineText == ".hide{display:none}")
    }

    @Test func metas() {
        let metas = page.metas
        #expect(metas.count == 3)
        #expect(metas[0].httpEquiv == "Content-Type")
        #expect(metas[1].name == "Keywords")
        #expect(metas[1].content == "政务服务")
        #expect(metas[2].property == "og:title")
        #expect(metas[1].element.xpath == "/html/head/meta[2]")
    }

    @Test func selectMapsAttributeAndTextNodesToElements() throws {
        #expect(try page.select("//a/@href").count == 6)
        #expect(try page.select("//title/text()").map(\.name) == ["title"])
        #expect(try page.select("count(//a)").isEmpty)
        #expect(try page.select("//nothing").isEmpty)
    }

    @Test func badXPathThrows() {
        #expect(throws: HTMLError.invalidXPath("//a[")) { try page.select("//a[") }
        #expect(throws: HTMLError.self) { try page.select("") }
        #expect(throws: HTMLError.self) { try page.select("//a[unknown-function()]") }
        #expect(throws: HTMLError.self) { try HTMLDocument.validate(xpath: "///") }
        #expect(throws: Never.self) { try HTMLDocument.validate(xpath: "//ul[@class='result']/li") }
    }

    @Test func relativeSelection() throws {
        let top = try #require(try page.select("//div[@class='top']").first)
        let anchors = try page.select(".//a[@title]", in: top)
        #expect(anchors.map(\.text) == ["登录"])
    }

    @Test func elementCount() {
        #expect(page.elementCount > 30)
        #expect(HTMLDocument(html: "<p>a</p>", url: "").elementCount == 3)
    }

    @Test func bytesAreDecodedBeforeParsing() throws {
        let body = Encoded.page(["<meta charset=gbk><title>", Encoded.portalNameGBK, "</title><a href=/l>", Encoded.loginGBK, "</a>"])
        let document = HTMLDocument(data: body, contentType: "text/html", url: "http://a.gov.cn/")
        #expect(document.decoding.source == .meta)
        #expect(document.title == "浙江政务服务网")
        #expect(document.links.first?.text == "登录")
    }

    @Test func wrongMetaInDecodedTextIsNotTrusted() {
        // The text is UTF-8 already; libxml2 must not re-decode it as the meta says.
        let document = HTMLDocument(html: "<meta charset=\"gbk\"><title>政务</title>", url: "")
        #expect(document.title == "政务")
    }

    @Test func snippetsAreClipped() throws {
        let long = String(repeating: "长", count: 1000)
        let document = HTMLDocument(html: "<div><script>\(long)</script><p>\(long)</p></div>", url: "")
        let div = try #require(try document.select("//div").first)
        #expect(div.snippet.count == Evidence.maximumSnippetLength + 1)
        #expect(div.snippet.hasPrefix("<div><script>长长"))
        #expect(div.snippet.hasSuffix("…"))
        #expect(div.text.count == 1000)
    }
}
