import Foundation

/// The value type of a WAI-ARIA 1.2 state or property (§6.2 "Characteristics of States and
/// Properties", §8 "Value types").
public enum ARIAValueType: Sendable, Hashable {
    case trueFalse
    case trueFalseUndefined
    case tristate
    case idReference
    case idReferenceList
    case integer
    case number
    case string
    case token([String])
    case tokenList([String])
}

/// The WAI-ARIA 1.2 state and property table (§6.6 "Definitions of States and Properties"):
/// specification data, fixed per ARIA version.
public enum ARIAAttributes {
    public static let types: [String: ARIAValueType] = [
        "aria-activedescendant": .idReference,
        "aria-atomic": .trueFalse,
        "aria-autocomplete": .token(["inline", "list", "both", "none"]),
        "aria-braillelabel": .string,
        "aria-brailleroledescription": .string,
        "aria-busy": .trueFalse,
        "aria-checked": .tristate,
        "aria-colcount": .integer,
        "aria-colindex": .integer,
        "aria-colspan": .integer,
        "aria-controls": .idReferenceList,
        "aria-current": .token(["page", "step", "location", "date", "time", "true", "false"]),
        "aria-describedby": .idReferenceList,
        "aria-details": .idReference,
        "aria-disabled": .trueFalse,
        "aria-dropeffect": .tokenList(["copy", "execute", "link", "move", "none", "popup"]),
        "aria-errormessage": .idReference,
        "aria-expanded": .trueFalseUndefined,
        "aria-flowto": .idReferenceList,
        "aria-grabbed": .trueFalseUndefined,
        "aria-haspopup": .token(["false", "true", "menu", "listbox", "tree", "grid", "dialog"]),
        "aria-hidden": .trueFalseUndefined,
        "aria-invalid": .token(["grammar", "false", "spelling", "true"]),
        "aria-keyshortcuts": .string,
        "aria-label": .string,
        "aria-labelledby": .idReferenceList,
        "aria-level": .integer,
        "aria-live": .token(["assertive", "off", "polite"]),
        "aria-modal": .trueFalse,
        "aria-multiline": .trueFalse,
        "aria-multiselectable": .trueFalse,
        "aria-orientation": .token(["horizontal", "undefined", "vertical"]),
        "aria-owns": .idReferenceList,
        "aria-placeholder": .string,
        "aria-posinset": .integer,
        "aria-pressed": .tristate,
        "aria-readonly": .trueFalse,
        "aria-relevant": .tokenList(["additions", "all", "removals", "text"]),
        "aria-required": .trueFalse,
        "aria-roledescription": .string,
        "aria-rowcount": .integer,
        "aria-rowindex": .integer,
        "aria-rowspan": .integer,
        "aria-selected": .trueFalseUndefined,
        "aria-setsize": .integer,
        "aria-sort": .token(["ascending", "descending", "none", "other"]),
        "aria-valuemax": .number,
        "aria-valuemin": .number,
        "aria-valuenow": .number,
        "aria-valuetext": .string,
    ]

    /// Global states and properties (§6.4), the deprecated-on-most-roles ones included because
    /// ARIA 1.2 still allows them on every role.
    public static let global: Set<String> = [
        "aria-atomic", "aria-busy", "aria-controls", "aria-current", "aria-describedby", "aria-details",
        "aria-disabled", "aria-dropeffect", "aria-errormessage", "aria-flowto", "aria-grabbed",
        "aria-haspopup", "aria-hidden", "aria-invalid", "aria-keyshortcuts", "aria-label",
        "aria-labelledby", "aria-live", "aria-owns", "aria-relevant", "aria-roledescription",
    ]

    /// Globals that name an element, prohibited on roles that cannot be named (ARIA 1.2 §5.2.8.6
    /// and the braille label properties of ARIA 1.3).
    public static let naming: Set<String> = [
        "aria-label", "aria-labelledby", "aria-braillelabel", "aria-brailleroledescription",
    ]

    /// ID reference and ID reference list properties.
    public static func isReference(_ name: String) -> Bool {
        switch types[name.lowercased()] {
        case .idReference?, .idReferenceList?: return true
        default: return false
        }
    }

    public static func isDefined(_ name: String) -> Bool { types[name.lowercased()] != nil }

    /// Whether `value` is allowed for the attribute by its value type. Undefined attributes and
    /// ID references (whose targets rule in6db8 checks) answer by syntax alone.
    public static func isValid(_ value: String, for name: String) -> Bool {
        guard let type = types[name.lowercased()] else { return false }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        switch type {
        case .trueFalse: return ["true", "false"].contains(lower)
        case .trueFalseUndefined: return ["true", "false", "undefined"].contains(lower)
        case .tristate: return ["true", "false", "mixed", "undefined"].contains(lower)
        case .idReference: return !trimmed.isEmpty && !trimmed.contains(where: \.isWhitespace)
        case .idReferenceList: return !trimmed.isEmpty
        case .integer: return Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) != nil
        case .number: return isNumber(trimmed)
        case .string: return true
        case let .token(tokens): return tokens.contains(lower)
        case let .tokenList(tokens):
            let words = lower.split(whereSeparator: \.isWhitespace).map(String.init)
            return !words.isEmpty && words.allSatisfy(tokens.contains)
        }
    }

    /// An HTML floating-point number (no `inf`, `nan` or hexadecimal that Double would accept).
    static func isNumber(_ text: String) -> Bool {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else {
            return false
        }
        return Double(text)?.isFinite == true
    }
}
