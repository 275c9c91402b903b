import TiyanCore

/// Validates the value of each target field, reporting problems with the field's full path.
struct TargetFieldsReader {
    let issues: ConfigurationIssues
    let prefix: String

    func read(_ entries: [ConfigEntry]) -> TargetFields {
        var fields = TargetFields()
        for entry in entries {
            let field = "\(prefix).\(entry.key)"
            let value = entry.value
            let line = entry.keyLine
            let before = issues.errors.count
            switch entry.key {
            case "id":
                fields.id = string(value, field: field, line: line).flatMap { id in
                    guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                        issues.report(line: line, field: field, "\"\(id)\" does not match [a-z0-9-]+")
                        return nil
                    }
                    return Located(id, line: line)
                }
            case "name":
                fields.name = string(value, field: field, line: line).map { Located($0, line: line) }
            case "region":
                fields.region = string(value, field: field, line: line).flatMap { region in
                    guard region.count == 6, region.allSatisfy(\.isASCIIDigit) else {
                        issues.report(line: line, field: field, "\"\(region)\" is not a 6-digit 行政区划代码")
                        return nil
                    }
                    return Located(region, line: line)
                }
            case "kind":
                fields.kind = string(value, field: field, line: line).flatMap { text in
                    guard let kind = Target.Kind(rawValue: text) else {
                        let kinds = Target.Kind.allCases.map(\.rawValue).joined(separator: " | ")
                        issues.report(line: line, field: field, "unknown kind \"\(text)\" (expected \(kinds))")
                        return nil
                    }
                    return Located(kind, line: line)
                }
            case "url":
                fields.url = url(value, field: field, line: line).map { Located($0, line: line) }
            case "user_agent":
                fields.userAgent = string(value, field: field, line: line).map { Located($0, line: line) }
            case "max_pages":
                if let pages = value.int, pages > 0 {
                    fields.maxPages = Located(pages, line: line)
                } else {
                    issues.report(
                        line: line, field: field, "expected a positive whole number, found \(describe(value))")
                }
            case "hints":
                fields.hints = readHints(value, field: field, line: line)
            case "search":
                fields.search = SearchBlockReader(issues: issues, field: field).read(value, line: line)
                    .map { Located($0, line: line) }
            case "render":
                fields.render = string(value, field: field, line: line).flatMap { text in
                    guard let mode = RenderMode(rawValue: text) else {
                        let modes = RenderMode.allCases.map(\.rawValue).joined(separator: " | ")
                        issues.report(line: line, field: field, "unknown render mode \"\(text)\" (expected \(modes))")
                        return nil
                    }
                    return Located(mode, line: line)
                }
            default:
                break  // unknown fields are reported by the caller, which knows the allowed set
            }
            if issues.errors.count > before { fields.invalid.insert(entry.key) }
        }
        return fields
    }

    private func readHints(_ node: ConfigNode, field: String, line: Int) -> [PageRole: Located<String>] {
        if node.isNull { return [:] }
        guard let entries = node.entries else {
            issues.report(line: line, field: field, "expected a mapping of role to URL, found \(node.kindName)")
            return [:]
        }
        var hints: [PageRole: Located<String>] = [:]
        for entry in entries {
            let hintField = "\(field).\(entry.key)"
            guard let role = PageRole(rawValue: entry.key), PageRole.discoverable.contains(role) else {
                let roles = PageRole.discoverable.map(\.rawValue).joined(separator: ", ")
                issues.report(
                    line: entry.keyLine, field: hintField, "not a discoverable role (expected one of: \(roles))")
                continue
            }
            if let address = url(entry.value, field: hintField, line: entry.keyLine) {
                hints[role] = Located(address, line: entry.keyLine)
            }
        }
        return hints
    }

    func string(_ node: ConfigNode, field: String, line: Int) -> String? {
        guard let text = node.scalar else {
            issues.report(line: line, field: field, "expected a string, found \(node.kindName)")
            return nil
        }
        guard !text.trimmingWhitespace.isEmpty else {
            issues.report(line: line, field: field, "empty value")
            return nil
        }
        return text
    }

    func url(_ node: ConfigNode, field: String, line: Int) -> String? {
        guard let text = string(node, field: field, line: line) else { return nil }
        if let problem = WebAddress.problem(with: text) {
            issues.report(line: line, field: field, problem)
            return nil
        }
        return text
    }

    private func describe(_ node: ConfigNode) -> String {
        node.scalar.map { "\"\($0)\"" } ?? node.kindName
    }
}
