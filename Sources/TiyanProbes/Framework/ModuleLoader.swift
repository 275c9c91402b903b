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
    static let ruleKeys = ["kind", "name", "source", "settings", "examples", "note", "scope"]
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
        let context = RuleContext(
            issues: issues, module: definition.name, shared: shared, exampleURL: exampleURL, runStart: runStart)
        var loaded: [LoadedRule] = []
        var sharedUsed: Set<String> = []
        for entry in ruleEntries {
            guard let logic = logic(of: entry, in: definition, issues: issues) else { continue }
            if let rule = load(logic, entry: entry, context: context, directory: definition.directory,
                               sharedUsed: &sharedUsed) {
                loaded.append(rule)
            }
        }
        let configured = Set(ruleEntries.map(\.key))
        for type in definition.rules where !configured.contains(type.id) {
            issues.report(
                line: rulesEntry.keyLine, field: "rules.\(type.id)", "missing: the rule is implemented but not configured")
        }
        for entry in shared where !sharedUsed.contains(entry.key) {
            issues.report(line: entry.keyLine, field: "shared.\(entry.key)", "unused setting")
        }
        try issues.throwIfAny()
        return LoadedModule(name: definition.name, probeVersion: probeVersion, rules: loaded)
    }

    /// How an entry is built: by the kind it declares, or by the Swift rule of its id.
    private enum Logic {
        case rule(any Rule.Type)
        case kind(any RuleKind.Type)

        var type: any RuleLogic.Type {
            switch self {
            case let .rule(type): return type
            case let .kind(type): return type
            }
        }

        var kindName: String? {
            if case let .kind(type) = self { return type.kind }
            return nil
        }
    }

    private func logic(of entry: ConfigEntry, in definition: ModuleDefinition, issues: ConfigurationIssues) -> Logic? {
        let field = "rules.\(entry.key)"
        let own = definition.rules.first { $0.id == entry.key }
        guard let kindEntry = entry.value.entry("kind") else {
            if let own { return .rule(own) }
            issues.report(
                line: entry.keyLine, field: field,
                "no rule of this id is implemented in module \(definition.name), and it declares no `kind:`")
            return nil
        }
        guard let name = kindEntry.value.scalar, let kind = definition.kinds.first(where: { $0.kind == name }) else {
            let known = definition.kinds.map { $0.kind }
            let expected = known.isEmpty ? "module \(definition.name) has no kinds" : "expected one of: \(known.joined(separator: ", "))"
            issues.report(line: kindEntry.keyLine, field: "\(field).kind", "unknown kind (\(expected))")
            return nil
        }
        if own != nil {
            issues.report(
                line: kindEntry.keyLine, field: "\(field).kind",
                "a Swift rule implements this id; it cannot also be of kind \(name)")
            return nil
        }
        return .kind(kind)
    }

    private struct RuleContext {
        let issues: ConfigurationIssues
        let module: String
        let shared: [ConfigEntry]
        let exampleURL: String
        let runStart: Date
    }

    private func load(
        _ logic: Logic, entry: ConfigEntry, context: RuleContext, directory: String,
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
        let rule: any RuleLogic
        defer {
            for unused in settings.unusedKeys {
                issues.report(line: unused.keyLine, field: "\(field).settings.\(unused.key)", "unused setting")
            }
            sharedUsed.formUnion(settings.used)
        }
        do {
            switch logic {
            case let .rule(type): rule = try type.init(settings: settings)
            case let .kind(type): rule = try type.make(settings)
            }
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
            },
            kind: logic.kindName,
            swiftFile: "Sources/TiyanProbes/\(directory)/\(logic.type.sourceFile)")
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
