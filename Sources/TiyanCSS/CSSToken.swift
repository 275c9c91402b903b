/// One token of CSS Syntax Level 3 (§4), simplified: numbers keep their value and unit, every
/// token keeps its source text so values and rules can be shown as evidence exactly as written.
public struct CSSToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case ident(String)
        case function(String)
        case atKeyword(String)
        /// `isIdentifier` is the spec's type flag "id": the hash would be a valid ID selector.
        case hash(String, isIdentifier: Bool)
        case string(String)
        case badString
        case url(String)
        case badURL
        case delim(Character)
        case number(Double)
        case percentage(Double)
        case dimension(Double, unit: String)
        case whitespace
        /// Comments are kept as tokens (the spec drops them) so a serializer can separate the
        /// tokens on each side, as `1px/**/solid` means two values.
        case comment
        case cdo
        case cdc
        case colon
        case semicolon
        case comma
        case openSquare
        case closeSquare
        case openParenthesis
        case closeParenthesis
        case openCurly
        case closeCurly
    }

    public var kind: Kind
    /// The characters of the source that made this token.
    public var text: String

    public init(_ kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// Whitespace and comments: what separates tokens without meaning anything by itself.
    public var isTrivia: Bool {
        switch kind {
        case .whitespace, .comment: return true
        default: return false
        }
    }
}

extension CSSToken {
    /// The number of a number, percentage or dimension token.
    public var numericValue: Double? {
        switch kind {
        case .number(let value), .percentage(let value), .dimension(let value, _): return value
        default: return nil
        }
    }
}
