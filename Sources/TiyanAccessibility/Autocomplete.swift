import Foundation

/// The HTML autofill detail tokens (HTML §4.10.18.7.1): `[section-*] [shipping|billing]
/// [home|work|mobile|fax|pager] field-name [webauthn]`, or `on` / `off`, and which control types
/// each field name suits. The token lists are data (probes/accessibility.yaml).
public struct AutocompleteGrammar: Sendable {
    /// Field name → its control group (`text`, `multiline`, `password`, `url`, `email`, `tel`,
    /// `numeric`, `month`, `date`).
    public let fieldGroups: [String: String]
    /// Field names a contact token (home, work…) may precede.
    public let contactFields: Set<String>
    /// Input type → the control groups it accepts; types not listed accept every group.
    public let inputGroups: [String: Set<String>]

    public init(fieldGroups: [String: String], contactFields: Set<String>, inputGroups: [String: Set<String>]) {
        self.fieldGroups = fieldGroups
        self.contactFields = contactFields
        self.inputGroups = inputGroups
    }

    static let contactTokens: Set<String> = ["home", "work", "mobile", "fax", "pager"]

    /// The field name of a valid value (`on`/`off` included), nil for an invalid one.
    public func fieldName(of value: String) -> String? {
        var tokens = value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard !tokens.isEmpty else { return nil }
        if tokens.count == 1, tokens[0] == "on" || tokens[0] == "off" { return tokens[0] }
        if tokens.last == "webauthn" { tokens.removeLast() }
        guard let field = tokens.popLast(), fieldGroups[field] != nil else { return nil }
        if let contact = tokens.last, Self.contactTokens.contains(contact) {
            guard contactFields.contains(field) else { return nil }
            tokens.removeLast()
        }
        if let mode = tokens.last, mode == "shipping" || mode == "billing" { tokens.removeLast() }
        if let section = tokens.last, section.hasPrefix("section-"), section.count > 8 { tokens.removeLast() }
        return tokens.isEmpty ? field : nil
    }

    /// Whether the field name suits the control (`input` type, or `textarea` / `select`).
    public func suits(_ field: String, element: String, type: String?) -> Bool {
        guard field != "on", field != "off", let group = fieldGroups[field] else { return true }
        let key = element == "input" ? (type ?? "text") : element
        guard let accepted = inputGroups[key] else { return true }
        return accepted.contains(group)
    }
}
