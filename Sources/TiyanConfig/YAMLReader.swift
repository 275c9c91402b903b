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

    /// Configuration is written by hand: a file far beyond this is a mistake (a log or a dump
    /// given as targets), and reading it whole would cost memory before any error could be given.
    public static let maximumFileBytes = 8 << 20

    /// Aliases let a few lines stand for exponentially many nodes ("billion laughs"); no real
    /// configuration comes near this many once its aliases are expanded.
    public static let maximumNodes = 250_000

    /// The file as UTF-8 text, or an error that names the file.
    public static func readText(path: String) throws -> String {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > maximumFileBytes
        {
            throw ConfigurationErrors([
                ConfigurationError(
                    file: path, line: nil, field: nil,
                    message: "file is \(size) bytes; configuration files are limited to \(maximumFileBytes) bytes")
            ])
        }
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
        try checkFlowNesting(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw ConfigurationErrors([configurationError(error, text: text, file: file)])
        }
        guard let root else { return nil }
        let issues = ConfigurationIssues(file: file)
        var budget = NodeBudget()
        let node = try convert(root, issues: issues, budget: &budget)
        try issues.throwIfAny()
        return node
    }

    /// Checks a document's size once its aliases are expanded, without building anything: for
    /// readers (YAMLDecoder) that would otherwise expand an alias bomb themselves.
    public static func checkExpansion(_ text: String, file: String) throws {
        _ = try parse(text, file: file)
    }

    /// Composing recurses once per level of nesting; `[[[[…` in a few megabytes would run it out
    /// of stack. Brackets in quotes and comments are skipped; a stray one in a plain scalar only
    /// adds a level, far below the limit.
    public static let maximumFlowNesting = 512

    static func checkFlowNesting(_ text: String, file: String) throws {
        var depth = 0
        var line = 1
        var quote: UInt8?
        var inComment = false
        var previous: UInt8 = UInt8(ascii: "\n")
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == UInt8(ascii: "\n") {
                line += 1
                inComment = false
                continue
            }
            if inComment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): quote = byte
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n"):
                inComment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                guard depth <= maximumFlowNesting else {
                    throw ConfigurationErrors([
                        ConfigurationError(
                            file: file, line: line, field: nil,
                            message: "lists or mappings nested more than \(maximumFlowNesting) levels deep")
                    ])
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
    }

    /// Counts nodes as they are built; composing shares an anchor's node among its aliases, so
    /// only expanding it can blow up, and this stops that at the node that crosses the limit.
    private struct NodeBudget {
        var used = 0

        mutating func spend(line: Int, file: String) throws {
            used += 1
            guard used > YAMLReader.maximumNodes else { return }
            throw ConfigurationErrors([
                ConfigurationError(
                    file: file, line: line, field: nil,
                    message: "the document expands to more than \(YAMLReader.maximumNodes) nodes "
                        + "(aliases of aliases, an \"alias bomb\"?); configuration is never this large")
            ])
        }
    }

    private static func convert(_ node: Node, issues: ConfigurationIssues, budget: inout NodeBudget) throws
        -> ConfigNode
    {
        let line = node.mark?.line ?? 1
        try budget.spend(line: line, file: issues.file)
        switch node {
        case let .scalar(scalar):
            if node.null != nil { return ConfigNode(.null, line: line) }
            return ConfigNode(.scalar(scalar.string), line: line)
        case let .sequence(sequence):
            return ConfigNode(.sequence(try sequence.map { try convert($0, issues: issues, budget: &budget) }), line: line)
        case let .mapping(mapping):
            var entries: [ConfigEntry] = []
            var merged: [ConfigEntry] = []
            for (key, value) in mapping {
                let keyLine = key.mark?.line ?? line
                guard case let .scalar(keyScalar) = key else {
                    issues.report(line: keyLine, field: nil, "mapping keys must be plain text, found \(kind(of: key))")
                    continue
                }
                let converted = try convert(value, issues: issues, budget: &budget)
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
