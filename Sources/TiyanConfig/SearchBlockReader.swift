import Foundation
import TiyanCore

/// The optional `search:` block of a target: a URL template and how to find result items.
struct SearchBlockReader {
    let issues: ConfigurationIssues
    let field: String

    static let names = ["url", "results", "item", "title", "link"]
    static let queryPlaceholder = "{query}"

    func read(_ node: ConfigNode, line: Int) -> Target.SearchConfiguration? {
        guard let entries = node.entries else {
            issues.report(
                line: line, field: field,
                "expected a mapping with url, results, item, title, link; found \(node.kindName)")
            return nil
        }
        let before = issues.errors.count
        for entry in entries where !Self.names.contains(entry.key) {
            issues.report(
                line: entry.keyLine, field: "\(field).\(entry.key)",
                "unknown field (expected one of: \(Self.names.joined(separator: ", ")))")
        }
        let fields = TargetFieldsReader(issues: issues, prefix: field)
        func value(_ key: String) -> (text: String, line: Int)? {
            guard let entry = node.entry(key) else {
                issues.report(line: line, field: field, "missing required field \"\(key)\"")
                return nil
            }
            return fields.string(entry.value, field: "\(field).\(key)", line: entry.keyLine).map { ($0, entry.keyLine) }
        }
        let url = value("url")
        if let url {
            if !url.text.contains(Self.queryPlaceholder) {
                issues.report(
                    line: url.line, field: "\(field).url", "must contain \(Self.queryPlaceholder) where the query goes")
            } else if let problem = WebAddress.problem(
                with: url.text.replacingOccurrences(of: Self.queryPlaceholder, with: "q"))
            {
                issues.report(line: url.line, field: "\(field).url", problem)
            }
        }
        var format = Target.SearchConfiguration.ResultFormat.html
        if let entry = node.entry("results"),
            let text = fields.string(entry.value, field: "\(field).results", line: entry.keyLine)
        {
            if let parsed = Target.SearchConfiguration.ResultFormat(rawValue: text) {
                format = parsed
            } else {
                issues.report(
                    line: entry.keyLine, field: "\(field).results", "expected html or json, found \"\(text)\"")
            }
        }
        let item = value("item"), title = value("title"), link = value("link")
        for (key, located) in [("item", item), ("title", title), ("link", link)] {
            guard let located else { continue }
            let problem =
                format == .html
                ? XPathSyntax.problem(with: located.text)
                : XPathSyntax.problem(withJSONPath: located.text)
            if let problem {
                issues.report(
                    line: located.line, field: "\(field).\(key)",
                    format == .html ? "bad XPath: \(problem)" : "bad JSON path: \(problem)")
            }
        }
        guard issues.errors.count == before, let url, let item, let title, let link else { return nil }
        return Target.SearchConfiguration(
            url: url.text, results: format, item: item.text, title: title.text, link: link.text)
    }
}
