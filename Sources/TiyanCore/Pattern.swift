import Foundation

/// A compiled regular expression from configuration (probes/*.yaml). Case-insensitive by
/// default because portals mix `Login`, `LOGIN` and `login` freely.
public struct Pattern: @unchecked Sendable, Hashable, CustomStringConvertible {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let regex: NSRegularExpression
    public let source: String

    public init(_ source: String, caseSensitive: Bool = false) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: source, options: caseSensitive ? [] : [.caseInsensitive])
    }

    public var description: String { source }

    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    public func matches(_ text: String) -> Bool {
        // utf16.count is cheaper than converting the whole range's indices.
        regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// The first match, as the matched text.
    public func firstMatch(in text: String) -> String? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { return nil }
        return String(text[range])
    }

    /// Every match with its capture groups (group 0 is the whole match; nil for groups that did
    /// not participate).
    public func allMatches(in text: String) -> [[String?]] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
        }
    }
}

/// A pattern decoded from its source text; configuration readers (the probes' settings decoder)
/// read `regex` values through this.
extension Pattern: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let source = try container.decode(String.self)
        do {
            try self.init(source)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid regular expression")
        }
    }
}
