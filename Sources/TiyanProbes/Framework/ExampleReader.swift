import Foundation
import TiyanConfig
import TiyanCore

/// Reads a rule's `examples: {triggering: [...], non_triggering: [...]}`, with optional
/// `inapplicable: [...]`, `cant_tell: [...]` and `partial: [...]` lists for rules that can say so. An example is either an
/// HTML string (the home page) or a mapping describing the home response and further records.
struct ExampleReader {
    let issues: ConfigurationIssues
    let defaultURL: String
    let defaultRunStart: Date

    static let recordKeys = [
        "url", "status", "headers", "html", "error", "error_detail", "tls_verified",
        "unverified", "elapsed_ms", "user_agent", "discovered_from", "search_query", "rendered",
    ]
    static let exampleKeys = recordKeys + ["records", "now", "note", "search", "region", "expect", "evidence"]

    func read(_ node: ConfigNode, field: String) -> [RuleExample] {
        guard let entries = node.entries else {
            issues.report(node, field: field, "expected {triggering: [...], non_triggering: [...]}")
            return []
        }
        var examples: [RuleExample] = []
        for entry in entries {
            guard let kind = RuleExample.Kind(rawValue: entry.key) else {
                issues.report(
                    line: entry.keyLine, field: "\(field).\(entry.key)",
                    "unknown field (expected triggering, non_triggering, inapplicable, cant_tell, partial, outcomes)")
                continue
            }
            guard let items = entry.value.items else {
                issues.report(line: entry.keyLine, field: "\(field).\(entry.key)", "expected a list of examples")
                continue
            }
            for (index, item) in items.enumerated() {
                let itemField = "\(field).\(entry.key)[\(index)]"
                if let example = readExample(item, kind: kind, index: index, field: itemField) {
                    examples.append(example)
                }
            }
        }
        return examples
    }

    private func readExample(_ node: ConfigNode, kind: RuleExample.Kind, index: Int, field: String) -> RuleExample? {
        if let html = node.scalar {
            if kind == .outcomes {
                issues.report(node, field: field, "an outcomes example is a mapping that states its `expect:` status")
                return nil
            }
            let home = ExampleRecord(role: .home, url: defaultURL, html: html)
            return RuleExample(
                kind: kind, index: index, file: issues.file, line: node.line, records: [home], runStart: defaultRunStart
            )
        }
        guard let entries = node.entries else {
            issues.report(node, field: field, "expected an HTML string or a mapping, found \(node.kindName)")
            return nil
        }
        for entry in entries where !Self.exampleKeys.contains(entry.key) {
            issues.report(
                line: entry.keyLine, field: "\(field).\(entry.key)",
                "unknown field (expected one of: \(Self.exampleKeys.joined(separator: ", ")))")
        }
        var runStart = defaultRunStart
        if let now = node.entry("now") {
            if let date = now.value.scalar.flatMap(Self.date(from:)) {
                runStart = date
            } else {
                issues.report(
                    line: now.keyLine, field: "\(field).now", "expected an ISO 8601 time such as 2025-06-30T02:00:00Z")
            }
        }
        guard let home = readRecord(node, role: .home, field: field, homeURL: nil) else { return nil }
        var records = [home]
        if let list = node.entry("records") {
            for (offset, item) in (list.value.items ?? []).enumerated() {
                let itemField = "\(field).records[\(offset)]"
                guard let roleName = item["role"]?.scalar, let role = PageRole(rawValue: roleName) else {
                    issues.report(
                        item, field: "\(itemField).role", "expected a page role (e.g. http_probe, link_check)")
                    continue
                }
                for entry in item.entries ?? [] where entry.key != "role" && !Self.recordKeys.contains(entry.key) {
                    issues.report(line: entry.keyLine, field: "\(itemField).\(entry.key)", "unknown field")
                }
                if let record = readRecord(item, role: role, field: itemField, homeURL: home.url) {
                    records.append(record)
                }
            }
            if list.value.items == nil {
                issues.report(line: list.keyLine, field: "\(field).records", "expected a list of records")
            }
        }
        var search: Target.SearchConfiguration?
        if let entry = node.entry("search") {
            search = readSearch(entry, field: "\(field).search")
        }
        var example = RuleExample(
            kind: kind, index: index, file: issues.file, line: node.line, records: records, runStart: runStart,
            search: search, region: node["region"]?.scalar ?? "000000")
        example.expect = readExpect(node, kind: kind, field: field)
        if let entry = node.entry("evidence") { example.evidence = readEvidence(entry, field: "\(field).evidence") }
        return example
    }

    /// `expect: <status>`: required in `outcomes`, and nowhere else (the list names the status).
    private func readExpect(_ node: ConfigNode, kind: RuleExample.Kind, field: String) -> Status? {
        guard let entry = node.entry("expect") else {
            if kind == .outcomes { issues.report(node, field: "\(field).expect", "missing: an outcomes example states its status") }
            return nil
        }
        guard kind == .outcomes else {
            issues.report(line: entry.keyLine, field: "\(field).expect", "the \(kind.rawValue) list already names the status; use outcomes")
            return nil
        }
        guard let text = entry.value.scalar, let status = Status(rawValue: text) else {
            let statuses = Status.allCases.map(\.rawValue).joined(separator: ", ")
            issues.report(line: entry.keyLine, field: "\(field).expect", "expected one of: \(statuses)")
            return nil
        }
        return status
    }

    /// `evidence: {locator, snippet}`: where the result's evidence must point.
    private func readEvidence(_ entry: ConfigEntry, field: String) -> RuleExample.EvidenceExpectation? {
        guard let keys = entry.value.entries, !keys.isEmpty else {
            issues.report(line: entry.keyLine, field: field, "expected {locator: <xpath>, snippet: <text>}")
            return nil
        }
        for key in keys where !["locator", "snippet"].contains(key.key) {
            issues.report(line: key.keyLine, field: "\(field).\(key.key)", "unknown field (expected locator, snippet)")
        }
        return RuleExample.EvidenceExpectation(
            locator: entry.value["locator"]?.scalar, snippet: entry.value["snippet"]?.scalar)
    }

    /// `{url, results, item, title, link}` as in targets.yaml.
    private func readSearch(_ entry: ConfigEntry, field: String) -> Target.SearchConfiguration? {
        let node = entry.value
        let keys = ["url", "results", "item", "title", "link"]
        for key in node.entries ?? [] where !keys.contains(key.key) {
            issues.report(line: key.keyLine, field: "\(field).\(key.key)", "unknown field")
        }
        guard let url = node["url"]?.scalar, let item = node["item"]?.scalar, let title = node["title"]?.scalar,
              let link = node["link"]?.scalar,
              let results = Target.SearchConfiguration.ResultFormat(rawValue: node["results"]?.scalar ?? "html")
        else {
            issues.report(line: entry.keyLine, field: field, "expected url, results (html|json), item, title, link")
            return nil
        }
        return Target.SearchConfiguration(url: url, results: results, item: item, title: title, link: link)
    }

    private func readRecord(_ node: ConfigNode, role: PageRole, field: String, homeURL: String?) -> ExampleRecord? {
        let before = issues.errors.count
        let url = node["url"]?.scalar ?? homeURL ?? defaultURL
        var record = ExampleRecord(role: role, url: url, html: node["html"]?.scalar)
        if let error = node.entry("error") {
            if let text = error.value.scalar, let value = FetchErrorClass(rawValue: text) {
                record.error = value
                record.status = nil
            } else {
                issues.report(line: error.keyLine, field: "\(field).error", "not a fetch error class")
            }
        }
        if let status = node.entry("status") {
            if status.value.isNull {
                record.status = nil
            } else if let code = status.value.int {
                record.status = code
            } else {
                issues.report(line: status.keyLine, field: "\(field).status", "expected an HTTP status")
            }
        }
        if let headers = node.entry("headers") {
            guard let entries = headers.value.entries else {
                issues.report(line: headers.keyLine, field: "\(field).headers", "expected a mapping of header to value")
                return nil
            }
            record.headers = entries.map { HTTPHeader(name: $0.key, value: $0.value.scalar ?? "") }
        }
        record.errorDetail = node["error_detail"]?.scalar
        record.rendered = node["rendered"]?.scalar
        record.tlsVerified = node["tls_verified"]?.bool
        record.fetchedWithoutVerification = node["unverified"]?.bool ?? false
        record.elapsedMilliseconds = node["elapsed_ms"]?.int ?? record.elapsedMilliseconds
        record.userAgentProfile = node["user_agent"]?.scalar ?? (role == .homeMobile ? "mobile" : "desktop")
        record.discoveredFrom = node["discovered_from"]?.scalar ?? (role == .home ? nil : homeURL)
        if let query = node.entry("search_query") {
            record.searchQuery = readSearchQuery(query, field: "\(field).search_query")
        }
        return issues.errors.count == before ? record : nil
    }

    static let searchQueryKeys = ["text", "base", "variant", "gold", "synonyms", "relevant_link", "k", "baseline"]

    /// `{text, base, variant, gold, synonyms, relevant_link, k, baseline}`: what a search_results
    /// record asked; `base` defaults to `text`, `k` to 5; `baseline: true` marks the nonsense query.
    private func readSearchQuery(_ entry: ConfigEntry, field: String) -> SearchQuery? {
        let node = entry.value
        guard let entries = node.entries else {
            issues.report(line: entry.keyLine, field: field, "expected a mapping")
            return nil
        }
        for key in entries where !Self.searchQueryKeys.contains(key.key) {
            issues.report(line: key.keyLine, field: "\(field).\(key.key)", "unknown field")
        }
        guard let text = node["text"]?.scalar, let gold = node["gold"]?.scalar,
              let link = node["relevant_link"]?.scalar else {
            issues.report(line: entry.keyLine, field: field, "text, gold and relevant_link are required")
            return nil
        }
        return SearchQuery(
            text: text, base: node["base"]?.scalar ?? text, variant: node["variant"]?.scalar, gold: gold,
            synonyms: (node["synonyms"]?.items ?? []).compactMap(\.scalar), relevantLink: link,
            k: node["k"]?.int ?? 5, baseline: node["baseline"]?.bool == true ? true : nil)
    }

    static func date(from text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
