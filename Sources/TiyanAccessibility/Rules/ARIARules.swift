import Foundation
import TiyanHTML

extension AccessiblePage {
    /// The `aria-*` attributes of an element, names lower-cased.
    func ariaAttributes(_ index: Int) -> [(name: String, value: String)] {
        tree[index].attributes.filter { $0.name.hasPrefix("aria-") }.map { ($0.name, $0.value) }
    }
}

/// 5f99a7 ARIA attribute is defined in WAI-ARIA (W3C ACT rule 5f99a7, version of 20 December 2023).
public struct ARIAAttributeDefined: ACTRule {
    public static let id = "5f99a7"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.flatMap { node in
            page.ariaAttributes(node).map { attribute in
                .decide(node, ARIAAttributes.isDefined(attribute.name),
                        "The attribute \(attribute.name) is not defined in WAI-ARIA.")
            }
        }
    }
}

/// 674b10 Role attribute has valid value (W3C ACT rule 674b10, version of 20 December 2023):
/// a role of only ASCII white space is no value; the element must be HTML or SVG and not
/// programmatically hidden (an element of role none is still in scope).
public struct RoleIsValid: ACTRule {
    public static let id = "674b10"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard let role = page.valuedAttribute(node, "role"), page.isHTMLOrSVG(node),
                  !page.isProgrammaticallyHidden(node)
            else { return nil }
            let tokens = role.lowercased().split(whereSeparator: AccessiblePage.isASCIIWhitespace).map(String.init)
            return .decide(node, tokens.contains(where: ARIARoles.isValid),
                           "The role value \"\(role)\" names no valid WAI-ARIA role.")
        }
    }
}

/// 6a7281 ARIA state or property has valid value (W3C ACT rule 6a7281, version of 20 December
/// 2023). By the rule's exception an ID reference need not point at an element of the page.
public struct ARIAValueIsValid: ACTRule {
    public static let id = "6a7281"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.flatMap { node -> [ACTTarget] in
            // HTML and SVG elements only (not MathML).
            guard page.isHTMLOrSVG(node) else { return [] }
            return page.ariaAttributes(node).compactMap { attribute -> ACTTarget? in
                guard ARIAAttributes.isDefined(attribute.name),
                      !attribute.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                else { return nil }
                return .decide(node, ARIAAttributes.isValid(attribute.value, for: attribute.name),
                               "The value \"\(attribute.value)\" is not allowed for \(attribute.name).")
            }
        }
    }
}

/// 4e8ab6 Element with role attribute has required states and properties (W3C ACT rule 4e8ab6,
/// version of 8 July 2025).
public struct RequiredStatesPresent: ACTRule {
    public static let id = "4e8ab6"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard let explicit = page.explicitRole(node), page.isHTMLOrSVG(node), page.role(node) == explicit,
                  page.implicitRole(node) != explicit, page.isIncluded(node),
                  let role = ARIARoles.role(explicit)
            else { return nil }
            var required = role.required
            // ARIA 1.2: a separator needs a value only when it is focusable (a splitter).
            if explicit == "separator", !page.isFocusable(node) { required = [] }
            // "Set and not empty".
            let missing = required.filter { page.nonEmptyAttribute(node, $0) == nil }.sorted()
            return .decide(node, missing.isEmpty,
                           "Role \(explicit) lacks its required \(missing.joined(separator: ", ")).")
        }
    }
}

/// 5c01ea ARIA state or property is permitted (W3C ACT rule 5c01ea, version of 20 August 2026).
public struct ARIAAttributePermitted: ACTRule {
    public static let id = "5c01ea"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.flatMap { node -> [ACTTarget] in
            guard page.isHTMLOrSVG(node), page.isIncluded(node) else { return [] }
            let role = page.role(node)
            let definition = role.flatMap(ARIARoles.role)
            return page.ariaAttributes(node).compactMap { attribute in
                guard ARIAAttributes.isDefined(attribute.name) else { return nil }
                if ARIAAttributes.global.contains(attribute.name) || ARIAAttributes.naming.contains(attribute.name) {
                    let prohibited = definition?.nameProhibited == true && ARIAAttributes.naming.contains(attribute.name)
                    return .decide(node, !prohibited, "\(attribute.name) is prohibited on role \(role ?? "none").")
                }
                let permitted = definition?.supported.contains(attribute.name) == true
                    || Self.nativelyImplied(attribute.name, on: page, node)
                return .decide(node, permitted, "\(attribute.name) is not supported on role \(role ?? "generic").")
            }
        }
    }

    /// HTML-AAM lets some states restate native semantics (aria-checked on a native checkbox,
    /// aria-required on a text field).
    static func nativelyImplied(_ attribute: String, on page: AccessiblePage, _ node: Int) -> Bool {
        let name = page[node].name
        // ARIA in HTML: audio and video take the application role's attributes; a password
        // field (no corresponding role) the textbox role's.
        if ["audio", "video"].contains(name), ARIARoles.role("application")?.supported.contains(attribute) == true {
            return true
        }
        if name == "input", page.attribute(node, "type")?.lowercased() == "password",
           ARIARoles.role("textbox")?.supported.contains(attribute) == true
        {
            return true
        }
        switch attribute {
        case "aria-required", "aria-readonly": return ["input", "select", "textarea"].contains(name)
        case "aria-checked": return name == "input"
        case "aria-selected": return name == "option"
        case "aria-expanded": return name == "details" || name == "summary"
        default: return false
        }
    }
}

/// kb1m8s ARIA global properties not used where prohibited (W3C ACT rule kb1m8s, version of
/// 20 August 2026).
public struct GlobalPropertyNotProhibited: ACTRule {
    public static let id = "kb1m8s"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.flatMap { node -> [ACTTarget] in
            guard page.isHTMLOrSVG(node), page.isIncluded(node) else { return [] }
            let names = page.ariaAttributes(node).map(\.name).filter(ARIAAttributes.naming.contains)
            guard !names.isEmpty else { return [] }
            let role = page.role(node)
            let prohibited = role.flatMap(ARIARoles.role)?.nameProhibited ?? false
            return names.map { .decide(node, !prohibited, "\($0) is prohibited on role \(role ?? "generic").") }
        }
    }
}

/// in6db8 ARIA required ID references exist (W3C ACT rule in6db8, version of 20 August 2026):
/// `aria-controls` on an HTML element that is a semantic scrollbar or an expanded combobox.
public struct RequiredReferencesExist: ACTRule {
    public static let id = "in6db8"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page.isHTML(node), let role = page.role(node) else { return nil }
            let attribute: String
            switch role {
            case "scrollbar": attribute = "aria-controls"
            case "combobox" where page.attribute(node, "aria-expanded")?.lowercased() == "true":
                attribute = "aria-controls"
            default: return nil
            }
            // The attribute is the target even when empty: then it lists no ID and fails.
            guard let ids = page[node].attribute(attribute) else { return nil }
            let exists = ids.split(whereSeparator: AccessiblePage.isASCIIWhitespace).contains {
                page.tree.element(id: String($0)) != nil
            }
            return .decide(node, exists, "\(attribute)=\"\(ids)\" refers to no element of the page.")
        }
    }
}
