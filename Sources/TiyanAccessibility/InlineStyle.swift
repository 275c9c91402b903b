import Foundation

/// One declaration of a `style` attribute.
public struct StyleDeclaration: Sendable, Hashable {
    /// Lower-cased property name.
    public var property: String
    /// The value without `!important`, trimmed.
    public var value: String
    public var important: Bool
}

/// The declarations of a `style` attribute (CSS Syntax §5.3.8 "parse a list of declarations",
/// reduced to what inline styles contain): split on `;` outside strings, parentheses and
/// comments, `name: value`, with a trailing `!important`. Malformed declarations are dropped,
/// as browsers drop them. Kept in one file so a full CSS parser can replace it.
public enum InlineStyle {
    public static func declarations(_ style: String) -> [StyleDeclaration] {
        var result: [StyleDeclaration] = []
        for part in split(stripComments(style)) {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let property = part[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard !property.isEmpty, property.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            else { continue }
            var value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            var important = false
            if let bang = value.lastIndex(of: "!") {
                let flag = value[value.index(after: bang)...].trimmingCharacters(in: .whitespacesAndNewlines)
                if flag.lowercased() == "important" {
                    important = true
                    value = value[..<bang].trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            guard !value.isEmpty else { continue }
            result.append(StyleDeclaration(property: property, value: value, important: important))
        }
        return result
    }

    /// The declaration that wins for a property within one style attribute: the last important
    /// one, else the last one.
    public static func winning(_ property: String, in declarations: [StyleDeclaration]) -> StyleDeclaration? {
        let matching = declarations.filter { $0.property == property }
        return matching.last(where: \.important) ?? matching.last
    }

    private static func stripComments(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "/*") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return output }
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    private static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case ";" where depth == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }
}
