import Foundation

/// The HTML autofill detail tokens (HTML §4.10.18.7.1): `[section-*] [shipping|billing]
/// [home|work|mobile|fax|pager] field-name [webauthn]`, or `on` / `off`. The field names are
/// data (probes/accessibility.yaml).
public struct AutocompleteGrammar: Sendable {
    public let fieldNames: Set<String>
    /// Field names a contact token (home, work…) may precede.
    public let contactFields: Set<String>

    public init(fieldNames: some Sequence<String>, contactFields: some Sequence<String>) {
        self.fieldNames = Set(fieldNames.map { $0.lowercased() })
        self.contactFields = Set(contactFields.map { $0.lowercased() })
    }

    static let contactTokens: Set<String> = ["home", "work", "mobile", "fax", "pager"]

    /// The field name of a valid value (`on`/`off` included), nil for an invalid one. Tokens
    /// compare ASCII case-insensitively.
    public func fieldName(of value: String) -> String? {
        var tokens = value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .map(String.init)
        guard !tokens.isEmpty else { return nil }
        if tokens.count == 1, tokens[0] == "on" || tokens[0] == "off" { return tokens[0] }
        if tokens.last == "webauthn" { tokens.removeLast() }
        guard let field = tokens.popLast(), fieldNames.contains(field) else { return nil }
        if let contact = tokens.last, Self.contactTokens.contains(contact) {
            guard contactFields.contains(field) else { return nil }
            tokens.removeLast()
        }
        if let mode = tokens.last, mode == "shipping" || mode == "billing" { tokens.removeLast() }
        if let section = tokens.last, section.hasPrefix("section-"), section.count > 8 { tokens.removeLast() }
        return tokens.isEmpty ? field : nil
    }
}
