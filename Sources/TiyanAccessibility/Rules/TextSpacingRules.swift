import Foundation
import TiyanHTML

/// The three "important … in style attributes is wide enough" rules (WCAG 2.1 SC 1.4.12 Text
/// Spacing): an HTML element whose style attribute sets the property with `!important` — the
/// value that wins the cascade, as only user styles could override it — for visible text that
/// takes its value from this element (no nearer element declares the property). The computed
/// value, inherited down to each text's element, must be at least `factor` times that
/// element's font size, so a user can still widen the spacing.
protocol TextSpacingRule: ACTRule {
    var property: String { get }
    var factor: Double { get }
    /// The used value for one text's element of the winning declaration on `declarer`; nil when
    /// it cannot be computed from the markup.
    func computed(_ value: String, declarer: Int, text: Int, page: AccessiblePage) -> Double?
}

extension TextSpacingRule {
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page.isHTML(node), page[node].hasAttribute("style"),
                  let declared = InlineStyle.winning(property, in: page.style(node)), declared.important
            else { return nil }
            let value = declared.value.lowercased()
            if ["inherit", "unset", "revert", "revert-layer"].contains(value) { return nil }
            let textElements = Set(page.tree.descendants(of: node).compactMap { text -> Int? in
                guard !page[text].isElement, page.isVisible(text),
                      !page[text].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                      let parent = page[text].parent
                else { return nil }
                let declarer = ([parent] + page.tree.ancestors(of: parent)).first {
                    InlineStyle.winning(property, in: page.style($0)) != nil
                }
                return declarer == node ? parent : nil
            })
            guard !textElements.isEmpty else { return nil }
            for element in textElements.sorted() {
                let fontSize = page.fontSize(element)
                guard let used = computed(value, declarer: node, text: element, page: page) else {
                    return .cantTell(node, "The \(property) value \"\(declared.value)\" cannot be computed statically.")
                }
                if used + 0.0001 < factor * fontSize {
                    return .failed(node, String(
                        format: "%@ is fixed with !important at %.2fpx, below %.2f times the %.0fpx font size.",
                        property, used, factor, fontSize))
                }
            }
            return .passed(node)
        }
    }

    /// letter-spacing and word-spacing: `normal` is 0, lengths resolve on the declaring element
    /// and inherit as absolute lengths.
    func spacing(_ value: String, declarer: Int, page: AccessiblePage) -> Double? {
        if value == "normal" || value == "initial" { return 0 }
        if let number = Double(value) { return number == 0 ? 0 : nil }
        let fontSize = page.fontSize(declarer)
        return AccessiblePage.length(value, fontSize: fontSize, percentOf: 0)
    }
}

/// 24afc2 Important letter spacing in style attributes is wide enough.
public struct LetterSpacingWideEnough: TextSpacingRule {
    public static let id = "24afc2"
    let property = "letter-spacing"
    let factor = 0.12
    public init(configuration: ACTConfiguration) {}
    func computed(_ value: String, declarer: Int, text: Int, page: AccessiblePage) -> Double? {
        spacing(value, declarer: declarer, page: page)
    }
}

/// 9e45ec Important word spacing in style attributes is wide enough.
public struct WordSpacingWideEnough: TextSpacingRule {
    public static let id = "9e45ec"
    let property = "word-spacing"
    let factor = 0.16
    public init(configuration: ACTConfiguration) {}
    func computed(_ value: String, declarer: Int, text: Int, page: AccessiblePage) -> Double? {
        spacing(value, declarer: declarer, page: page)
    }
}

/// 78fd32 Important line height in style attributes is wide enough. A number inherits as a
/// number (times each element's font size); lengths and percentages resolve where declared.
public struct LineHeightWideEnough: TextSpacingRule {
    public static let id = "78fd32"
    let property = "line-height"
    let factor = 1.5
    public init(configuration: ACTConfiguration) {}
    func computed(_ value: String, declarer: Int, text: Int, page: AccessiblePage) -> Double? {
        // Browsers use about 1.2 for `normal`.
        if value == "normal" || value == "initial" { return 1.2 * page.fontSize(text) }
        if let number = Double(value) { return number * page.fontSize(text) }
        let fontSize = page.fontSize(declarer)
        return AccessiblePage.length(value, fontSize: fontSize, percentOf: fontSize)
    }
}
