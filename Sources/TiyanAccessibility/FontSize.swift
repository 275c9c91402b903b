import Foundation
import TiyanCSS

/// Font sizes and lengths from inline styles, enough for the text-spacing rules, with TiyanCSS's
/// length parser. Style sheets are not read: an element with no inline font size (`font-size`
/// or the `font` shorthand) inherits, from the 16px default.
extension AccessiblePage {
    static let defaultFontSize = 16.0

    /// The computed font size in px. Ancestors are walked in a loop, not by recursion: legacy
    /// pages nest thousands of levels deep, beyond what a thread's stack takes.
    public func fontSize(_ index: Int) -> Double {
        var chain = [index]
        while let parent = tree[chain[chain.count - 1]].parent { chain.append(parent) }
        var size = Self.defaultFontSize
        for current in chain.reversed() { size = declaredFontSize(current, inherited: size) }
        return size
    }

    private func declaredFontSize(_ index: Int, inherited: Double) -> Double {
        guard tree[index].isElement, let declared = InlineStyle.winning(["font-size", "font"], in: style(index)) else {
            return inherited
        }
        let value = declared.property == "font" ? CSSShorthand.font(declared.value)?.size : declared.value
        return value.flatMap(CSSLength.parse)?.fontSize(parent: inherited, root: Self.defaultFontSize) ?? inherited
    }

    /// A CSS length in px; em against `fontSize`, `%` a share of `percentOf`. Nil for keywords,
    /// unknown units and numbers other than 0.
    static func length(_ text: String, fontSize: Double, percentOf: Double) -> Double? {
        switch CSSLength.parse(text) {
        case let .pixels(value)?: return value
        case let .em(value)?: return value * fontSize
        case let .rem(value)?: return value * defaultFontSize
        case let .percentage(value)?: return value / 100 * percentOf
        case let .number(value)?: return value == 0 ? 0 : nil
        case nil: return nil
        }
    }
}
