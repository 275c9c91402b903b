import Foundation
import TiyanCSS

/// Font sizes and lengths from inline styles, enough for the text-spacing rules, with TiyanCSS's
/// length parser. Inline `font-size` / `font` and the style sheets' `font-size` (as far as
/// the caller passed them in) count; an element with neither inherits, from the 16px default.
extension AccessiblePage {
    static let defaultFontSize = 16.0

    /// The computed font size in px. Ancestors are walked in a loop, not by recursion: legacy
    /// pages nest thousands of levels deep, beyond what a thread's stack takes.
    public func fontSize(_ index: Int) -> Double {
        if let known = fontSizeCache[index] { return known }
        var chain = [index]
        while let parent = tree[chain[chain.count - 1]].parent, fontSizeCache[parent] == nil { chain.append(parent) }
        var size = tree[chain[chain.count - 1]].parent.flatMap { fontSizeCache[$0] } ?? Self.defaultFontSize
        for current in chain.reversed() {
            size = declaredFontSize(current, inherited: size)
            fontSizeCache[current] = size
        }
        return size
    }

    private func declaredFontSize(_ index: Int, inherited: Double) -> Double {
        guard tree[index].isElement, let declared = cascadedFontSize(index) else { return inherited }
        let value = declared.property == "font" ? CSSShorthand.font(declared.value)?.size : declared.value
        return value.flatMap(CSSLength.parse)?.fontSize(parent: inherited, root: Self.defaultFontSize) ?? inherited
    }

    /// The winning `font-size` / `font` declaration: inline, unless only a style sheet's is important.
    private func cascadedFontSize(_ index: Int) -> StyleDeclaration? {
        let inline = InlineStyle.winning(["font-size", "font"], in: style(index))
        let sheet = sheetStyles[index].flatMap { InlineStyle.winning(["font-size", "font"], in: $0) }
        guard let sheet else { return inline }
        guard let inline else { return sheet }
        return sheet.important && !inline.important ? sheet : inline
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
