import Foundation
import TiyanCSS

/// The screen a page's CSS is evaluated for: a static prober has no window, so a width is
/// assumed (probes/elder.yaml: desktop for home and elder pages, a phone for home_mobile).
struct MediaEnvironment {
    var width: Double

    /// Whether every condition (enclosing `@media` blocks and the `media` attribute) holds.
    func matches(_ conditions: [String]) -> Bool {
        conditions.allSatisfy(matches(queryList:))
    }

    /// A media query list holds when any of its queries does (Media Queries 4 §2).
    func matches(queryList: String) -> Bool {
        let trimmed = queryList.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return true }
        return CSSSelectorList.split(trimmed).contains(where: matches(query:))
    }

    /// `[only|not] type [and (feature)]*` or `(feature) [and (feature)]*`. Unknown types and
    /// features do not hold: a rule for a device the prober cannot emulate is not applied.
    func matches(query: String) -> Bool {
        var negated = false
        var result = true
        var sawTerm = false
        for component in CSSComponentValue.parseList(query) where !component.isTrivia {
            switch component {
            case .token(let token):
                guard case .ident(let word) = token.kind else { return false }
                switch word.lowercased() {
                case "only", "and": continue
                case "not": negated = true
                case "screen", "all": sawTerm = true
                default:
                    sawTerm = true
                    result = false
                }
            case .block("(", let contents):
                sawTerm = true
                if !matches(feature: contents) { result = false }
            default:
                return false
            }
        }
        guard sawTerm else { return false }
        return negated ? !result : result
    }

    private func matches(feature contents: [CSSComponentValue]) -> Bool {
        let parts = contents.filter { !$0.isTrivia }
        guard parts.count == 3, case .ident(let rawName)? = parts[0].token?.kind,
            parts[1].token?.kind == .colon, let valueToken = parts[2].token
        else { return false }
        let name = rawName.lowercased()
        let pixels: Double?
        switch valueToken.kind {
        case .dimension(let value, let unit) where ["em", "rem"].contains(unit.lowercased()):
            pixels = value * 16  // media queries resolve em against the initial font size
        case .number(0):
            pixels = 0
        default:
            if case .pixels(let value)? = CSSLength.parse(valueToken) { pixels = value } else { pixels = nil }
        }
        switch name {
        case "min-width", "min-device-width": return pixels.map { width >= $0 } ?? false
        case "max-width", "max-device-width": return pixels.map { width <= $0 } ?? false
        case "orientation":
            if case .ident(let orientation) = valueToken.kind {
                return orientation.lowercased() == (width >= 768 ? "landscape" : "portrait")
            }
            return false
        default:
            return false
        }
    }
}
