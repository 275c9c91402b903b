public import TiyanConfig
import Foundation
import TiyanCore

extension ScoringRules {
    /// The file that holds the scoring rules, beside the probe modules.
    public static let fileName = "scoring.yaml"
    public static let moduleName = "scoring"
    static let schemaVersion = 1

    /// Decodes probes/scoring.yaml from an already loaded configuration (no file is read here);
    /// every problem is a `ConfigurationError` with file, line and field, all reported at once.
    public static func load(from configuration: ProbeConfiguration) throws -> ScoringRules {
        guard let file = configuration.file(declaringModule: moduleName) else {
            throw ConfigurationErrors([
                ConfigurationError(file: configuration.path(of: fileName), line: nil, field: nil,
                                   message: "no probes file declares `module: \(moduleName)` (the scoring rules)")
            ])
        }
        let issues = ConfigurationIssues(file: configuration.path(of: file))
        guard let root = try configuration.node(of: file) else {
            issues.report(line: nil, field: nil, "empty file")
            try issues.throwIfAny()
            throw ConfigurationErrors([])
        }
        let rules = ScoringRulesReader(issues: issues).read(root)
        try issues.throwIfAny()
        guard let rules else { throw ConfigurationErrors([]) }
        return rules
    }

    /// The modules of the contract (SPEC.md, indicators.md): known even to a build that does not
    /// implement them yet, so scoring.yaml can weigh them before their probes land.
    public static let contractModules: Set<String> = [
        "basics", "english", "elder", "privacy", "login", "search", "accessibility", "services",
    ]

    /// Problems of the rules against the modules this build implements (module name → rule
    /// ids): a module neither implemented nor in the contract (a typo such as `englsh`), an
    /// exact indicator id the module does not implement, or an implemented id outside the
    /// module's declared shape. Contract modules the build does not implement are left alone:
    /// their indicators score with whatever the file says once a build implements them.
    public static func problems(in configuration: ProbeConfiguration, implemented: [String: [String]])
        -> [ConfigurationError]
    {
        guard let file = configuration.file(declaringModule: moduleName),
              let root = ((try? configuration.node(of: file)) ?? nil),
              let rules = try? load(from: configuration)
        else { return [] }
        let issues = ConfigurationIssues(file: configuration.path(of: file))
        for module in rules.modules {
            let moduleNode = root["modules"]?.entry(module.name)
            guard let ids = implemented[module.name] else {
                if !contractModules.contains(module.name) {
                    issues.report(line: moduleNode?.keyLine, field: "modules.\(module.name)",
                                  "unknown module \(module.name) (this build implements: "
                                  + implemented.keys.sorted().joined(separator: ", ") + ")")
                }
                continue
            }
            for entry in module.indicators where !entry.pattern.isGlob && !ids.contains(entry.pattern.text) {
                let line = moduleNode?.value["indicators"]?.entry(entry.pattern.text)?.keyLine
                issues.report(line: line, field: "modules.\(module.name).indicators.\(entry.pattern.text)",
                              "module \(module.name) implements no indicator \(entry.pattern.text)")
            }
            if let shape = module.idShape {
                for id in ids where !shape.matches(id) {
                    issues.report(line: moduleNode?.value["ids"].map(\.line) ?? moduleNode?.keyLine,
                                  field: "modules.\(module.name).ids",
                                  "indicator \(id) of module \(module.name) does not match \(shape.source)")
                }
            }
        }
        return issues.errors
    }
}
