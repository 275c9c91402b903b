import Foundation
import TiyanHTML

/// de46e4 Element with lang attribute has valid language tag (W3C ACT rule de46e4, version of
/// 20 December 2023): an HTML element in `<body>` whose `lang` is not "" (white space is a
/// value, and an invalid one) and from which some text inherits its language.
public struct ElementLanguageIsValid: ACTRule {
    public static let id = "de46e4"
    let tags: LanguageTagValidator
    public init(configuration: ACTConfiguration) { tags = configuration.languageTags }
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard let lang = page[node].attribute("lang"), !lang.isEmpty, page.isHTML(node),
                  page.ancestor(of: node, named: ["body"]) != nil || page[node].name == "body",
                  page.hasTextInheritingLanguage(from: node)
            else { return nil }
            return .decide(node, tags.isValid(lang), "The lang value \"\(lang)\" is not a valid language tag.")
        }
    }
}

extension AccessiblePage {
    /// ACT "text inheriting its programmatic language from an element": text nodes that are
    /// visible or in the accessibility tree, and the accessible names and descriptions of
    /// elements in the tree, below `element` down to (not into) elements with a non-empty `lang`.
    func hasTextInheritingLanguage(from element: Int) -> Bool {
        var stack = [element]
        while let next = stack.popLast() {
            if next != element, tree[next].isElement, let lang = tree[next].attribute("lang"), !lang.isEmpty { continue }
            if !tree[next].isElement {
                if !Self.isBlank(tree[next].text), isVisible(next) || isIncluded(next) { return true }
                continue
            }
            if isIncluded(next), !Self.isBlank(accessibleName(next)) || !Self.isBlank(accessibleDescription(next)) {
                return true
            }
            stack.append(contentsOf: tree[next].children)
        }
        return false
    }
}

/// 73f2c2 Autocomplete attribute has valid value (W3C ACT rule 73f2c2, version of 31 August 2023).
public struct AutocompleteIsValid: ACTRule {
    public static let id = "73f2c2"
    let grammar: AutocompleteGrammar
    /// The rule's "fixed value" input types.
    static let fixedValueTypes: Set<String> = ["button", "checkbox", "file", "image", "radio", "reset", "submit"]
    public init(configuration: ACTConfiguration) { grammar = configuration.autocomplete }

    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            let name = page[node].name
            guard ["input", "select", "textarea"].contains(name), page.isHTML(node),
                  let value = page.valuedAttribute(node, "autocomplete"),
                  !page.isDisabled(node), !page.isAriaDisabled(node),
                  page.isVisible(node) || page.isIncluded(node)
            else { return nil }
            let type = name == "input" ? (page.attribute(node, "type")?.lowercased() ?? "text") : nil
            if let type, Self.fixedValueTypes.contains(type) { return nil }
            if ["on", "off"].contains(value.lowercased()) { return nil }
            // Static: out of the tab order and not a widget, nobody fills it in.
            if !page.isInSequentialFocusOrder(node), !ARIARoles.isWidget(page.role(node)) { return nil }
            // The expectation is the token grammar alone: a field name that does not suit the
            // control type still identifies the purpose (the rule's assumptions).
            return .decide(node, grammar.fieldName(of: value) != nil,
                           "autocomplete=\"\(value)\" is not a valid autofill detail.")
        }
    }
}
