import Foundation
import TiyanConfig
import TiyanCore
import TiyanHTML

/// The typed view a rule has of its `settings:` in probes/<module>.yaml (falling back to the
/// module's `shared:` settings). Each setting is a mapping with exactly one value key —
/// `regex`, `regexes`, `keywords`, `number`, `text` or `xpath` — and its `source`. Accessors
/// throw errors that name the file, line, rule and key; settings no accessor asked for are
/// reported as unused, so a misspelt key cannot silently switch a check off.
final class RuleSettings {
    static let valueKinds = ["regex", "regexes", "keywords", "number", "text", "xpath"]
    static let settingKeys = valueKinds + ["source", "note"]

    let ruleID: String
    let file: String
    private let own: [ConfigEntry]
    private let shared: [ConfigEntry]
    private let sharedField: String
    private let ownField: String
    private(set) var used: Set<String> = []

    init(ruleID: String, file: String, own: [ConfigEntry], ownField: String, shared: [ConfigEntry], sharedField: String)
    {
        self.ruleID = ruleID
        self.file = file
        self.own = own
        self.shared = shared
        self.ownField = ownField
        self.sharedField = sharedField
    }

    /// Checks the shape of every setting (one value key, a source) before any rule reads it.
    static func checkShape(_ entries: [ConfigEntry], field: String, issues: ConfigurationIssues) {
        for entry in entries {
            let settingField = "\(field).\(entry.key)"
            guard let keys = entry.value.entries else {
                issues.report(
                    line: entry.keyLine, field: settingField,
                    "expected a mapping with one of \(valueKinds.joined(separator: "/")) and a source")
                continue
            }
            for key in keys where !settingKeys.contains(key.key) {
                issues.report(
                    line: key.keyLine, field: "\(settingField).\(key.key)",
                    "unknown field (expected one of: \(settingKeys.joined(separator: ", ")))")
            }
            let kinds = keys.filter { valueKinds.contains($0.key) }
            if kinds.count != 1 {
                issues.report(
                    line: entry.keyLine, field: settingField,
                    "expected exactly one of \(valueKinds.joined(separator: ", ")), found \(kinds.count)")
            }
            if let source = entry.value.entry("source") {
                _ = RuleSource.read(source.value, field: "\(settingField).source", issues: issues)
            } else {
                issues.report(
                    line: entry.keyLine, field: "\(settingField).source", "missing: every setting names its source")
            }
        }
    }

    /// Own settings no accessor read: a typo or a leftover.
    var unusedKeys: [ConfigEntry] { own.filter { !used.contains($0.key) } }
    var ownFieldPath: String { ownField }

    private func locate(_ key: String, kind: String) throws -> (node: ConfigNode, line: Int, field: String) {
        used.insert(key)
        let found =
            own.first { $0.key == key }.map { ($0, ownField) }
            ?? shared.first { $0.key == key }.map { ($0, sharedField) }
        guard let (entry, field) = found else {
            throw error(line: nil, field: "\(ownField).\(key)", "missing setting (a `\(kind)` with its source)")
        }
        guard let value = entry.value.entry(kind) else {
            throw error(line: entry.keyLine, field: "\(field).\(key)", "expected a `\(kind)` value")
        }
        return (value.value, value.keyLine, "\(field).\(key).\(kind)")
    }

    private func error(line: Int?, field: String, _ message: String) -> ConfigurationErrors {
        ConfigurationErrors([ConfigurationError(file: file, line: line, field: field, message: message)])
    }

    private func compile(_ source: String, line: Int, field: String) throws -> Pattern {
        do {
            return try Pattern(source)
        } catch {
            throw self.error(line: line, field: field, "invalid regular expression \"\(source)\"")
        }
    }

    func pattern(_ key: String) throws -> Pattern {
        let (node, line, field) = try locate(key, kind: "regex")
        guard let text = node.scalar, !text.isEmpty else {
            throw error(line: line, field: field, "expected a regular expression")
        }
        return try compile(text, line: line, field: field)
    }

    func patterns(_ key: String) throws -> [Pattern] {
        let (node, line, field) = try locate(key, kind: "regexes")
        guard let items = node.items, !items.isEmpty else {
            throw error(line: line, field: field, "expected a list of regular expressions")
        }
        return try items.enumerated().map { index, item in
            guard let text = item.scalar, !text.isEmpty else {
                throw error(line: item.line, field: "\(field)[\(index)]", "expected a regular expression")
            }
            return try compile(text, line: item.line, field: "\(field)[\(index)]")
        }
    }

    func keywords(_ key: String) throws -> [String] {
        let (node, line, field) = try locate(key, kind: "keywords")
        guard let items = node.items, !items.isEmpty else {
            throw error(line: line, field: field, "expected a list of keywords")
        }
        return try items.enumerated().map { index, item in
            guard let text = item.scalar, !text.isEmpty else {
                throw error(line: item.line, field: "\(field)[\(index)]", "expected a non-empty keyword")
            }
            return text
        }
    }

    /// The keywords as one case-insensitive alternation, each matched literally.
    func keywordPattern(_ key: String, prefix: String = "", suffix: String = "") throws -> Pattern {
        let words = try keywords(key).map(NSRegularExpression.escapedPattern(for:))
        return try Pattern(prefix + "(?:" + words.joined(separator: "|") + ")" + suffix)
    }

    func number(_ key: String) throws -> Double {
        let (node, line, field) = try locate(key, kind: "number")
        guard let value = node.double else { throw error(line: line, field: field, "expected a number") }
        return value
    }

    func integer(_ key: String) throws -> Int {
        let (node, line, field) = try locate(key, kind: "number")
        guard let value = node.int else { throw error(line: line, field: field, "expected a whole number") }
        return value
    }

    func text(_ key: String) throws -> String {
        let (node, line, field) = try locate(key, kind: "text")
        guard let value = node.scalar, !value.isEmpty else { throw error(line: line, field: field, "expected text") }
        return value
    }

    func xpath(_ key: String) throws -> String {
        let (node, line, field) = try locate(key, kind: "xpath")
        guard let value = node.scalar, !value.isEmpty else {
            throw error(line: line, field: field, "expected an XPath")
        }
        do {
            _ = try HTMLDocument(html: "<html></html>", url: "").select(value)
        } catch {
            throw self.error(line: line, field: field, "invalid XPath \"\(value)\"")
        }
        return value
    }

    /// An error about a setting's value that only the rule can judge (e.g. an unknown error class).
    func invalid(_ key: String, _ message: String) -> ConfigurationErrors {
        let found =
            own.first { $0.key == key }.map { ($0, ownField) }
            ?? shared.first { $0.key == key }.map { ($0, sharedField) }
        return error(line: found?.0.keyLine, field: "\(found?.1 ?? ownField).\(key)", message)
    }

    /// Whether the rule's own or the module's shared settings give `key` (an optional setting).
    func has(_ key: String) -> Bool {
        own.contains { $0.key == key } || shared.contains { $0.key == key }
    }

    /// An error about the settings as a whole.
    func invalidShape(_ message: String) -> ConfigurationErrors {
        error(line: nil, field: ownField, message)
    }

    /// Text values of a list setting given as keywords, e.g. HTTP statuses or error classes.
    func integers(_ key: String) throws -> [Int] {
        let (node, line, field) = try locate(key, kind: "keywords")
        guard let items = node.items else { throw error(line: line, field: field, "expected a list of whole numbers") }
        return try items.map { item in
            guard let value = item.int else { throw error(line: item.line, field: field, "expected a whole number") }
            return value
        }
    }
}
