import Foundation
import Testing
import TiyanCore
import TiyanHTML
@testable import TiyanProbes

@Suite struct ResultListFinderTests {
    let pagination = try! Pattern("^\\s*(?:\\d{1,4}|上一页|下一页|首页|尾页)\\s*$")

    func structure(_ body: String) -> PageStructure {
        PageStructure(tree: HTMLDocument(html: "<html><body>\(body)</body></html>", url: "https://www.example.gov.cn/s").tree,
                      paginationLink: pagination)
    }

    /// A box of recommended services that rotates from request to request varies like results,
    /// is repeated and rich, and holds more entries than the results: only the nonsense query's
    /// page, where it stays and the results go, tells it from the results.
    static func page(_ results: [(String, String)], rotating: Int) -> String {
        let items = results.map { "<dl class='sr'><dt><a href='\($0.1)'>\($0.0)</a></dt><dd>2024-03-01 省政府</dd></dl>" }.joined()
        let services = ["住房公积金提取", "居住证办理", "结婚登记", "普通护照签发"]
        let box = (0..<3).map { offset in
            let name = services[(rotating + offset) % services.count]
            return "<dl class='sr'><dt><a href='/bszn/\(name.count).html'>\(name)</a></dt><dd>推荐</dd></dl>"
        }.joined()
        return "<div class='l'>\(items)</div><div class='r'>\(box)</div>"
    }

    @Test func theNonsenseQueryTellsResultsFromARotatingBoxOfServices() throws {
        let pages = [structure(Self.page([("公积金提取新政解读", "/art/1.html"), ("住房公积金提取", "/bszn/1.html")], rotating: 0)),
                     structure(Self.page([("居住证办理", "/bszn/2.html")], rotating: 1))]
        let source = try #require(ResultListFinder.find(pages: pages, baseline: structure(Self.page([], rotating: 2))))
        #expect(source.method == .structureAndContrast)
        #expect(source.xpath == "/html/body/div[1]/dl", "\(source.xpath)")
        let titles = (pages[0].groups[source.key ?? ""] ?? []).map(\.title)
        #expect(titles == ["公积金提取新政解读", "住房公积金提取"])
        // Without the nonsense query the box, with more entries, would pass for the results.
        #expect(ResultListFinder.find(pages: pages, baseline: nil)?.xpath == "/html/body/div[2]/dl")
    }

    @Test func templateGroupsThatNeverChangeAreNotResults() {
        let nav = "<ul class='nav'><li><a href='/'>首页链接</a><span>|</span></li><li><a href='/bszn/'>办事服务</a><span>|</span></li></ul>"
        let pages = [structure(nav + "<p>x</p>"), structure(nav + "<p>y</p>")]
        #expect(ResultListFinder.find(pages: pages, baseline: nil) == nil)
    }

    @Test func paginationAndItsNumbersAreNoBlocks() {
        let page = structure("<div class='pg'><a href='?p=1'>1</a><a href='?p=2'>2</a><a href='?p=2'>下一页</a></div>")
        #expect(page.groups.isEmpty)
    }

    /// The most prominent link is the title: inside a heading or a title class, before a longer URL link.
    @Test func theTitleIsTheProminentLinkAndJavascriptLinksOpenTheirPath() {
        let page = structure("""
            <ul><li><div class='item-tit'><a href="javascript:void(0)" onclick="window.open('/bszn/1.html')">住房<font color=red>公积金</font>提取</a></div>
            <a href='/bszn/1.html'>http://www.example.gov.cn/bszn/1.html</a></li>
            <li><h3><a href='/bszn/2.html'>居住证</a></h3><a href='/x'>http://www.example.gov.cn/x/y/z.html</a></li></ul>
            """)
        let blocks = page.groups.values.first { $0.count == 2 } ?? []
        #expect(blocks.map(\.title) == ["住房公积金提取", "居住证"])
        #expect(blocks.map(\.href) == ["/bszn/1.html", "/bszn/2.html"])
    }

    @Test func statedCountsAreCheckedAgainstWhatWasRead() throws {
        let judging = try SearchSettings.judging()
        let statements = judging.statements
        let stated = try #require(statements.count(in: "为您找到相关结果约 12 个"))
        #expect(stated.count == 12)
        #expect(statements.disagreement(read: 10, stated: stated) == nil)
        #expect(statements.disagreement(read: 0, stated: stated) != nil)
        #expect(statements.disagreement(read: 3, stated: stated) != nil)
        #expect(statements.count(in: "共找到 1,024 条结果")?.count == 1024)
        #expect(statements.count(in: "About 3 results")?.count == 3)
        let none = try #require(statements.count(in: "共 0 条记录"))
        #expect(statements.disagreement(read: 0, stated: none) == nil)
        #expect(statements.disagreement(read: 2, stated: none) != nil)
        #expect(statements.saysNothingFound("抱歉，没有找到与“x”相关的结果") != nil)
        #expect(statements.saysNothingFound("共找到 3 条结果") == nil)
    }
}

extension ResultListFinderTests {
    /// One pass per page whatever its size: a 6,000-entry list under one parent (the sibling
    /// ranks are counted once per parent, not rescanned per child).
    @Test func aLongListIsGroupedInOnePass() {
        let items = (0..<6000).map { "<li><a href='/bszn/\($0).html'>事项\($0)</a><span>2024-01-01</span></li>" }.joined()
        let clock = ContinuousClock()
        var page: PageStructure?
        let elapsed = clock.measure { page = structure("<ul>\(items)</ul>") }
        #expect(page?.groups.values.map(\.count).max() == 6000)
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
