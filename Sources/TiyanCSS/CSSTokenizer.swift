/// Tokenizes CSS following CSS Syntax Level 3 §4.3. Any input, however broken, yields tokens:
/// every step consumes at least one code point, and unterminated strings, URLs, comments and
/// escapes end where the spec says they end.
public struct CSSTokenizer: Sendable {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    public init(_ text: String) {
        scalars = CSSTokenizer.preprocess(text)
    }

    public static func tokenize(_ text: String) -> [CSSToken] {
        var tokenizer = CSSTokenizer(text)
        var tokens: [CSSToken] = []
        while let token = tokenizer.next() {
            tokens.append(token)
        }
        return tokens
    }

    /// §3.3: newlines normalised to LF, NUL and surrogates to U+FFFD.
    private static func preprocess(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                result.append("\n")
                previousWasCR = true
                continue
            case "\n" where previousWasCR:
                break
            case "\u{0C}":
                result.append("\n")
            case "\0":
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
            previousWasCR = false
        }
        return result
    }

    public mutating func next() -> CSSToken? {
        guard position < scalars.count else { return nil }
        let start = position
        let kind = consumeToken()
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        return CSSToken(kind, text: text)
    }

    // MARK: - Character classes (§4.2)

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func isHexDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar?) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n"
    }

    private static func isNameStart(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    private static func isName(_ scalar: Unicode.Scalar?) -> Bool {
        isNameStart(scalar) || isDigit(scalar) || scalar == "-"
    }

    private static func isNonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x08 || scalar.value == 0x0B || (0x0E...0x1F).contains(scalar.value) || scalar.value == 0x7F
    }

    private static func isValidEscape(_ first: Unicode.Scalar?, _ second: Unicode.Scalar?) -> Bool {
        first == "\\" && second != "\n" && second != nil
    }

    private func startsIdentifier(at offset: Int = 0) -> Bool {
        let first = peek(offset)
        let second = peek(offset + 1)
        if first == "-" {
            return Self.isNameStart(second) || second == "-" || Self.isValidEscape(second, peek(offset + 2))
        }
        if Self.isNameStart(first) { return true }
        return Self.isValidEscape(first, second)
    }

    private func startsNumber(at offset: Int = 0) -> Bool {
        let first = peek(offset)
        let second = peek(offset + 1)
        if first == "+" || first == "-" {
            return Self.isDigit(second) || (second == "." && Self.isDigit(peek(offset + 2)))
        }
        if first == "." { return Self.isDigit(second) }
        return Self.isDigit(first)
    }

    // MARK: - Consumers (§4.3)

    private mutating func consumeToken() -> CSSToken.Kind {
        let scalar = scalars[position]
        if scalar == "/" && peek(1) == "*" {
            consumeComment()
            return .comment
        }
        if Self.isWhitespace(scalar) {
            while Self.isWhitespace(peek()) { position += 1 }
            return .whitespace
        }
        switch scalar {
        case "\"", "'":
            position += 1
            return consumeString(until: scalar)
        case "#":
            if Self.isName(peek(1)) || Self.isValidEscape(peek(1), peek(2)) {
                position += 1
                let isIdentifier = startsIdentifier()
                return .hash(consumeName(), isIdentifier: isIdentifier)
            }
        case "(": position += 1; return .openParenthesis
        case ")": position += 1; return .closeParenthesis
        case "[": position += 1; return .openSquare
        case "]": position += 1; return .closeSquare
        case "{": position += 1; return .openCurly
        case "}": position += 1; return .closeCurly
        case ",": position += 1; return .comma
        case ":": position += 1; return .colon
        case ";": position += 1; return .semicolon
        case "+", ".":
            if startsNumber() { return consumeNumeric() }
        case "-":
            if startsNumber() { return consumeNumeric() }
            if peek(1) == "-" && peek(2) == ">" {
                position += 3
                return .cdc
            }
            if startsIdentifier() { return consumeIdentLike() }
        case "<":
            if peek(1) == "!" && peek(2) == "-" && peek(3) == "-" {
                position += 4
                return .cdo
            }
        case "@":
            if startsIdentifier(at: 1) {
                position += 1
                return .atKeyword(consumeName())
            }
        case "\\":
            if Self.isValidEscape(scalar, peek(1)) { return consumeIdentLike() }
        default:
            if Self.isDigit(scalar) { return consumeNumeric() }
            if Self.isNameStart(scalar) { return consumeIdentLike() }
        }
        position += 1
        return .delim(Character(scalar))
    }

    private mutating func consumeComment() {
        position += 2
        while position < scalars.count {
            if scalars[position] == "*" && peek(1) == "/" {
                position += 2
                return
            }
            position += 1
        }
    }

    private mutating func consumeString(until ending: Unicode.Scalar) -> CSSToken.Kind {
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            if scalar == ending {
                position += 1
                return .string(String(value))
            }
            if scalar == "\n" {
                // The newline is not part of the bad string: it starts the next token.
                return .badString
            }
            if scalar == "\\" {
                if peek(1) == nil {
                    position += 1
                } else if peek(1) == "\n" {
                    position += 2
                } else {
                    position += 1
                    value.append(consumeEscape())
                }
                continue
            }
            value.append(scalar)
            position += 1
        }
        return .string(String(value))
    }

    /// Called after the backslash.
    private mutating func consumeEscape() -> Unicode.Scalar {
        guard let first = peek() else { return "\u{FFFD}" }
        guard Self.isHexDigit(first) else {
            position += 1
            return first
        }
        var hex = ""
        while hex.count < 6, Self.isHexDigit(peek()), let digit = peek() {
            hex.unicodeScalars.append(digit)
            position += 1
        }
        if Self.isWhitespace(peek()) { position += 1 }
        guard let value = UInt32(hex, radix: 16), value != 0, let scalar = Unicode.Scalar(value) else {
            return "\u{FFFD}"
        }
        return scalar
    }

    private mutating func consumeName() -> String {
        var name = String.UnicodeScalarView()
        while let scalar = peek() {
            if Self.isName(scalar) {
                name.append(scalar)
                position += 1
            } else if Self.isValidEscape(scalar, peek(1)) {
                position += 1
                name.append(consumeEscape())
            } else {
                break
            }
        }
        return String(name)
    }

    private mutating func consumeNumeric() -> CSSToken.Kind {
        let value = consumeNumber()
        if startsIdentifier() {
            return .dimension(value, unit: consumeName())
        }
        if peek() == "%" {
            position += 1
            return .percentage(value)
        }
        return .number(value)
    }

    private mutating func consumeNumber() -> Double {
        var representation = ""
        func take(_ scalar: Unicode.Scalar) {
            representation.unicodeScalars.append(scalar)
        }
        if let sign = peek(), sign == "+" || sign == "-" {
            take(sign)
            position += 1
        }
        while Self.isDigit(peek()), let digit = peek() { take(digit); position += 1 }
        if peek() == ".", Self.isDigit(peek(1)) {
            take("."); position += 1
            while Self.isDigit(peek()), let digit = peek() { take(digit); position += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            let hasSign = peek(1) == "+" || peek(1) == "-"
            if Self.isDigit(peek(hasSign ? 2 : 1)) {
                take("e"); position += 1
                if hasSign, let sign = peek() { take(sign); position += 1 }
                while Self.isDigit(peek()), let digit = peek() { take(digit); position += 1 }
            }
        }
        return Double(representation) ?? 0
    }

    private mutating func consumeIdentLike() -> CSSToken.Kind {
        let name = consumeName()
        guard peek() == "(" else { return .ident(name) }
        position += 1
        if name.lowercased() == "url" {
            var lookahead = 0
            while Self.isWhitespace(peek(lookahead)) { lookahead += 1 }
            if peek(lookahead) == "\"" || peek(lookahead) == "'" {
                return .function(name)
            }
            position += lookahead
            return consumeURL()
        }
        return .function(name)
    }

    /// Called after `url(` and its leading whitespace.
    private mutating func consumeURL() -> CSSToken.Kind {
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            position += 1
            switch scalar {
            case ")":
                return .url(String(value))
            case _ where Self.isWhitespace(scalar):
                while Self.isWhitespace(peek()) { position += 1 }
                if peek() == ")" {
                    position += 1
                    return .url(String(value))
                }
                if peek() == nil { return .url(String(value)) }
                consumeBadURLRemnants()
                return .badURL
            case "\"", "'", "(":
                consumeBadURLRemnants()
                return .badURL
            case "\\":
                if Self.isValidEscape(scalar, peek()) {
                    value.append(consumeEscape())
                } else {
                    consumeBadURLRemnants()
                    return .badURL
                }
            default:
                if Self.isNonPrintable(scalar) {
                    consumeBadURLRemnants()
                    return .badURL
                }
                value.append(scalar)
            }
        }
        return .url(String(value))
    }

    private mutating func consumeBadURLRemnants() {
        while let scalar = peek() {
            position += 1
            if scalar == ")" { return }
            if Self.isValidEscape(scalar, peek()) {
                _ = consumeEscape()
            }
        }
    }
}
