import Testing
@testable import TiyanCSS

/// Numbers a page can write that no conversion survives (`1e99999px` is infinity, `1e300em`
/// overflows once multiplied): each is an invalid declaration, never a value or a trap.
@Suite struct CSSNumericLimitsTests {
    @Test(arguments: ["1e99999px", "1e308in", "-1e99999px", "1e300em", "1e8px", "1e999%", "1e400"])
    func overflowingLengthsAreInvalid(_ text: String) {
        #expect(CSSLength.parse(text) == nil)
    }

    @Test func inRangeLengthsStillParse() {
        #expect(CSSLength.parse("16px") == .pixels(16))
        #expect(CSSLength.parse("9999999px") == .pixels(9_999_999))
    }

    @Test func resolvedSizesThatOverflowAreNil() {
        #expect(CSSLength.em(1e6).fontSize(parent: 1e6, root: 16) == nil)
        #expect(CSSLength.pixels(10).lineHeightRatio(fontSize: .infinity, root: 16) == nil)
        #expect(CSSLength.em(2).fontSize(parent: 16, root: 16) == 32)
    }

    @Test(arguments: ["rgb(1e999, 0, 0)", "hsl(1e999, 50%, 50%)", "rgba(0 0 0 / 1e999)"])
    func overflowingColoursAreInvalid(_ text: String) {
        #expect(CSSColor.parse(text) == nil)
    }

    @Test(arguments: [
        "li:nth-child(9223372036854775807n+1)", "li:nth-child(-1n-9223372036854775808)", "li:nth-child(-9223372036854775808)",
    ])
    func nthArgumentsNearIntLimitsAreInvalid(_ selector: String) {
        #expect(CSSSelector.parse(selector) == nil)
    }
}
