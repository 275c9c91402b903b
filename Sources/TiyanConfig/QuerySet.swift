public import TiyanCore
import Foundation

/// The search query set (SPEC.md "The query-set format"): the high-frequency services a citizen
/// searches for, each with its gold name, synonyms and variants. The default set is the probes
/// file declaring `module: search-queries`; `tiyan crawl --queries FILE` replaces it for a run.
public struct QuerySet: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var q: String
        public var gold: String
        public var synonyms: [String]
        /// Variant kind (`typo`, `pinyin`, `colloquial`, `english`…) and what is typed, in file order.
        public var variants: [Variant]
    }

    public struct Variant: Sendable, Hashable {
        public var kind: String
        public var text: String
    }

    public var k: Int
    public var relevantLink: String
    public var entries: [Entry]

    /// The module name of the default query-set file in probes/.
    public static let moduleName = "search-queries"
    static let keys = ["module", "version", "k", "relevant_link", "queries", "source", "note"]
    static let entryKeys = ["q", "gold", "synonyms", "variants", "note"]

    /// Every request the crawl issues, base queries first (they decide SR-03/SR-04), then the
    /// variants, so a budget that runs out cuts tolerance checks before the core measurement.
    public var searchQueries: [SearchQuery] {
        let bases = entries.map {
            SearchQuery(text: $0.q, base: $0.q, gold: $0.gold, synonyms: $0.synonyms, relevantLink: relevantLink, k: k)
        }
        let variants = entries.flatMap { entry in
            entry.variants.map {
                SearchQuery(text: $0.text, base: entry.q, variant: $0.kind, gold: entry.gold, synonyms: entry.synonyms,
                            relevantLink: relevantLink, k: k)
            }
        }
        return bases + variants
    }

    /// The default set from a loaded probes/ configuration; nil when no file declares it.
    public static func load(from configuration: ProbeConfiguration) throws -> QuerySet? {
        guard let file = configuration.file(declaringModule: moduleName), let text = configuration.files[file] else {
            return nil
        }
        return try read(text, file: configuration.path(of: file))
    }

    /// A query-set file given on the command line.
    public static func load(path: String) throws -> QuerySet {
        try read(YAMLReader.readText(path: path), file: path)
    }

    /// Parses and validates a query set; errors name the file, line and field.
    public static func read(_ text: String, file: String) throws -> QuerySet {
        let issues = ConfigurationIssues(file: file)
        guard let root = try YAMLReader.parse(text, file: file), let entries = root.entries else {
            issues.report(line: nil, field: nil, "expected a mapping with version, k, relevant_link, queries")
            try issues.throwIfAny()
            throw ConfigurationErrors([])
        }
        for entry in entries where !keys.contains(entry.key) {
            issues.report(line: entry.keyLine, field: entry.key,
                          "unknown field (expected one of: \(keys.joined(separator: ", ")))")
        }
        if root["version"]?.int != 1 {
            issues.report(line: root.entry("version")?.keyLine ?? root.line, field: "version", "expected version: 1")
        }
        let k = root["k"]?.int ?? 5
        if k < 1 || (root["k"] != nil && root["k"]?.int == nil) { issues.report(line: root.entry("k")?.keyLine, field: "k", "expected a whole number of at least 1") }
        let relevantLink = root["relevant_link"]?.scalar ?? ""
        if (try? Pattern(relevantLink)) == nil || relevantLink.isEmpty {
            issues.report(line: root.entry("relevant_link")?.keyLine ?? root.line, field: "relevant_link",
                          "expected a regular expression for links to service pages")
        }
        var queries: [Entry] = []
        var seen: Set<String> = []
        let items = root["queries"]?.items ?? []
        if items.isEmpty { issues.report(line: root.entry("queries")?.keyLine ?? root.line, field: "queries", "expected a non-empty list") }
        for (index, item) in items.enumerated() {
            let field = "queries[\(index)]"
            for entry in item.entries ?? [] where !entryKeys.contains(entry.key) {
                issues.report(line: entry.keyLine, field: "\(field).\(entry.key)", "unknown field")
            }
            guard let q = item["q"]?.scalar, !q.isEmpty, let gold = item["gold"]?.scalar, !gold.isEmpty else {
                issues.report(item, field: field, "q and gold are required")
                continue
            }
            if !seen.insert(q).inserted { issues.report(item, field: "\(field).q", "duplicate query \"\(q)\"") }
            let synonyms = (item["synonyms"]?.items ?? []).compactMap(\.scalar)
            var variants: [Variant] = []
            if let node = item.entry("variants") {
                guard let list = node.value.entries else {
                    issues.report(line: node.keyLine, field: "\(field).variants", "expected a mapping of kind to text")
                    continue
                }
                variants = list.compactMap { entry in
                    guard let text = entry.value.scalar, !text.isEmpty else {
                        issues.report(line: entry.keyLine, field: "\(field).variants.\(entry.key)", "expected a text")
                        return nil
                    }
                    return Variant(kind: entry.key, text: text)
                }
            }
            queries.append(Entry(q: q, gold: gold, synonyms: synonyms, variants: variants))
        }
        try issues.throwIfAny()
        return QuerySet(k: k, relevantLink: relevantLink, entries: queries)
    }
}
