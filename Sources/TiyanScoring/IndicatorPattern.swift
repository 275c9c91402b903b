/// An indicator id or a glob over ids (`ACT-*-home`): `*` stands for any run of characters.
/// Globs let scoring.yaml weigh indicators that are generated (one per ACT rule and page role)
/// or that a module adds later, without listing each.
public struct IndicatorPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let parts: [Substring]

    public init(_ text: String) {
        self.text = text
        parts = text.split(separator: "*", omittingEmptySubsequences: false)
    }

    public var isGlob: Bool { parts.count > 1 }

    public var description: String { text }

    /// The literal text before the first `*` (the whole id when not a glob).
    public var literalPrefix: String { String(parts.first ?? "") }

    public func matches(_ id: String) -> Bool {
        guard isGlob else { return id == text }
        guard let first = parts.first, let last = parts.last else { return false }
        guard id.hasPrefix(first), id.count >= first.count + last.count else { return false }
        var rest = Substring(id.dropFirst(first.count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let range = rest.range(of: middle) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
