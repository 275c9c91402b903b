import Foundation

/// An sRGB colour with alpha (CSS Color Level 4): channels 0–255, alpha 0–1.
public struct CSSColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = Self.clamp(red, 0, 255)
        self.green = Self.clamp(green, 0, 255)
        self.blue = Self.clamp(blue, 0, 255)
        self.alpha = Self.clamp(alpha, 0, 1)
    }

    public init(rgb: UInt32) {
        self.init(red: Double((rgb >> 16) & 0xFF), green: Double((rgb >> 8) & 0xFF), blue: Double(rgb & 0xFF))
    }

    public static let white = CSSColor(red: 255, green: 255, blue: 255)
    public static let black = CSSColor(red: 0, green: 0, blue: 0)
    public static let transparent = CSSColor(red: 0, green: 0, blue: 0, alpha: 0)

    /// `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (comma or space syntax,
    /// numbers or percentages, `/ alpha`), `hsl()`/`hsla()`, the named colours and
    /// `transparent`. Nil for anything else, `currentcolor` and system colours included: the
    /// caller decides what those mean.
    public static func parse(_ text: String) -> CSSColor? {
        let components = Array(CSSComponentValue.parseList(text).trimmingTrivia())
        guard components.count == 1 else { return nil }
        return parse(components[0])
    }

    public static func parse(_ component: CSSComponentValue) -> CSSColor? {
        switch component {
        case .token(let token):
            switch token.kind {
            case .hash(let hex, _): return hexColor(hex)
            case .ident(let name):
                let lowered = name.lowercased()
                if lowered == "transparent" { return .transparent }
                return namedColors[lowered].map { CSSColor(rgb: $0) }
            default: return nil
            }
        case .function(let name, _, let arguments):
            guard let values = functionArguments(arguments) else { return nil }
            switch name.lowercased() {
            case "rgb", "rgba": return rgbColor(values)
            case "hsl", "hsla": return hslColor(values)
            default: return nil
            }
        case .block:
            return nil
        }
    }

    // MARK: - WCAG 2.x

    /// Relative luminance (WCAG 2.2, definition "relative luminance"), of the opaque colour.
    public var relativeLuminance: Double {
        func linear(_ channel: Double) -> Double {
            let value = channel / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1…21.
    public func contrastRatio(with other: CSSColor) -> Double {
        let first = relativeLuminance
        let second = other.relativeLuminance
        return (max(first, second) + 0.05) / (min(first, second) + 0.05)
    }

    /// This colour painted over `background` (alpha compositing), opaque when the background is.
    public func composited(over background: CSSColor) -> CSSColor {
        let alpha = self.alpha + background.alpha * (1 - self.alpha)
        guard alpha > 0 else { return .transparent }
        func channel(_ top: Double, _ bottom: Double) -> Double {
            (top * self.alpha + bottom * background.alpha * (1 - self.alpha)) / alpha
        }
        return CSSColor(
            red: channel(red, background.red), green: channel(green, background.green),
            blue: channel(blue, background.blue), alpha: alpha)
    }

    /// `#rrggbb`, or `rgba(…)` when not opaque: for evidence and reasons.
    public var description: String {
        func hex(_ value: Double) -> String {
            let byte = Int(value.rounded())
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        if alpha >= 1 { return "#" + hex(red) + hex(green) + hex(blue) }
        return "rgba(\(Int(red.rounded())), \(Int(green.rounded())), \(Int(blue.rounded())), \(alpha))"
    }

    // MARK: - Parsing helpers

    private static func hexColor(_ hex: String) -> CSSColor? {
        guard hex.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return nil }
        let digits = hex.map { Double(Int(String($0), radix: 16) ?? 0) }
        switch digits.count {
        case 3, 4:
            return CSSColor(
                red: digits[0] * 17, green: digits[1] * 17, blue: digits[2] * 17,
                alpha: digits.count == 4 ? digits[3] * 17 / 255 : 1)
        case 6, 8:
            let bytes = stride(from: 0, to: digits.count, by: 2).map { digits[$0] * 16 + digits[$0 + 1] }
            return CSSColor(
                red: bytes[0], green: bytes[1], blue: bytes[2],
                alpha: bytes.count == 4 ? bytes[3] / 255 : 1)
        default:
            return nil
        }
    }

    private enum Argument {
        case number(Double)
        case percentage(Double)
        case angle(degrees: Double)
    }

    /// Arguments of a colour function in either syntax: `r, g, b[, a]` or `r g b[ / a]`. The
    /// alpha (if any) is always the fourth element.
    private static func functionArguments(_ components: [CSSComponentValue]) -> [Argument]? {
        var values: [Argument] = []
        for component in components where !component.isTrivia {
            guard let token = component.token else { return nil }
            // `rgb(1e999 0 0)` overflows to infinity: an invalid colour, not a clamped one.
            if let number = token.numericValue, !number.isFinite { return nil }
            switch token.kind {
            case .comma, .delim("/"): continue
            case .number(let value): values.append(.number(value))
            case .percentage(let value): values.append(.percentage(value))
            case .dimension(let value, let unit):
                switch unit.lowercased() {
                case "deg": values.append(.angle(degrees: value))
                case "grad": values.append(.angle(degrees: value * 0.9))
                case "rad": values.append(.angle(degrees: value * 180 / Double.pi))
                case "turn": values.append(.angle(degrees: value * 360))
                default: return nil
                }
            case .ident(let word) where word.lowercased() == "none":
                values.append(.number(0))
            default:
                return nil
            }
        }
        return values.count == 3 || values.count == 4 ? values : nil
    }

    private static func alphaValue(_ values: [Argument]) -> Double? {
        guard values.count == 4 else { return 1 }
        switch values[3] {
        case .number(let value): return value
        case .percentage(let value): return value / 100
        case .angle: return nil
        }
    }

    private static func rgbColor(_ values: [Argument]) -> CSSColor? {
        var channels: [Double] = []
        for value in values.prefix(3) {
            switch value {
            case .number(let number): channels.append(number)
            case .percentage(let percent): channels.append(percent * 255 / 100)
            case .angle: return nil
            }
        }
        guard let alpha = alphaValue(values) else { return nil }
        return CSSColor(red: channels[0], green: channels[1], blue: channels[2], alpha: alpha)
    }

    private static func hslColor(_ values: [Argument]) -> CSSColor? {
        let hue: Double
        switch values[0] {
        case .number(let degrees), .angle(let degrees): hue = degrees
        case .percentage: return nil
        }
        func fraction(_ argument: Argument) -> Double? {
            switch argument {
            case .percentage(let value), .number(let value): return clamp(value / 100, 0, 1)
            case .angle: return nil
            }
        }
        guard let saturation = fraction(values[1]), let lightness = fraction(values[2]),
            let alpha = alphaValue(values)
        else { return nil }
        // CSS Color 4 §7.1, hslToRgb.
        let normalizedHue = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        func channel(_ n: Double) -> Double {
            let k = (n + normalizedHue / 30).truncatingRemainder(dividingBy: 12)
            let a = saturation * min(lightness, 1 - lightness)
            return (lightness - a * max(-1, min(k - 3, 9 - k, 1))) * 255
        }
        return CSSColor(red: channel(0), green: channel(8), blue: channel(4), alpha: alpha)
    }

    private static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        guard value.isFinite else { return low }
        return min(max(value, low), high)
    }
}
