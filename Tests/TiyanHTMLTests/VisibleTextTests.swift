import Testing
import TiyanHTML

@Suite struct VisibleTextTests {
    @Test func portalVisibleTextLeavesOutScriptsStylesAndHiddenContent() {
        let text = PortalFixture.document().visibleText
        #expect(text.contains("登录 | 注册"))
        #expect(text.contains("新闻\n公告\n通知"))
        #expect(text.contains("主办单位：浙江省人民政府办公厅"))
        for absent in ["首页", "var a", "display", "隐藏的内容", "也隐藏", "请开启JavaScript", "document.write", "zj"] {
            #expect(!text.contains(absent), "\(absent)")
        }
    }

    @Test func blocksBreakLinesAndWhiteSpaceCollapses() {
        let document = HTMLDocument(html: """
            <body><h1> 标题 </h1>  <p>第一段\n   第二行&nbsp;&nbsp;续</p><ul><li>一</li><li>二</li></ul>
            <table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table><span>行内</span><b>粗</b><template><p>模板</p></template>
            <p style="visibility: hidden">看不见</p></body>
            """, url: "")
        #expect(document.visibleText == "标题\n第一段 第二行 续\n一\n二\n甲 乙\n丙\n行内粗")
    }

    @Test func visibleTextOfAnXPath() throws {
        let page = PortalFixture.document()
        #expect(try page.visibleText(of: "//div[@id='footer']") == "主办单位：浙江省人民政府办公厅")
        #expect(try page.visibleText(of: "//div[@hidden]").isEmpty)
        #expect(try page.visibleText(of: "//nothing").isEmpty)
        #expect(throws: HTMLError.self) { try page.visibleText(of: "//div[") }
    }

    @Test func elementTextKeepsHiddenButNotScripts() throws {
        let page = PortalFixture.document()
        let footer = try #require(try page.select("//div[@id='footer']").first)
        #expect(footer.text == "主办单位：浙江省人民政府办公厅")
        let news = try #require(try page.select("//div[@class='news']").first)
        #expect(news.text.contains("隐藏的内容"))
    }
}
