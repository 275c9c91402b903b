import Foundation
import TiyanCSS
import TiyanHTML

/// The three "important … in style attributes is wide enough" rules (WCAG 2.1 SC 1.4.12 Text
/// Spacing; W3C ACT rules 24afc2, 9e45ec and 78fd32, versions of 20 December 2023). The test
/// target is an HTML element with visible text node children whose value for the property is
/// declared in a `style` attribute with `!important` — its own declaration or, by inheritance,
/// an ancestor's: `inherit` / `unset` (the properties inherit) pass the parent's value on with
/// the parent's importance, so they decide nothing by themselves. The computed value must be at
/// least `factor` times the target's font size, so a user can still widen the spacing.
protocol TextSpacingRule: ACTRule {
    var property: String { get }
    var factor: Double { get }
    /// The value in px for the target `element` of `value` declared on `declarer`; nil when it
    /// cannot be computed from the markup.
    func computed(_ value: String, declarer: Int, element: Int, page: AccessiblePage) -> Double?
    /// Whether the target's text must wrap for the rule to apply (line height only).
    var needsSoftWrap: Bool { get }
}

extension TextSpacingRule {
    var needsSoftWrap: Bool { false }

    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page.isHTML(node), page.hasVisibleTextChild(node),
                  let (declarer, declared) = page.decidingDeclaration(property, for: node), declared.important,
                  declared.fromStyleAttribute
            else { return nil }
            if needsSoftWrap {
                switch page.softWraps(node) {
                case false?: return nil
                case nil: return .cantTell(node, "Whether the text wraps onto several lines depends on the layout.")
                case true?: break
                }
            }
            let value = declared.declaration.value.lowercased()
            let fontSize = page.fontSize(node)
            guard let used = computed(value, declarer: declarer, element: node, page: page) else {
                return .cantTell(node, "The \(property) value \"\(declared.declaration.value)\" cannot be computed statically.")
            }
            return .decide(node, used + 0.0001 >= factor * fontSize, String(
                format: "%@ is fixed with !important at %.2fpx, below %.2f times the %.0fpx font size.",
                property, used, factor, fontSize))
        }
    }

    /// letter-spacing and word-spacing: `normal` is 0, lengths resolve on the declaring element
    /// and inherit as absolute lengths.
    func spacing(_ value: String, declarer: Int, page: AccessiblePage) -> Double? {
        if value == "normal" || value == "initial" { return 0 }
        if let number = Double(value) { return number == 0 ? 0 : nil }
        return AccessiblePage.length(value, fontSize: page.fontSize(declarer), percentOf: 0)
    }
}

/// Where an element's value of an inherited property comes from.
struct DecidingDeclaration {
    var declaration: StyleDeclaration
    var fromStyleAttribute: Bool
    var important: Bool { declaration.important }
}

extension AccessiblePage {
    /// The element has a text node child that is visible and not only white space.
    func hasVisibleTextChild(_ element: Int) -> Bool {
        tree[element].children.contains { child in
            !tree[child].isElement && !Self.isBlank(tree[child].text) && isVisible(child)
        }
    }

    /// The declaration that gives `element` its value of an inherited property: the element's
    /// winning declaration, or, when it has none or says `inherit` / `unset` / `revert`, its
    /// parent's, and so on up. Nil when the value is the initial one from no declaration.
    func decidingDeclaration(_ property: String, for element: Int) -> (Int, DecidingDeclaration)? {
        // The `font` shorthand sets line-height too (to `normal` when it names none).
        let properties: Set<String> = property == "line-height" ? [property, "font"] : [property]
        func longhand(_ declaration: StyleDeclaration?) -> StyleDeclaration? {
            guard let declaration, declaration.property == "font" else { return declaration }
            let lineHeight = CSSShorthand.font(declaration.value)?.lineHeight ?? "normal"
            return StyleDeclaration(property: property, value: lineHeight, important: declaration.important)
        }
        for node in [element] + tree.ancestors(of: element) where tree[node].isElement {
            let inline = longhand(InlineStyle.winning(properties, in: style(node)))
            let sheet = longhand(sheetStyles[node].flatMap { InlineStyle.winning(properties, in: $0) })
            let winner: DecidingDeclaration?
            switch (inline, sheet) {
            case let (inline?, sheet?):
                winner = sheet.important && !inline.important
                    ? DecidingDeclaration(declaration: sheet, fromStyleAttribute: false)
                    : DecidingDeclaration(declaration: inline, fromStyleAttribute: true)
            case let (inline?, nil): winner = DecidingDeclaration(declaration: inline, fromStyleAttribute: true)
            case let (nil, sheet?): winner = DecidingDeclaration(declaration: sheet, fromStyleAttribute: false)
            case (nil, nil): winner = nil
            }
            guard let winner else { continue }
            if ["inherit", "unset", "revert", "revert-layer"].contains(winner.declaration.value.lowercased()) { continue }
            return (node, winner)
        }
        return nil
    }

    /// Whether the element's text wraps onto a second line (CSS Text 3 "soft wrap break"),
    /// estimated without layout: the text's width at about half an em per Latin character and
    /// one em per CJK character, against the nearest width or max-width in px (else a 1280px
    /// window less the body margin). Nil when the estimate is too close to call.
    func softWraps(_ element: Int) -> Bool? {
        for node in [element] + tree.ancestors(of: element) where tree[node].isElement {
            if let whiteSpace = InlineStyle.winning("white-space", in: style(node))?.value.lowercased() {
                if whiteSpace == "nowrap" || whiteSpace == "pre" { return false }
                break
            }
        }
        let fontSize = self.fontSize(element)
        let text = Self.collapse(tree.textContent(of: element))
        guard !text.isEmpty else { return false }
        let width = text.unicodeScalars.reduce(0.0) { sum, scalar in
            sum + (scalar.value >= 0x2E80 && scalar.value < 0xFFEF ? 1.0 : 0.5) * fontSize
        }
        var available = 1280.0 - 16
        for node in [element] + tree.ancestors(of: element) where tree[node].isElement {
            let declared = ["width", "max-width"].compactMap { InlineStyle.winning($0, in: style(node)) }
                .compactMap { Self.length($0.value, fontSize: self.fontSize(node), percentOf: 0) }.filter { $0 > 0 }
            if let narrowest = declared.min() {
                available = narrowest
                break
            }
        }
        if width <= 0.8 * available { return false }
        if width >= 1.2 * available { return true }
        return nil
    }
}

/// 24afc2 Important letter spacing in style attributes is wide enough.
public struct LetterSpacingWideEnough: TextSpacingRule {
    public static let id = "24afc2"
    let property = "letter-spacing"
    let factor = 0.12
    public init(configuration: ACTConfiguration) {}
    func computed(_ value: String, declarer: Int, element: Int, page: AccessiblePage) -> Double? {
        spacing(value, declarer: declarer, page: page)
    }
}

/// 9e45ec Important word spacing in style attributes is wide enough.
public struct WordSpacingWideEnough: TextSpacingRule {
    public static let id = "9e45ec"
    let property = "word-spacing"
    let factor = 0.16
    public init(configuration: ACTConfiguration) {}
    func computed(_ value: String, declarer: Int, element: Int, page: AccessiblePage) -> Double? {
        spacing(value, declarer: declarer, page: page)
    }
}

/// 78fd32 Important line height in style attributes is wide enough: only for text that wraps.
/// A number inherits as a number (times each element's font size); lengths and percentages
/// resolve where declared.
public struct LineHeightWideEnough: TextSpacingRule {
    public static let id = "78fd32"
    let property = "line-height"
    let factor = 1.5
    var needsSoftWrap: Bool { true }
    public init(configuration: ACTConfiguration) {}
    func computed(_ value: String, declarer: Int, element: Int, page: AccessiblePage) -> Double? {
        // Browsers use about 1.2 for `normal`.
        if value == "normal" || value == "initial" { return 1.2 * page.fontSize(element) }
        if let number = Double(value) { return number * page.fontSize(element) }
        let fontSize = page.fontSize(declarer)
        return AccessiblePage.length(value, fontSize: fontSize, percentOf: fontSize)
    }
}
