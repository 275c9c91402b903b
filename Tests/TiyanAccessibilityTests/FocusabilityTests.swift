import Testing
import TiyanAccessibility

@Suite struct FocusabilityTests {
    @Test func nativeTabindexAndDisabled() {
        let f = PageFixture("""
            <a id=a href="/">x</a><a id=b>x</a><button id=c disabled>x</button><div id=d tabindex="0">x</div>
            <div id=e tabindex="-1">x</div><fieldset disabled><legend><input id=inlegend></legend><input id=f></fieldset>
            <div id=g tabindex="abc">x</div><details><summary id=s>x</summary></details><button id=h hidden>x</button>
            <div id=edit contenteditable>x</div>
            """)
        let page = f.page
        #expect(page.isInSequentialFocusOrder(f["a"]))
        #expect(!page.isFocusable(f["b"]))
        #expect(!page.isFocusable(f["c"]) && page.isDisabled(f["c"]))
        #expect(page.isInSequentialFocusOrder(f["d"]))
        #expect(page.isFocusable(f["e"]) && !page.isInSequentialFocusOrder(f["e"]))
        #expect(page.isFocusable(f["inlegend"]))
        #expect(!page.isFocusable(f["f"]))
        #expect(page.tabIndex(f["g"]) == nil && !page.isFocusable(f["g"]))
        #expect(page.isInSequentialFocusOrder(f["s"]))
        #expect(!page.isFocusable(f["h"]))
        #expect(page.isFocusable(f["edit"]))
    }
}
