import Foundation

/// Token tests the extractor reads statements and expressions with.
extension ScriptMarkupExtractor {
    func literal(_ index: Int) -> String {
        let token = tokens[index]
        return JavaScriptLiteral.value(of: bytes, from: token.start, to: token.end, template: token.kind == .template)
    }

    /// A template literal's value with `${name}` replaced by the value of a variable built from
    /// literals; other substitutions are dropped, as `literal` drops them all.
    func templateValue(_ index: Int) -> String {
        let token = tokens[index]
        guard !variables.isEmpty else { return literal(index) }
        var output = ""
        var segment = token.start
        var position = token.start
        while position < token.end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            guard byte == UInt8(ascii: "$"), position + 1 < token.end, bytes[position + 1] == UInt8(ascii: "{") else {
                position += 1
                continue
            }
            output += JavaScriptLiteral.value(of: bytes, from: segment, to: position, template: true)
            let close = min(JavaScriptLexer.endOfSubstitution(bytes, from: position + 2, depth: 0), token.end)
            let inner = UnsafeBufferPointer(rebasing: bytes[(position + 2)..<max(close - 1, position + 2)])
            let name = String(decoding: inner, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if let value = variables[name], substitutions.spend(value.utf8.count) { output += value }
            position = close
            segment = close
        }
        output += JavaScriptLiteral.value(of: bytes, from: min(segment, token.end), to: token.end, template: true)
        return output
    }

    func text(of index: Int) -> String {
        let token = tokens[index]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
    }

    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
        return matches(tokens[index], word)
    }

    func isPunctuator(_ index: Int, _ text: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .punctuator else { return false }
        return matches(tokens[index], text)
    }

    func matches(_ token: JavaScriptToken, _ text: StaticString) -> Bool {
        guard token.end - token.start == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { bytes[token.start..<token.end].elementsEqual($0) }
    }

    func isOpening(_ index: Int) -> Bool {
        isPunctuator(index, "(") || isPunctuator(index, "[") || isPunctuator(index, "{")
    }

    func isTerminator(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.end - token.start == 1 else { return false }
        switch bytes[token.start] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    func isAssignment(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuator, bytes[token.end - 1] == UInt8(ascii: "=") else {
            return isPunctuator(index, "=>")
        }
        let length = token.end - token.start
        if length == 1 { return true }
        // `==`, `===`, `!=`, `!==`, `<=`, `>=` compare.
        let first = bytes[token.start]
        if first == UInt8(ascii: "=") || first == UInt8(ascii: "!") { return false }
        if length == 2, first == UInt8(ascii: "<") || first == UInt8(ascii: ">") { return false }
        return true
    }

    /// A token that continues the previous line's expression, so no semicolon is inserted.
    func continuesExpression(_ index: Int) -> Bool {
        let continuing: [StaticString] = ["+", ".", "?.", "?", ":", "||", "&&", "??"]
        return continuing.contains { isPunctuator(index, $0) }
    }
}
