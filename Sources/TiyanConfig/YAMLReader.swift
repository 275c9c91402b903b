import Foundation
import TiyanCore
import Yams

/// Turns YAML text into a `ConfigNode`, translating every Yams failure into errors that name the
/// file and line. It must never crash, whatever the bytes: configuration files are hand-edited.
public enum YAMLReader {
    /// Reads and parses a file; nil when the file holds no document (empty or comments only).
    public static func load(path: String) throws -> ConfigNode? {
        try parse(readText(path: path), file: path)
    }

    /// The file as UTF-8 text, or an error that names the file.
    public static func readText(path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationErrors([
                ConfigurationError(file: path, line: nil, field: nil, message: FileAccess.cannotRead(path, as: .file))
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationErrors([
                ConfigurationError(file: path, line: nil, field: nil, message: "not UTF-8 text")
            ])
        }
        return text
    }

    public static func parse(_ text: String, file: String) throws -> ConfigNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw ConfigurationErrors([configurationError(error, text: text, file: file)])
        }
        guard let root else { return nil }
        let issues = ConfigurationIssues(file: file)
        let node = convert(root, issues: issues)
        try issues.throwIfAny()
        return node
    }

    private static func convert(_ node: Node, issues: ConfigurationIssues) -> ConfigNode {
        let line = node.mark?.line ?? 1
        switch node {
        case let .scalar(scalar):
            if node.null != nil { return ConfigNode(.null, line: line) }
            return ConfigNode(.scalar(scalar.string), line: line)
        case let .sequence(sequence):
            return ConfigNode(.sequence(sequence.map { convert($0, issues: issues) }), line: line)
        case let .mapping(mapping):
            var entries: [ConfigEntry] = []
            var merged: [ConfigEntry] = []
            for (key, value) in mapping {
                let keyLine = key.mark?.line ?? line
                guard case let .scalar(keyScalar) = key else {
                    issues.report(line: keyLine, field: nil, "mapping keys must be plain text, found \(kind(of: key))")
                    continue
                }
                let converted = convert(value, issues: issues)
                if keyScalar.string == "<<", keyScalar.style == .plain {
                    merged += mergeEntries(converted, line: keyLine, issues: issues)
                } else {
                    entries.append(ConfigEntry(key: keyScalar.string, keyLine: keyLine, value: converted))
                }
            }
            // YAML merge keys (`<<: *shared`): explicit keys win over merged ones.
            for entry in merged where !entries.contains(where: { $0.key == entry.key }) {
                entries.append(entry)
            }
            return ConfigNode(.mapping(entries), line: line)
        case .alias:
            // Yams resolves aliases while composing; an alias left here has no target to read.
            issues.report(line: line, field: nil, "unresolved alias")
            return ConfigNode(.null, line: line)
        }
    }

    private static func mergeEntries(_ node: ConfigNode, line: Int, issues: ConfigurationIssues) -> [ConfigEntry] {
        if let entries = node.entries { return entries }
        if let items = node.items, items.allSatisfy({ $0.entries != nil }) {
            return items.flatMap { $0.entries ?? [] }
        }
        issues.report(line: line, field: "<<", "a merge key needs a mapping or a list of mappings")
        return []
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    static func configurationError(_ error: Error, text: String, file: String) -> ConfigurationError {
        guard let yamlError = error as? YamlError else {
            return ConfigurationError(file: file, line: nil, field: nil, message: "YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
            let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ConfigurationError(
                file: file, line: mark.line, field: nil,
                message: "YAML syntax error: \(problem)\(during)")
        case let .reader(problem, offset, _, _):
            return ConfigurationError(
                file: file, line: offset.map { line(ofUTF8Offset: $0, in: text) }, field: nil,
                message: "YAML cannot be read: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ConfigurationError(file: file, line: context.mark.line, field: nil, message: "duplicate key \(keys)")
        case .dataCouldNotBeDecoded:
            return ConfigurationError(file: file, line: nil, field: nil, message: "not UTF-8 text")
        default:
            return ConfigurationError(file: file, line: nil, field: nil, message: "YAML: \(yamlError)")
        }
    }

    static func line(ofUTF8Offset offset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(max(0, offset)).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
