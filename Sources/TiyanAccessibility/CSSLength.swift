import Foundation

/// Font sizes and lengths from inline styles, enough for the text-spacing rules: `px`, `pt`,
/// `em`, `rem`, `%`, `ex`/`ch` (as half an em) and the absolute size keywords. Style sheets
/// are not read: an element with no inline font size inherits, from the 16px default.
extension AccessiblePage {
    static let defaultFontSize = 16.0
    static let sizeKeywords: [String: Double] = [
        "xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18, "x-large": 24, "xx-large": 32,
        "xxx-large": 48,
    ]

    /// The computed font size in px.
    public func fontSize(_ index: Int) -> Double {
        let inherited = tree[index].parent.map(fontSize) ?? Self.defaultFontSize
        guard tree[index].isElement, let declared = InlineStyle.winning("font-size", in: style(index)) else {
            return inherited
        }
        let value = declared.value.lowercased()
        if let keyword = Self.sizeKeywords[value] { return keyword }
        if value == "smaller" { return inherited / 1.2 }
        if value == "larger" { return inherited * 1.2 }
        return Self.length(value, fontSize: inherited, percentOf: inherited) ?? inherited
    }

    /// A CSS length in px; `%` is a share of `percentOf`. Nil for keywords and unknown units.
    static func length(_ text: String, fontSize: Double, percentOf: Double) -> Double? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        let numberPart = value.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        guard let number = Double(numberPart) else { return nil }
        let unit = value.dropFirst(numberPart.count)
        switch unit {
        case "px": return number
        case "": return number == 0 ? 0 : nil
        case "em": return number * fontSize
        case "rem": return number * defaultFontSize
        case "%": return number / 100 * percentOf
        case "pt": return number * 4 / 3
        case "pc": return number * 16
        case "in": return number * 96
        case "cm": return number * 96 / 2.54
        case "mm": return number * 96 / 25.4
        case "ex", "ch": return number * fontSize / 2
        default: return nil
        }
    }
}
