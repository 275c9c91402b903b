/// One `property: value` pair of a declaration list.
public struct CSSDeclaration: Sendable, Hashable {
    /// Lowercased, except custom properties (`--Brand`), which are case-sensitive.
    public var property: String
    /// Trimmed, comments removed, whitespace collapsed, without `!important`.
    public var value: String
    public var isImportant: Bool

    public init(property: String, value: String, isImportant: Bool = false) {
        self.property = property
        self.value = value
        self.isImportant = isImportant
    }

    /// The declaration as it would be written in a rule.
    public var text: String {
        "\(property): \(value)\(isImportant ? " !important" : "")"
    }
}

/// Parses declaration lists (CSS Syntax Level 3 §5.4.5, "consume a list of declarations").
public enum CSSDeclarationParser {
    /// A declaration list: the content of a style="" attribute or of a rule's { } block.
    /// Broken declarations are skipped up to the next top-level `;`, as browsers do.
    public static func parse(_ text: String) -> [CSSDeclaration] {
        parse(components: CSSComponentValue.parseList(text))
    }

    public static func parse(components: [CSSComponentValue]) -> [CSSDeclaration] {
        var declarations: [CSSDeclaration] = []
        var current: [CSSComponentValue] = []
        for component in components {
            if case .token(let token) = component, token.kind == .semicolon {
                if let declaration = declaration(from: current) { declarations.append(declaration) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(component)
            }
        }
        if let declaration = declaration(from: current) { declarations.append(declaration) }
        return declarations
    }

    private static func declaration(from components: [CSSComponentValue]) -> CSSDeclaration? {
        var rest = components.trimmingTrivia()
        guard let first = rest.popFirst(), case .ident(let name)? = first.token?.kind else { return nil }
        while let next = rest.first, next.isTrivia { rest.removeFirst() }
        guard let colon = rest.popFirst(), colon.token?.kind == .colon else { return nil }
        var value = Array(rest.drop(while: \.isTrivia))
        let isImportant = removeImportant(from: &value)
        let isCustom = name.hasPrefix("--")
        let text = value.serialized()
        if text.isEmpty && !isCustom { return nil }
        return CSSDeclaration(property: isCustom ? name : name.lowercased(), value: text, isImportant: isImportant)
    }

    /// Removes a trailing `! important` (any case, trivia allowed between) and says whether it was there.
    private static func removeImportant(from value: inout [CSSComponentValue]) -> Bool {
        var end = value.count
        while end > 0, value[end - 1].isTrivia { end -= 1 }
        guard end > 0, case .ident(let word)? = value[end - 1].token?.kind,
              word.lowercased() == "important" else { return false }
        var bang = end - 1
        while bang > 0, value[bang - 1].isTrivia { bang -= 1 }
        guard bang > 0, value[bang - 1].token?.kind == .delim("!") else { return false }
        value.removeSubrange((bang - 1)...)
        return true
    }
}
