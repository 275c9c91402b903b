/// A light syntactic check of XPath 1.0 expressions from configuration. TiyanConfig does not link
/// libxml2 (TiyanHTML does), so this catches the usual typos — unbalanced brackets or quotes,
/// dangling operators, characters XPath has no use for — and the HTML layer reports the rest when
/// the expression is first compiled.
public enum XPathSyntax {
    /// Why the expression is not valid XPath, or nil when no problem was found.
    public static func problem(with expression: String) -> String? {
        let text = expression.trimmingWhitespace
        guard !text.isEmpty else { return "empty XPath" }
        var stack: [Character] = []
        var quote: Character?
        var previous: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                previous = character
                continue
            }
            if previous == "!", character != "=" { return "\"!\" must be followed by \"=\"" }
            switch character {
            case "'", "\"":
                quote = character
            case "(", "[":
                if character == "[", previous == "[" { return "empty predicate \"[[\"" }
                stack.append(character)
            case ")", "]":
                let expected: Character = character == ")" ? "(" : "["
                guard stack.last == expected else { return "unbalanced \"\(character)\"" }
                if character == "]", previous == "[" { return "empty predicate \"[]\"" }
                stack.removeLast()
            case "{", "}", ";", "\\", "#", "^", "~", "?", "%", "&", "`":
                return "unexpected character \"\(character)\""
            default:
                break
            }
            previous = character
        }
        if quote != nil { return "unterminated string literal" }
        if let open = stack.last { return "unbalanced \"\(open)\"" }
        if text.contains("///") { return "unexpected \"///\"" }
        if text != "/", let last = text.last, "/|@,=<>!+".contains(last) || text.hasSuffix("::") {
            return "ends with \"\(last)\""
        }
        if let first = text.first, ")]|,=<>!".contains(first) {
            return "starts with \"\(first)\""
        }
        return nil
    }

    /// Why a dotted JSON path (`data.list`, `result.items[0].title`) is malformed, or nil.
    public static func problem(withJSONPath path: String) -> String? {
        guard !path.isEmpty else { return "empty path" }
        guard !path.contains(where: \.isWhitespace) else { return "white space in a JSON path" }
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard !segment.isEmpty else { return "empty segment in \"\(path)\"" }
            let name = segment.prefix { $0 != "[" }
            var index = segment.dropFirst(name.count)
            while !index.isEmpty {
                guard index.first == "[", let close = index.firstIndex(of: "]") else {
                    return "bad index in \"\(segment)\""
                }
                let digits = index[index.index(after: index.startIndex)..<close]
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCIIDigit || $0 == "*" }) else {
                    return "bad index in \"\(segment)\""
                }
                index = index[index.index(after: close)...]
            }
        }
        return nil
    }
}
