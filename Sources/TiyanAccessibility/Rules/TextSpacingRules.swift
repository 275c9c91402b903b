import Foundation
import TiyanHTML

/// The three "important … in style attributes is wide enough" rules: an HTML element with a
/// visible text child whose style attribute sets the property with `!important` (the value that
/// wins the cascade, since nothing overrides an important inline declaration but user styles)
/// must give at least `factor` × its font size, so a user can still widen the spacing (WCAG 2.1
/// SC 1.4.12 Text Spacing).
protocol TextSpacingRule: ACTRule {
    var property: String { get }
    var factor: Double { get }
    /// The computed value of a number without a unit (only line-height has one).
    func unitless(_ number: Double, fontSize: Double) -> Double?
    /// The computed value of `normal`.
    func normal(fontSize: Double) -> Double
}

extension TextSpacingRule {
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.tree.elements.compactMap { node in
            guard page.isHTML(node), page[node].hasAttribute("style"),
                  let declared = InlineStyle.winning(property, in: page.style(node)), declared.important,
                  page.hasVisibleText(node, ownChildrenOnly: true)
            else { return nil }
            let value = declared.value.lowercased()
            if ["inherit", "unset", "initial", "revert", "revert-layer"].contains(value) { return nil }
            let fontSize = page.fontSize(node)
            let computed: Double?
            if value == "normal" {
                computed = normal(fontSize: fontSize)
            } else if let number = Double(value) {
                computed = unitless(number, fontSize: fontSize)
            } else {
                computed = AccessiblePage.length(value, fontSize: fontSize, percentOf: fontSize)
            }
            guard let computed else {
                return .cantTell(node, "The \(property) value \"\(declared.value)\" cannot be computed statically.")
            }
            let needed = factor * fontSize
            return .decide(node, computed + 0.0001 >= needed, String(
                format: "%@ is fixed with !important at %.2fpx, below %.2f times the %.0fpx font size.",
                property, computed, factor, fontSize))
        }
    }
}

/// 24afc2 Important letter spacing in style attributes is wide enough.
public struct LetterSpacingWideEnough: TextSpacingRule {
    public static let id = "24afc2"
    let property = "letter-spacing"
    let factor = 0.12
    public init(configuration: ACTConfiguration) {}
    func unitless(_ number: Double, fontSize: Double) -> Double? { number == 0 ? 0 : nil }
    func normal(fontSize: Double) -> Double { 0 }
}

/// 9e45ec Important word spacing in style attributes is wide enough.
public struct WordSpacingWideEnough: TextSpacingRule {
    public static let id = "9e45ec"
    let property = "word-spacing"
    let factor = 0.16
    public init(configuration: ACTConfiguration) {}
    func unitless(_ number: Double, fontSize: Double) -> Double? { number == 0 ? 0 : nil }
    func normal(fontSize: Double) -> Double { 0 }
}

/// 78fd32 Important line height in style attributes is wide enough.
public struct LineHeightWideEnough: TextSpacingRule {
    public static let id = "78fd32"
    let property = "line-height"
    let factor = 1.5
    public init(configuration: ACTConfiguration) {}
    func unitless(_ number: Double, fontSize: Double) -> Double? { number * fontSize }
    /// Browsers use about 1.2 for `normal`.
    func normal(fontSize: Double) -> Double { 1.2 * fontSize }
}
