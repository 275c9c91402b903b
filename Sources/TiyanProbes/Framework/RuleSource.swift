import TiyanConfig

/// Where a requirement comes from, with the certainty tag of indicators.md: [V] read in a
/// retrieved source, [S] only in a secondary summary, [G] general knowledge with no source found.
public struct RuleSource: Sendable, Hashable, CustomStringConvertible {
    public enum Tag: String, Sendable, CaseIterable {
        case verified = "V"
        case secondary = "S"
        case general = "G"
    }

    public var standard: String
    public var clause: String
    public var tag: Tag

    public init(standard: String, clause: String, tag: Tag) {
        self.standard = standard
        self.clause = clause
        self.tag = tag
    }

    public var description: String { "[\(tag.rawValue)] \(standard) — \(clause)" }

    static let keys = ["standard", "clause", "tag"]

    /// Reads `{standard, clause, tag}`; every part is required so that no pattern or threshold
    /// ships without saying how sure its origin is.
    static func read(_ node: ConfigNode, field: String, issues: ConfigurationIssues) -> RuleSource? {
        guard let entries = node.entries else {
            issues.report(node, field: field, "expected {standard, clause, tag}, found \(node.kindName)")
            return nil
        }
        for entry in entries where !keys.contains(entry.key) {
            issues.report(
                line: entry.keyLine, field: "\(field).\(entry.key)", "unknown field (expected standard, clause, tag)")
        }
        var parts: [String: String] = [:]
        for key in keys {
            guard let text = node[key]?.scalar, !text.isEmpty else {
                issues.report(node, field: "\(field).\(key)", "missing")
                continue
            }
            parts[key] = text
        }
        guard let standard = parts["standard"], let clause = parts["clause"], let tagText = parts["tag"] else {
            return nil
        }
        guard let tag = Tag(rawValue: tagText) else {
            issues.report(node, field: "\(field).tag", "expected V, S or G, found \"\(tagText)\"")
            return nil
        }
        return RuleSource(standard: standard, clause: clause, tag: tag)
    }
}
