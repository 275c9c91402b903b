/// A component value (CSS Syntax Level 3 §5): a token, a function with its arguments, or a
/// `{}`, `[]` or `()` block. Nesting is what keeps a `;` inside `url(...)` or a nested block from
/// ending a declaration.
public indirect enum CSSComponentValue: Sendable, Hashable {
    case token(CSSToken)
    case function(name: String, source: String, arguments: [CSSComponentValue])
    /// `opening` is `{`, `[` or `(`.
    case block(opening: Character, contents: [CSSComponentValue])

    /// Parses a whole token list into component values. Unmatched closing tokens stay plain
    /// tokens; blocks left open at the end of input are closed there.
    public static func parseList(_ tokens: [CSSToken]) -> [CSSComponentValue] {
        var index = 0
        return parseList(tokens, index: &index, closing: nil)
    }

    public static func parseList(_ text: String) -> [CSSComponentValue] {
        parseList(CSSTokenizer.tokenize(text))
    }

    private static func parseList(_ tokens: [CSSToken], index: inout Int,
                                  closing: CSSToken.Kind?) -> [CSSComponentValue] {
        var values: [CSSComponentValue] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if let closing, token.kind == closing {
                return values
            }
            switch token.kind {
            case .function(let name):
                let arguments = parseList(tokens, index: &index, closing: .closeParenthesis)
                values.append(.function(name: name, source: token.text, arguments: arguments))
            case .openCurly:
                values.append(.block(opening: "{", contents: parseList(tokens, index: &index, closing: .closeCurly)))
            case .openSquare:
                values.append(.block(opening: "[", contents: parseList(tokens, index: &index, closing: .closeSquare)))
            case .openParenthesis:
                values.append(.block(opening: "(", contents: parseList(tokens, index: &index,
                                                                      closing: .closeParenthesis)))
            default:
                values.append(.token(token))
            }
        }
        return values
    }

    public var token: CSSToken? {
        if case .token(let token) = self { return token }
        return nil
    }

    public var isTrivia: Bool {
        token?.isTrivia ?? false
    }
}

extension Array where Element == CSSComponentValue {
    /// The values as CSS text: comments dropped, whitespace runs collapsed to one space, trimmed.
    /// Strings and URLs keep their source spelling.
    public func serialized() -> String {
        var output = ""
        appendSerialization(of: self, to: &output)
        return output.trimmingSpaces()
    }

    /// The values without leading and trailing whitespace or comments.
    public func trimmingTrivia() -> ArraySlice<CSSComponentValue> {
        var slice = self[...]
        while let first = slice.first, first.isTrivia { slice.removeFirst() }
        while let last = slice.last, last.isTrivia { slice.removeLast() }
        return slice
    }
}

private func appendSerialization(of values: [CSSComponentValue], to output: inout String) {
    for value in values {
        switch value {
        case .token(let token):
            if token.isTrivia {
                if !output.isEmpty && output.last != " " { output.append(" ") }
            } else {
                output.append(token.text)
            }
        case .function(_, let source, let arguments):
            output.append(source)
            appendSerialization(of: arguments, to: &output)
            output.append(")")
        case .block(let opening, let contents):
            output.append(opening)
            appendSerialization(of: contents, to: &output)
            switch opening {
            case "{": output.append("}")
            case "[": output.append("]")
            default: output.append(")")
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
