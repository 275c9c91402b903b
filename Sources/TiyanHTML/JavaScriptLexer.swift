/// A single-pass JavaScript tokenizer, just precise enough to find string literals and the
/// punctuation around them in scripts of any size: linear time, no regular expressions.
///
/// It knows comments (including the legacy `<!--` / `-->` line comments old portal scripts
/// start with), the three string quotes, template literals with nested `${}`, and regular
/// expression literals (told from division by the token before, the usual heuristic), because a
/// quote inside a comment or a regex would otherwise derail every string after it.
struct JavaScriptToken {
    enum Kind: UInt8 {
        case word, string, template, punctuator, regex
    }

    var kind: Kind
    /// Byte range of the token's text; for strings and templates, the content inside the quotes.
    var start: Int
    var end: Int
    /// A line break separates this token from the previous one (for automatic semicolons).
    var newlineBefore: Bool
}

struct JavaScriptLexer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var newline = false
    private(set) var tokens: [JavaScriptToken] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4)
    }

    static func tokens(of bytes: UnsafeBufferPointer<UInt8>) -> [JavaScriptToken] {
        var lexer = JavaScriptLexer(bytes)
        lexer.run()
        return lexer.tokens
    }

    private static let regexKeywords: Set<[UInt8]> = Set(
        ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
         "yield", "await"].map { Array($0.utf8) })

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                newline = true
                index += 1
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
                index += 1
            case UInt8(ascii: "/"):
                lexSlash()
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let start = index + 1
                index = JavaScriptLexer.endOfString(bytes, from: start, quote: byte)
                let end = index
                if index < bytes.count, bytes[index] == byte { index += 1 }
                emit(.string, start, end)
            case UInt8(ascii: "`"):
                let start = index + 1
                index = JavaScriptLexer.endOfTemplate(bytes, from: start, depth: 0)
                let end = index
                if index < bytes.count { index += 1 }
                emit(.template, start, end)
            case UInt8(ascii: "<") where matches("<!--"):
                skipLine()
            case UInt8(ascii: "-") where matches("-->") && (newline || tokens.isEmpty):
                skipLine()
            default:
                if JavaScriptLexer.isWordByte(byte) {
                    let start = index
                    let number = (0x30...0x39).contains(byte)
                    while index < bytes.count, JavaScriptLexer.isWordByte(bytes[index])
                        || (number && bytes[index] == UInt8(ascii: "."))
                    {
                        index += 1
                    }
                    emit(.word, start, index)
                } else {
                    lexPunctuator()
                }
            }
        }
    }

    private mutating func emit(_ kind: JavaScriptToken.Kind, _ start: Int, _ end: Int) {
        tokens.append(JavaScriptToken(kind: kind, start: start, end: end, newlineBefore: newline))
        newline = false
    }

    private mutating func lexSlash() {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if next == UInt8(ascii: "/") {
            skipLine()
        } else if next == UInt8(ascii: "*") {
            var position = index + 2
            while position + 1 < bytes.count, !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/")) {
                if bytes[position] == 0x0A { newline = true }
                position += 1
            }
            index = min(position + 2, bytes.count)
        } else if regexAllowed(), let end = endOfRegex(from: index + 1) {
            emit(.regex, index, end)
            index = end
        } else {
            lexPunctuator()
        }
    }

    private func regexAllowed() -> Bool {
        guard let previous = tokens.last else { return true }
        switch previous.kind {
        case .string, .template, .regex:
            return false
        case .word:
            return JavaScriptLexer.regexKeywords.contains(Array(bytes[previous.start..<previous.end]))
        case .punctuator:
            let length = previous.end - previous.start
            let first = bytes[previous.start]
            if length == 1 { return first != UInt8(ascii: ")") && first != UInt8(ascii: "]") }
            // `a++ / 2` divides.
            return !(length == 2 && (first == UInt8(ascii: "+") || first == UInt8(ascii: "-"))
                && bytes[previous.start + 1] == first)
        }
    }

    /// The index after the regex's flags, or nil when no regex closes on this line.
    private func endOfRegex(from start: Int) -> Int? {
        var position = start
        var inClass = false
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case 0x0A, 0x0D: return nil
            case UInt8(ascii: "\\"): position += 1
            case UInt8(ascii: "["): inClass = true
            case UInt8(ascii: "]"): inClass = false
            case UInt8(ascii: "/") where !inClass:
                position += 1
                while position < bytes.count, JavaScriptLexer.isWordByte(bytes[position]) { position += 1 }
                return position
            default: break
            }
            position += 1
        }
        return nil
    }

    private mutating func lexPunctuator() {
        let start = index
        index += punctuatorLength(at: index)
        emit(.punctuator, start, index)
    }

    /// Multi-character operators are told apart only as far as the analysis needs: `=` from
    /// `==`/`=>`/`+=`, `+` from `++`, `/` from `/=`.
    private func punctuatorLength(at position: Int) -> Int {
        func byte(_ offset: Int) -> UInt8 { position + offset < bytes.count ? bytes[position + offset] : 0 }
        let first = byte(0)
        let second = byte(1)
        let third = byte(2)
        let equals = UInt8(ascii: "=")
        switch first {
        case equals, UInt8(ascii: "!"):
            if second == equals { return third == equals ? 3 : 2 }
            return first == equals && second == UInt8(ascii: ">") ? 2 : 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return second == first || second == equals ? 2 : 1
        case UInt8(ascii: "*"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            if second == first { return third == equals ? 3 : 2 }
            return second == equals ? 2 : 1
        case UInt8(ascii: "?"):
            if second == first { return third == equals ? 3 : 2 }
            return second == UInt8(ascii: ".") && !(0x30...0x39).contains(third) ? 2 : 1
        case UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "^"):
            return second == equals ? 2 : 1
        case UInt8(ascii: "."):
            return second == first && third == first ? 3 : 1
        default:
            return 1
        }
    }

    private mutating func skipLine() {
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    }

    private func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: "$"), 0x80...0xFF: return true
        default: return false
        }
    }

    /// The index of the closing quote, or of the line break / end that cuts an unterminated string.
    static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote || byte == 0x0A { return position }
            if byte == UInt8(ascii: "\\") {
                position += 1
                if position + 1 < bytes.count, bytes[position] == 0x0D, bytes[position + 1] == 0x0A { position += 1 }
            }
            position += 1
        }
        return bytes.count
    }

    /// The index of the closing backtick (or the end); `${…}` may nest strings and templates.
    static func endOfTemplate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, depth: Int) -> Int {
        var position = start
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "`"):
                return position
            case UInt8(ascii: "\\"):
                position += 2
            case UInt8(ascii: "$") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "{"):
                position = endOfSubstitution(bytes, from: position + 2, depth: depth)
            default:
                position += 1
            }
        }
        return bytes.count
    }

    /// The index after the `}` that closes a template substitution.
    static func endOfSubstitution(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, depth: Int) -> Int {
        var position = start
        var braces = 1
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                braces += 1
            case UInt8(ascii: "}"):
                braces -= 1
                if braces == 0 { return position + 1 }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                position = endOfString(bytes, from: position + 1, quote: byte)
            case UInt8(ascii: "`"):
                // Nesting this deep is not real code; giving up on it keeps the stack bounded.
                guard depth < 16 else { return bytes.count }
                position = endOfTemplate(bytes, from: position + 1, depth: depth + 1)
            default:
                break
            }
            position += 1
        }
        return bytes.count
    }
}
