import Testing
import TiyanAccessibility

@Suite struct FontSizeTests {
    @Test func inlineSizesInheritAndResolve() {
        let f = PageFixture("""
            <div style="font-size: 20px"><p id=em style="font-size: 1.5em">x</p><p id=inherit>x</p></div>
            <p id=short style="font: bold 24px/1.2 serif">x</p><p id=pct style="font-size: 50%">x</p>
            <p id=kw style="font-size: large">x</p><p id=bad style="font-size: 10vw">x</p>
            """)
        #expect(f.page.fontSize(f["em"]) == 30)
        #expect(f.page.fontSize(f["inherit"]) == 20)
        #expect(f.page.fontSize(f["short"]) == 24)
        #expect(f.page.fontSize(f["pct"]) == 8)
        #expect(f.page.fontSize(f["kw"]) == 18)
        #expect(f.page.fontSize(f["bad"]) == 16, "viewport units need a window: the inherited size stands")
    }
}
