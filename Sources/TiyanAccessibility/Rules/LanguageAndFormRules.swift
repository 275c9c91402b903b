import Foundation
import TiyanHTML

/// de46e4 Element with lang attribute has valid language tag.
public struct ElementLanguageIsValid: ACTRule {
    public static let id = "de46e4"
    let tags: LanguageTagValidator
    public init(configuration: ACTConfiguration) { tags = configuration.languageTags }
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard let lang = page.nonEmptyAttribute(node, "lang"), page.isHTML(node),
                  page.ancestor(of: node, named: ["body"]) != nil, ownsText(node, page)
            else { return nil }
            return .decide(node, tags.isValid(lang), "The lang value \"\(lang)\" is not a valid language tag.")
        }
    }

    /// A text node whose nearest `lang` ancestor is `node` is visible or exposed.
    private func ownsText(_ node: Int, _ page: AccessiblePage) -> Bool {
        page.tree.descendants(of: node).contains { child in
            guard !page[child].isElement, !page[child].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                  page.isVisible(child) || page.isIncluded(child)
            else { return false }
            let nearest = page.tree.ancestors(of: child).first { page.nonEmptyAttribute($0, "lang") != nil }
            return nearest == node
        }
    }
}

/// 73f2c2 Autocomplete attribute has valid value.
public struct AutocompleteIsValid: ACTRule {
    public static let id = "73f2c2"
    let grammar: AutocompleteGrammar
    static let excludedTypes: Set<String> = ["hidden", "button", "submit", "reset"]
    public init(configuration: ACTConfiguration) { grammar = configuration.autocomplete }

    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            let name = page[node].name
            guard ["input", "select", "textarea"].contains(name), let value = page.nonEmptyAttribute(node, "autocomplete"),
                  !page.isDisabled(node), page.attribute(node, "aria-disabled")?.lowercased() != "true",
                  page.isVisible(node) || page.isIncluded(node)
            else { return nil }
            let type = name == "input" ? (page.attribute(node, "type")?.lowercased() ?? "text") : nil
            if let type, Self.excludedTypes.contains(type) { return nil }
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
