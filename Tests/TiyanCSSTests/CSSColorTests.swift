import Testing
import TiyanCSS

@Suite struct CSSColorTests {
    @Test func hexForms() {
        #expect(CSSColor.parse("#fff") == .white)
        #expect(CSSColor.parse("#000000") == .black)
        #expect(CSSColor.parse("#F00") == CSSColor(red: 255, green: 0, blue: 0))
        #expect(CSSColor.parse("#0000") == .transparent)
        #expect(CSSColor.parse("#11223380")?.alpha == 128.0 / 255)
        #expect(CSSColor.parse("#12345") == nil)
        #expect(CSSColor.parse("#ggg") == nil)
    }

    @Test func functionalForms() {
        #expect(CSSColor.parse("rgb(255, 0, 0)") == CSSColor(red: 255, green: 0, blue: 0))
        #expect(CSSColor.parse("rgba(0,0,0,.5)") == CSSColor(red: 0, green: 0, blue: 0, alpha: 0.5))
        #expect(CSSColor.parse("rgb(0 0 0 / 50%)") == CSSColor(red: 0, green: 0, blue: 0, alpha: 0.5))
        #expect(CSSColor.parse("rgb(100%, 0%, 0%)") == CSSColor(red: 255, green: 0, blue: 0))
        #expect(CSSColor.parse("hsl(120, 100%, 25%)")?.description == "#008000")
        #expect(CSSColor.parse("hsla(0.5turn 100% 50% / 1)")?.description == "#00ffff")
        #expect(CSSColor.parse("rgb(1, 2)") == nil)
        #expect(CSSColor.parse("lab(50 0 0)") == nil)
    }

    @Test func namedColoursAndKeywords() {
        #expect(CSSColor.parse("RebeccaPurple")?.description == "#663399")
        #expect(CSSColor.parse("transparent")?.alpha == 0)
        #expect(CSSColor.parse("currentcolor") == nil)
        #expect(CSSColor.parse("red blue") == nil)
    }

    @Test func wcagContrast() throws {
        #expect(CSSColor.black.contrastRatio(with: .white) == 21)
        #expect(CSSColor.white.contrastRatio(with: .white) == 1)
        let grey = try #require(CSSColor.parse("#767676"))
        #expect(abs(grey.contrastRatio(with: .white) - 4.54) < 0.01)
        let light = try #require(CSSColor.parse("#999"))
        #expect(light.contrastRatio(with: .white) < 4.5)
    }

    @Test func compositingOverABackground() throws {
        let half = try #require(CSSColor.parse("rgba(0,0,0,0.5)"))
        #expect(half.composited(over: .white).description == "#808080")
        #expect(CSSColor.transparent.composited(over: .white) == .white)
    }
}
