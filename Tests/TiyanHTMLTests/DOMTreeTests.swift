import Testing
import TiyanHTML

@Suite struct DOMTreeTests {
    let document = HTMLDocument(
        html: "<html><body><div id=a CLASS=x>one<p>two</p></div><div><p>three</p><p>four</p></div></body></html>",
        url: "https://example.gov.cn/")

    @Test func elementsAndTextInDocumentOrderWithParents() throws {
        let tree = document.tree
        let div = try #require(tree.element(id: "a"))
        #expect(tree[div].name == "div")
        #expect(tree[div].attributes.map(\.name) == ["id", "class"])
        let children = tree[div].children
        #expect(children.count == 2)
        #expect(tree[children[0]].kind == .text && tree[children[0]].text == "one")
        #expect(tree[children[1]].parent == div)
        #expect(tree.textContent(of: div) == "onetwo")
        #expect(tree.ancestors(of: children[1]).map { tree[$0].name } == ["div", "body", "html"])
    }

    @Test func xpathsMatchElementSnapshots() throws {
        let tree = document.tree
        for element in try document.select("//p") {
            #expect(tree.elements.contains { tree[$0].xpath == element.xpath })
        }
        #expect(tree.elements.map { tree[$0].xpath }.contains("/html/body/div[2]/p[2]"))
    }

    @Test func snippetIsTheOuterHTMLClipped() throws {
        let tree = document.tree
        let div = try #require(tree.element(id: "a"))
        #expect(tree.snippet(of: div) == "<div id=\"a\" class=\"x\">one<p>two</p></div>")
        let long = HTMLDocument(html: "<p>" + String(repeating: "长", count: 2000) + "</p>", url: "u")
        let paragraph = try #require(long.tree.elements.first { long.tree[$0].name == "p" })
        #expect(long.tree.snippet(of: paragraph).count <= 401)
    }

    @Test func emptyInputGivesAnEmptyTree() {
        let tree = HTMLDocument(html: "", url: "u").tree
        #expect(tree.nodes.isEmpty && tree.documentElement == nil)
    }
}
