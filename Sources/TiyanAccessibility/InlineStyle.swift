import TiyanCSS

/// One declaration of a `style` attribute.
public struct StyleDeclaration: Sendable, Hashable {
    /// Lower-cased property name.
    public var property: String
    /// The value without `!important`, trimmed.
    public var value: String
    public var important: Bool

    public init(property: String, value: String, important: Bool) {
        self.property = property
        self.value = value
        self.important = important
    }
}

/// The declarations of a `style` attribute, parsed by TiyanCSS's declaration-list parser (CSS
/// Syntax §5.4.5): comments, strings and blocks handled, broken declarations dropped as browsers
/// drop them, `!important` recognised.
public enum InlineStyle {
    public static func declarations(_ style: String) -> [StyleDeclaration] {
        CSSDeclarationParser.parse(style).map {
            StyleDeclaration(property: $0.property, value: $0.value, important: $0.isImportant)
        }
    }

    /// The declaration that wins for a property within one style attribute: the last important
    /// one, else the last one.
    public static func winning(_ property: String, in declarations: [StyleDeclaration]) -> StyleDeclaration? {
        winning([property], in: declarations)
    }

    /// The winner among several properties that set the same thing (a longhand and its
    /// shorthand), in the same cascade order.
    static func winning(_ properties: Set<String>, in declarations: [StyleDeclaration]) -> StyleDeclaration? {
        let matching = declarations.filter { properties.contains($0.property) }
        return matching.last(where: \.important) ?? matching.last
    }
}
