/// A `font-size`, `line-height` or other length value before it is resolved against the
/// element's context.
public enum CSSLength: Sendable, Hashable {
    /// Absolute, already in CSS px (pt, pc, in, cm, mm, Q converted).
    case pixels(Double)
    /// Relative to the parent's font size (em; ex and ch taken as 0.5em).
    case em(Double)
    /// Relative to the root element's font size.
    case rem(Double)
    /// Percent of the reference (the parent's font size for font-size).
    case percentage(Double)
    /// A plain number (line-height: a multiple of the element's own font size).
    case number(Double)

    /// Parses one length: `16px`, `12pt`, `1.2em`, `1rem`, `120%`, `1.5`, and the font-size
    /// keywords (`xx-small`…`xxx-large`, `smaller`, `larger`). Viewport and container units
    /// depend on a window the prober does not have: nil.
    public static func parse(_ text: String) -> CSSLength? {
        let components = Array(CSSComponentValue.parseList(text).trimmingTrivia())
        guard components.count == 1, let token = components[0].token else { return nil }
        return parse(token)
    }

    public static func parse(_ token: CSSToken) -> CSSLength? {
        guard let length = parseUnchecked(token), length.magnitude.isFinite,
            length.magnitude <= maximumMagnitude
        else { return nil }
        return length
    }

    /// Browsers clamp lengths far below this (Blink's layout unit ends near 3.3e7 px); a value
    /// beyond it, or one that overflows to infinity (`1e99999px`), is an invalid declaration
    /// rather than a number every later conversion must survive.
    public static let maximumMagnitude = 1e7

    private var magnitude: Double {
        switch self {
        case .pixels(let value), .em(let value), .rem(let value), .percentage(let value), .number(let value):
            return abs(value)
        }
    }

    private static func parseUnchecked(_ token: CSSToken) -> CSSLength? {
        switch token.kind {
        case .number(let value): return .number(value)
        case .percentage(let value): return .percentage(value)
        case .dimension(let value, let unit):
            switch unit.lowercased() {
            case "px": return .pixels(value)
            case "pt": return .pixels(value * 4 / 3)
            case "pc": return .pixels(value * 16)
            case "in": return .pixels(value * 96)
            case "cm": return .pixels(value * 96 / 2.54)
            case "mm": return .pixels(value * 96 / 25.4)
            case "q": return .pixels(value * 96 / 101.6)
            case "em": return .em(value)
            case "ex", "ch": return .em(value * 0.5)
            case "rem": return .rem(value)
            default: return nil
            }
        case .ident(let word):
            // CSS Fonts 4 §2.5, with medium = 16px (the browsers' default).
            switch word.lowercased() {
            case "xx-small": return .pixels(9)
            case "x-small": return .pixels(10)
            case "small": return .pixels(13)
            case "medium": return .pixels(16)
            case "large": return .pixels(18)
            case "x-large": return .pixels(24)
            case "xx-large": return .pixels(32)
            case "xxx-large": return .pixels(48)
            case "smaller": return .em(1 / 1.2)
            case "larger": return .em(1.2)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A font size in px: em and % against the parent's font size, rem against the root's.
    /// Nil when the result leaves the finite range (nested `em`s multiply).
    public func fontSize(parent: Double, root: Double) -> Double? {
        let size: Double
        switch self {
        case .pixels(let value): size = value
        case .em(let value): size = value * parent
        case .rem(let value): size = value * root
        case .percentage(let value): size = value / 100 * parent
        case .number: return nil
        }
        return Self.bounded(size)
    }

    /// A line height as a multiple of the element's font size (`normal` is not a length: the
    /// caller handles it).
    public func lineHeightRatio(fontSize: Double, root: Double) -> Double? {
        guard fontSize > 0, fontSize.isFinite else { return nil }
        let ratio: Double
        switch self {
        case .number(let value): ratio = value
        case .percentage(let value): ratio = value / 100
        case .em(let value): ratio = value
        case .rem(let value): ratio = value * root / fontSize
        case .pixels(let value): ratio = value / fontSize
        }
        return Self.bounded(ratio)
    }

    private static func bounded(_ value: Double) -> Double? {
        value.isFinite && abs(value) <= maximumMagnitude ? value : nil
    }
}

/// Longhands read out of shorthands: `font` and `background` are where portals set sizes and
/// colours most often.
public enum CSSShorthand {
    public struct Font: Sendable, Hashable {
        public var size: String
        public var lineHeight: String?
        public var family: String?

        public init(size: String, lineHeight: String?, family: String?) {
            self.size = size
            self.lineHeight = lineHeight
            self.family = family
        }
    }

    /// `font: [style] [variant] [weight] [stretch] size[/line-height] family`. Nil for system
    /// fonts (`caption`, `menu`, …) and values without a size before the family.
    public static func font(_ value: String) -> Font? {
        let parts = CSSComponentValue.parseList(value).filter { !$0.isTrivia }
        var index = 0
        let prefixKeywords: Set<String> = [
            "normal", "italic", "oblique", "small-caps", "bold", "bolder", "lighter", "condensed",
            "semi-condensed", "expanded", "semi-expanded", "ultra-condensed", "extra-condensed",
            "ultra-expanded", "extra-expanded", "inherit",
        ]
        while index < parts.count, let token = parts[index].token {
            if case .ident(let word) = token.kind, prefixKeywords.contains(word.lowercased()) {
                index += 1
            } else if case .number = token.kind {
                index += 1  // a numeric weight such as 700
            } else {
                break
            }
        }
        guard index < parts.count, let sizeToken = parts[index].token, CSSLength.parse(sizeToken) != nil else {
            return nil
        }
        // A bare number cannot be a font size: the value is malformed or a system font.
        if case .number = sizeToken.kind { return nil }
        index += 1
        var lineHeight: String?
        if index + 1 < parts.count, parts[index].token?.kind == .delim("/"), let token = parts[index + 1].token {
            lineHeight = token.text
            index += 2
        }
        let family = Array(parts[index...]).serializedList()
        return Font(size: sizeToken.text, lineHeight: lineHeight, family: family.isEmpty ? nil : family)
    }

    /// The colour of a `background` shorthand (its final layer), or nil when it sets none.
    public static func backgroundColor(_ value: String) -> String? {
        let layers = CSSComponentValue.parseList(value).split { $0.token?.kind == .comma }
        guard let last = layers.last else { return nil }
        for part in last where !part.isTrivia {
            if CSSColor.parse(part) != nil {
                return Array([part]).serialized()
            }
            if case .ident(let word)? = part.token?.kind, word.lowercased() == "currentcolor" {
                return word
            }
        }
        return nil
    }
}

extension Array where Element == CSSComponentValue {
    /// Serializes values that had their whitespace filtered out, separating them by spaces
    /// (commas stay attached to the value before them).
    func serializedList() -> String {
        var output = ""
        for value in self {
            let text = [value].serialized()
            if text == "," {
                output += ","
            } else {
                output += output.isEmpty ? text : " " + text
            }
        }
        return output
    }
}
