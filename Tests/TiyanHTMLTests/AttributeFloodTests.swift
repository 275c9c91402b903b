import Testing
@testable import TiyanHTML

@Suite struct AttributeFloodTests {
    @Test func ordinaryPagesAreLeftAlone() {
        let page = """
            <html><head><title>a<b</title><script>for (i = 0; i<n; i++) { x = "<div " + y }</script></head>
            <body><a href="/x" title='it"s' class=nav data-x="a>b">链接</a><p>1 < 2 > 0</p></body></html>
            """
        #expect(AttributeFlood.limited(page) == page)
    }

    @Test func aTagWithTooManyAttributesKeepsTheFirstThousand() {
        let attributes = (0..<5000).map { "data-a\($0)=\"v\"" }.joined(separator: " ")
        let page = "<html><body><div id=main \(attributes)>正文</div><p class=footer>网站标识码</p></body></html>"
        let limited = AttributeFlood.limited(page)
        #expect(limited.contains("data-a998=\"v\""))
        #expect(!limited.contains("data-a999=\"v\""), "id plus 999 data attributes make the thousand")
        #expect(limited.contains(">正文</div><p class=footer>网站标识码</p>"))
        let document = HTMLDocument(html: page, url: "file:///x.html")
        #expect(document.isParsedToEnd)
        #expect((try? document.select("//p[@class='footer']").count) == 1)
    }

    @Test func scriptTextIsNeverTakenForTags() {
        let tokens = (0..<3000).map { "t\($0)" }.joined(separator: " ")
        let page = "<html><body><script>if (a <b \(tokens) ) {}</script><p>后文</p></body></html>"
        #expect(AttributeFlood.limited(page) == page)
    }
}

@Suite struct XPathUnionTests {
    @Test func topLevelAlternativesAreSplitOutsideBracketsAndStrings() {
        #expect(XPathQuery.unionBranches(of: "//a | //b[@x='|'] | (//c | //d)[1]") == ["//a", "//b[@x='|']", "(//c | //d)[1]"])
        #expect(XPathQuery.unionBranches(of: "//a[contains(@class,'a') or @id='b|c']") == ["//a[contains(@class,'a') or @id='b|c']"])
        #expect(XPathQuery.unionBranches(of: "//a |") == ["//a |"])
    }

    @Test func aSplitUnionSelectsTheSameElementsInDocumentOrder() throws {
        let document = HTMLDocument(
            html: "<html><body><button id=b1></button><a id=a1 href=x></a><p><a id=a2></a><button id=b2></button></p></body></html>",
            url: "file:///x.html")
        let ids = try document.select("//button | //a[@href] | //a | //p/button").compactMap { $0.attribute("id") }
        #expect(ids == ["b1", "a1", "a2", "b2"])
        #expect(throws: HTMLError.self) { try document.select("//a | //b[") }
    }
}
