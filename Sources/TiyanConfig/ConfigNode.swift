/// A YAML document as plain values that remember their line: Yams' `Node` is neither Sendable nor
/// convenient for reporting, and every configuration error must name the line it is about.
public struct ConfigNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// `~`, `null` or an empty value.
        case null
        case scalar(String)
        case sequence([ConfigNode])
        case mapping([ConfigEntry])
    }

    public var content: Content
    /// 1-based line of the node's first character.
    public var line: Int

    public init(_ content: Content, line: Int) {
        self.content = content
        self.line = line
    }

    public var isNull: Bool { content == .null }

    public var scalar: String? {
        if case let .scalar(text) = content { return text }
        return nil
    }

    public var entries: [ConfigEntry]? {
        if case let .mapping(entries) = content { return entries }
        return nil
    }

    public var items: [ConfigNode]? {
        if case let .sequence(items) = content { return items }
        return nil
    }

    /// The value of a mapping key; nil when absent or when this is not a mapping.
    public subscript(key: String) -> ConfigNode? {
        entries?.first { $0.key == key }?.value
    }

    public func entry(_ key: String) -> ConfigEntry? {
        entries?.first { $0.key == key }
    }

    /// What kind of value this is, for messages such as "expected a string, found a list".
    public var kindName: String {
        switch content {
        case .null: return "an empty value"
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// YAML 1.1 and 1.2 spellings of booleans, as Yams resolves them.
    public var bool: Bool? {
        switch scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    public var int: Int? { scalar.flatMap { Int($0.trimmingWhitespace) } }

    public var double: Double? {
        guard let text = scalar?.trimmingWhitespace, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The line of the deepest node on a path of mapping keys and sequence indices (as decimal
    /// strings), for errors that only know a coding path.
    public func line(at path: [String]) -> Int {
        var node = self
        var line = self.line
        for component in path {
            if let entry = node.entry(component) {
                line = entry.keyLine
                node = entry.value
            } else if let index = Int(component), let items = node.items, items.indices.contains(index) {
                node = items[index]
                line = node.line
            } else {
                break
            }
        }
        return line
    }
}

public struct ConfigEntry: Sendable, Hashable {
    public var key: String
    public var keyLine: Int
    public var value: ConfigNode

    public init(key: String, keyLine: Int, value: ConfigNode) {
        self.key = key
        self.keyLine = keyLine
        self.value = value
    }
}

extension String {
    var trimmingWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
