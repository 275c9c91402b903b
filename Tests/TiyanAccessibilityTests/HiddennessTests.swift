import Testing
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
