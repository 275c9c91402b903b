import Testing
import TiyanCSS

/// A tree written as (name, attributes, parent) rows in document order.
private struct Tree: CSSElementTree {
    var rows: [(name: String, attributes: [String: String], parent: Int?)]

    var elementCount: Int { rows.count }
    func name(of element: Int) -> String { rows[element].name }
    func attribute(_ name: String, of element: Int) -> String? { rows[element].attributes[name] }
    func parent(of element: Int) -> Int? { rows[element].parent }
    func previousSibling(of element: Int) -> Int? {
        (0..<element).last { rows[$0].parent == rows[element].parent }
    }
    func hasNextSibling(_ element: Int) -> Bool {
        ((element + 1)..<rows.count).contains { rows[$0].parent == rows[element].parent }
    }
}

@Suite struct CSSSelectorMatcherTests {
    // <html><body><div id=main class="box care"><p>…</p><ul><li class=a/><li/><li class=a/></ul></div><p/></body></html>
    private let matcher = CSSSelectorMatcher(
        tree: Tree(rows: [
            ("html", [:], nil), ("body", [:], 0), ("div", ["id": "main", "class": "box  care"], 1), ("p", [:], 2),
            ("ul", [:], 2), ("li", ["class": "a"], 4), ("li", ["lang": "zh-CN"], 4), ("li", ["class": "a"], 4),
            ("p", ["title": "x y"], 1), ("a", ["href": "/"], 8),
        ]))

    private func select(_ text: String) -> [Int] {
        CSSSelector.parse(text).map(matcher.elements(matching:)) ?? [-1]
    }

    @Test func typeClassIdAndCombinators() {
        #expect(select("p") == [3, 8])
        #expect(select(".care p") == [3])
        #expect(select("#main > ul > li.a") == [5, 7])
        #expect(select("body > p") == [8])
        #expect(select("div p") == [3])
        #expect(select("p + ul") == [4])
        #expect(select("p ~ li") == [])
        #expect(select("li.a ~ li") == [6, 7])
        #expect(select("*") == Array(0..<10))
    }

    @Test func attributesAndPseudoClasses() {
        #expect(select("[lang|=zh]") == [6])
        #expect(select("p[title~=y]") == [8])
        #expect(select("a:link") == [9])
        #expect(select("li:first-child") == [5])
        #expect(select("li:last-child") == [7])
        #expect(select("li:nth-child(2n+1)") == [5, 7])
        #expect(select("li:not(.a)") == [6])
        #expect(select(":root") == [0])
        #expect(select("a:hover") == [])
        #expect(select("p::before") == [])
    }
}
