import TiyanConfig
import TiyanCore

/// Decodes a rule kind's `Settings` struct from its `settings:` in probes/<module>.yaml, so each
/// setting is declared once, as a typed stored property: the property `entryText` is the YAML
/// key `entry_text`, and its Swift type says which value key the YAML gives (`Pattern` a `regex`,
/// `[Pattern]` `regexes`, `[String]` `keywords`, `String` `text`, `Int` / `Double` `number`,
/// `XPath` `xpath`; other `Decodable` values such as `PageRole` read `text` or `keywords`).
/// An optional property is a setting the YAML may leave out. The checks and line-numbered
/// errors are RuleSettings' own, so a kind reports a bad setting exactly as a Swift rule does.
struct SettingsDecoder: Decoder {
    let settings: RuleSettings
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ settings: RuleSettings) { self.settings = settings }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedSettings<Key>(settings: settings))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw settings.invalidShape("a kind's settings are a mapping of setting to value")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw settings.invalidShape("a kind's settings are a mapping of setting to value")
    }

    /// `entryText` → `entry_text`: the YAML spelling of a Swift property name.
    static func yamlKey(_ name: String) -> String {
        var key = ""
        for character in name {
            if character.isUppercase {
                key += "_" + character.lowercased()
            } else {
                key.append(character)
            }
        }
        return key
    }
}

private struct KeyedSettings<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let settings: RuleSettings
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { settings.has(SettingsDecoder.yamlKey(key.stringValue)) }

    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let name = SettingsDecoder.yamlKey(key.stringValue)
        let value: Any
        switch type {
        case is Pattern.Type: value = try settings.pattern(name)
        case is [Pattern].Type: value = try settings.patterns(name)
        case is XPath.Type: value = XPath(expression: try settings.xpath(name))
        case is String.Type: value = try settings.text(name)
        case is [String].Type: value = try settings.keywords(name)
        case is Int.Type: value = try settings.integer(name)
        case is [Int].Type: value = try settings.integers(name)
        case is Double.Type: value = try settings.number(name)
        default:
            do {
                value = try T(from: SettingValueDecoder(settings: settings, key: name))
            } catch let error as DecodingError {
                throw settings.invalid(name, "not a valid value: \(error.settingDescription)")
            }
        }
        guard let typed = value as? T else {
            throw settings.invalid(name, "cannot be read as \(T.self)")
        }
        return typed
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw settings.invalid(SettingsDecoder.yamlKey(key.stringValue), "nested settings are not supported")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw settings.invalid(SettingsDecoder.yamlKey(key.stringValue), "nested settings are not supported")
    }

    func superDecoder() throws -> any Decoder { SettingsDecoder(settings) }
    func superDecoder(forKey key: Key) throws -> any Decoder { SettingsDecoder(settings) }
}

/// One setting's value for a `Decodable` that is neither a pattern nor a number: a single value
/// reads the setting's `text`, a list its `keywords` (e.g. `PageRole`, `[PageRole]`).
private struct SettingValueDecoder: Decoder, SingleValueDecodingContainer {
    let settings: RuleSettings
    let key: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Nested: CodingKey>(keyedBy type: Nested.Type) throws -> KeyedDecodingContainer<Nested> {
        throw settings.invalid(key, "nested settings are not supported")
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        KeywordList(items: try settings.keywords(key))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { try settings.text(key) }
    func decode(_ type: Bool.Type) throws -> Bool {
        switch try settings.text(key) {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw settings.invalid(key, "expected true or false")
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        throw settings.invalid(key, "cannot be read as \(T.self)")
    }
}

/// A `keywords` list as the items of a Swift array.
private struct KeywordList: UnkeyedDecodingContainer {
    let items: [String]
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    var currentIndex = 0

    init(items: [String]) { self.items = items }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: [], debugDescription: "no more keywords"))
        }
        let item = items[currentIndex]
        currentIndex += 1
        return try T(from: KeywordDecoder(text: item))
    }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) throws
        -> KeyedDecodingContainer<Nested>
    {
        throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a keyword is text"))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([String].self, .init(codingPath: [], debugDescription: "a keyword is text"))
    }

    mutating func superDecoder() throws -> any Decoder { KeywordDecoder(text: items[currentIndex]) }
}

/// One keyword as a single text value.
private struct KeywordDecoder: Decoder, SingleValueDecodingContainer {
    let text: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Nested: CodingKey>(keyedBy type: Nested.Type) throws -> KeyedDecodingContainer<Nested> {
        throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a keyword is text"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([String].self, .init(codingPath: [], debugDescription: "a keyword is text"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { text }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "\"\(text)\" is text"))
    }
}

extension DecodingError {
    /// What went wrong, in words for a configuration error (e.g. an unknown page role).
    var settingDescription: String {
        switch self {
        case let .dataCorrupted(context), let .typeMismatch(_, context), let .valueNotFound(_, context),
             let .keyNotFound(_, context):
            return context.debugDescription
        @unknown default:
            return "\(self)"
        }
    }
}

/// An XPath setting (`xpath:` in the YAML), checked to compile when the rule is loaded.
struct XPath: Sendable, Hashable, Decodable {
    var expression: String

    init(expression: String) { self.expression = expression }

    init(from decoder: any Decoder) throws {
        expression = try decoder.singleValueContainer().decode(String.self)
    }
}
