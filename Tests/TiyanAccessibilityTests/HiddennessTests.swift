import Testing
import TiyanHTML
import TiyanAccessibility

@Suite struct HiddennessTests {
    @Test func hiddenIsInheritedFromAncestors() {
        let f = PageFixture("""
            <div hidden><p id=a>x</p></div><div style="display: none !important"><p id=b>x</p></div>
            <div style="visibility:hidden"><p id=c>x</p><p id=d style="visibility:visible">x</p></div>
            <div aria-hidden="true"><p id=e>x</p></div><p id=f>x</p><input id=g type=hidden>
            <p id=off style="position:absolute; left:-9999px">x</p><template><p id=t>x</p></template>
            """)
        let page = f.page
        #expect(!page.isRendered(f["a"]) && page.isProgrammaticallyHidden(f["a"]))
        #expect(!page.isRendered(f["b"]))
        #expect(page.isRendered(f["c"]) && !page.isVisible(f["c"]) && !page.isIncluded(f["c"]))
        #expect(page.isVisible(f["d"]))
        #expect(page.isVisible(f["e"]) && !page.isIncluded(f["e"]))
        #expect(page.isVisible(f["f"]) && page.isIncluded(f["f"]))
        #expect(!page.isRendered(f["g"]))
        #expect(!page.isVisible(f["off"]) && page.isIncluded(f["off"]))
        #expect(!page.isRendered(f["t"]))
    }

    @Test func headContentIsNotRendered() throws {
        let f = PageFixture("<p>x</p>", head: "<title id=title>t</title><style id=s>p{}</style>")
        #expect(!f.page.isRendered(f["title"]))
        #expect(!f.page.isRendered(f["s"]))
    }
}

@Suite struct StyleSheetHiddennessTests {
    @Test func sheetDeclarationsCascadeWithInlineStyles() {
        let html = "<html><body><p id=a>x</p><p id=b style=\"display:block\">x</p><p id=c style=\"display:block\">x</p><p id=d>x</p></body></html>"
        let tree = HTMLDocument(html: html, url: "u").tree
        func xpath(_ id: String) -> String { tree.element(id: id).map { tree[$0].xpath } ?? "" }
        let none = StyleDeclaration(property: "display", value: "none", important: false)
        let importantNone = StyleDeclaration(property: "display", value: "none", important: true)
        let hiddenVisibility = StyleDeclaration(property: "visibility", value: "hidden", important: false)
        let page = AccessiblePage(tree: tree, url: "u", sheetStyles: [
            xpath("a"): [none], xpath("b"): [none], xpath("c"): [importantNone], xpath("d"): [hiddenVisibility],
        ])
        #expect(!page.isRendered(tree.element(id: "a") ?? 0))
        #expect(page.isRendered(tree.element(id: "b") ?? 0), "the inline declaration wins")
        #expect(!page.isRendered(tree.element(id: "c") ?? 0), "an important sheet declaration beats a normal inline one")
        #expect(page.isRendered(tree.element(id: "d") ?? 0) && !page.isVisible(tree.element(id: "d") ?? 0))
    }
}
