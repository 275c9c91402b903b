import Testing
import TiyanCSS

@Suite struct CSSLengthTests {
    @Test func unitsAndKeywords() {
        #expect(CSSLength.parse("16px") == .pixels(16))
        #expect(CSSLength.parse("12pt") == .pixels(16))
        #expect(CSSLength.parse("1.2em") == .em(1.2))
        #expect(CSSLength.parse("1.125rem") == .rem(1.125))
        #expect(CSSLength.parse("120%") == .percentage(120))
        #expect(CSSLength.parse("1.5") == .number(1.5))
        #expect(CSSLength.parse("large") == .pixels(18))
        #expect(CSSLength.parse("small") == .pixels(13))
        #expect(CSSLength.parse("5vw") == nil)
        #expect(CSSLength.parse("12px 14px") == nil)
    }

    @Test func fontSizesResolveAgainstParentAndRoot() {
        #expect(CSSLength.em(1.5).fontSize(parent: 12, root: 16) == 18)
        #expect(CSSLength.rem(1.25).fontSize(parent: 12, root: 16) == 20)
        #expect(CSSLength.percentage(62.5).fontSize(parent: 16, root: 16) == 10)
        #expect(CSSLength.number(2).fontSize(parent: 16, root: 16) == nil)
    }

    @Test func lineHeightsBecomeRatios() {
        #expect(CSSLength.number(1.5).lineHeightRatio(fontSize: 16, root: 16) == 1.5)
        #expect(CSSLength.pixels(24).lineHeightRatio(fontSize: 16, root: 16) == 1.5)
        #expect(CSSLength.percentage(150).lineHeightRatio(fontSize: 16, root: 16) == 1.5)
    }

    @Test func fontShorthand() {
        let font = CSSShorthand.font(#"bold 16px/1.5 "微软雅黑", Arial"#)
        #expect(font == CSSShorthand.Font(size: "16px", lineHeight: "1.5", family: #""微软雅黑", Arial"#))
        #expect(CSSShorthand.font("italic 700 12px 宋体")?.size == "12px")
        #expect(CSSShorthand.font("caption") == nil)
        #expect(CSSShorthand.font("bold") == nil)
    }

    @Test func backgroundShorthandColour() {
        #expect(CSSShorthand.backgroundColor("url(bg.png) no-repeat #fff") == "#fff")
        #expect(CSSShorthand.backgroundColor("url(a.png), rgb(0 0 0) url(b.png)") == "rgb(0 0 0)")
        #expect(CSSShorthand.backgroundColor("url(a.png) center / cover") == nil)
    }
}
