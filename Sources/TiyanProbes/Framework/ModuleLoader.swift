import Foundation
import TiyanConfig
import TiyanCore

/// Builds a `LoadedModule` from probes/<module>.yaml and the Swift rules of its definition,
/// collecting every problem (with file, line and field) before giving up.
struct ModuleLoader {
    let configuration: ProbeConfiguration

    static let topLevelKeys = [
        "module", "version", "probe_version", "name", "description", "example_defaults",
        "shared", "rules",
    ]
    static let ruleKeys = ["name", "source", "settings", "examples", "note", "scope"]
    static let schemaVersion = 1
    static let fallbackExampleURL = "https://www.example.gov.cn/"

    func load(_ definition: ModuleDefinition) throws -> LoadedModule {
        guard let fileName = configuration.file(declaringModule: definition.name) else {
            throw ConfigurationErrors([
                ConfigurationError(
                    file: configuration.directory, line: nil, field: nil,
                    message: "no probes file declares `module: \(definition.name)`")
            ])
        }
        let path = configuration.path(of: fileName)
        let issues = ConfigurationIssues(file: path)
        guard let root = try configuration.node(of: fileName), let entries = root.entries else {
            issues.report(line: nil, field: nil, "expected a mapping at the top level")
            try issues.throwIfAny()
            throw ConfigurationErrors([])
        }
        for entry in entries where !Self.topLevelKeys.contains(entry.key) {
            issues.report(
                line: entry.keyLine, field: entry.key,
                "unknown field (expected one of: \(Self.topLevelKeys.joined(separator: ", ")))")
        }
        if let version = root.entry("version"), version.value.int != Self.schemaVersion {
            issues.report(line: version.keyLine, field: "version", "this build reads version \(Self.schemaVersion)")
        }
        let probeVersion = root["probe_version"]?.scalar ?? ""
        if probeVersion.isEmpty {
            issues.report(line: root.line, field: "probe_version", "missing: results carry it as probe_version")
        }
        let (exampleURL, runStart) = exampleDefaults(root.entry("example_defaults"), issues: issues)
        let shared = root["shared"]?.entries ?? []
        RuleSettings.checkShape(shared, field: "shared", issues: issues)

        guard let rulesEntry = root.entry("rules"), let ruleEntries = rulesEntry.value.entries else {
            issues.report(line: root.line, field: "rules", "missing: expected a mapping of indicator id to rule")
            try issues.throwIfAny()
            throw ConfigurationErrors([])
        }
        let implemented = Set(definition.rules.map { $0.id })
        for entry in ruleEntries where !implemented.contains(entry.key) {
            issues.report(
                line: entry.keyLine, field: "rules.\(entry.key)",
                "no rule of this id is implemented in module \(definition.name)")
        }
        var loaded: [LoadedRule] = []
        var sharedUsed: Set<String> = []
        for type in definition.rules {
            guard let entry = ruleEntries.first(where: { $0.key == type.id }) else {
                issues.report(
                    line: rulesEntry.keyLine, field: "rules.\(type.id)",
                    "missing: the rule is implemented but not configured")
                continue
            }
            let context = RuleContext(
                issues: issues, module: definition.name, shared: shared,
                exampleURL: exampleURL, runStart: runStart)
            if let rule = load(type, entry: entry, context: context, sharedUsed: &sharedUsed) {
                loaded.append(rule)
            }
        }
        for entry in shared where !sharedUsed.contains(entry.key) {
            issues.report(line: entry.keyLine, field: "shared.\(entry.key)", "unused setting")
        }
        try issues.throwIfAny()
        return LoadedModule(name: definition.name, probeVersion: probeVersion, rules: loaded)
    }

    private struct RuleContext {
        let issues: ConfigurationIssues
        let module: String
        let shared: [ConfigEntry]
        let exampleURL: String
        let runStart: Date
    }

    private func load(
        _ type: any Rule.Type, entry: ConfigEntry, context: RuleContext,
        sharedUsed: inout Set<String>
    ) -> LoadedRule? {
        let issues = context.issues
        let field = "rules.\(entry.key)"
        let node = entry.value
        guard let keys = node.entries else {
            issues.report(line: entry.keyLine, field: field, "expected a mapping with name, source, settings, examples")
            return nil
        }
        for key in keys where !Self.ruleKeys.contains(key.key) {
            issues.report(
                line: key.keyLine, field: "\(field).\(key.key)",
                "unknown field (expected one of: \(Self.ruleKeys.joined(separator: ", ")))")
        }
        let name = node["name"]?.scalar ?? ""
        if name.isEmpty { issues.report(line: entry.keyLine, field: "\(field).name", "missing") }
        let scopeText = node["scope"]?.scalar ?? RuleScope.page.rawValue
        let scope = RuleScope(rawValue: scopeText) ?? .page
        if RuleScope(rawValue: scopeText) == nil {
            issues.report(line: node.entry("scope")?.keyLine ?? entry.keyLine, field: "\(field).scope",
                          "expected page or site")
        }
        let sources = readSources(node.entry("source"), field: "\(field).source", line: entry.keyLine, issues: issues)
        let own = node["settings"]?.entries ?? []
        RuleSettings.checkShape(own, field: "\(field).settings", issues: issues)
        let examples =
            node["examples"].map {
                ExampleReader(issues: issues, defaultURL: context.exampleURL, defaultRunStart: context.runStart)
                    .read($0, field: "\(field).examples")
            } ?? []
        let settings = RuleSettings(
            ruleID: entry.key, file: issues.file, own: own, ownField: "\(field).settings",
            shared: context.shared, sharedField: "shared")
        let rule: any Rule
        defer {
            for unused in settings.unusedKeys {
                issues.report(line: unused.keyLine, field: "\(field).settings.\(unused.key)", "unused setting")
            }
            sharedUsed.formUnion(settings.used)
        }
        do {
            rule = try type.init(settings: settings)
        } catch let failure as ConfigurationErrors {
            issues.append(
                contentsOf: failure.errors.map { error in
                    var error = error
                    if error.line == nil { error.line = entry.keyLine }
                    return error
                })
            return nil
        } catch {
            issues.report(line: entry.keyLine, field: field, "cannot configure rule: \(error)")
            return nil
        }
        let description = RuleDescription(
            id: entry.key, module: context.module, name: name, sources: sources,
            examples: examples, file: issues.file, line: entry.keyLine, scope: scope,
            indicators: (rule as? any RoleExpandedRule).map { expanded in
                expanded.roles.map { "\(entry.key)-\($0.rawValue)" }
            })
        return LoadedRule(description: description, rule: rule)
    }

    private func readSources(_ entry: ConfigEntry?, field: String, line: Int, issues: ConfigurationIssues)
        -> [RuleSource]
    {
        guard let entry else {
            issues.report(line: line, field: field, "missing: every rule names its source")
            return []
        }
        if let items = entry.value.items {
            return items.enumerated().compactMap { RuleSource.read($1, field: "\(field)[\($0)]", issues: issues) }
        }
        return RuleSource.read(entry.value, field: field, issues: issues).map { [$0] } ?? []
    }

    private func exampleDefaults(_ entry: ConfigEntry?, issues: ConfigurationIssues) -> (String, Date) {
        var url = Self.fallbackExampleURL
        var runStart = Date(timeIntervalSince1970: 0)
        guard let entry else { return (url, runStart) }
        for key in entry.value.entries ?? [] where !["url", "now"].contains(key.key) {
            issues.report(line: key.keyLine, field: "example_defaults.\(key.key)", "unknown field (expected url, now)")
        }
        if let text = entry.value["url"]?.scalar { url = text }
        if let now = entry.value.entry("now") {
            if let date = now.value.scalar.flatMap(ExampleReader.date(from:)) {
                runStart = date
            } else {
                issues.report(line: now.keyLine, field: "example_defaults.now", "expected an ISO 8601 time")
            }
        }
        return (url, runStart)
    }
}
