public import TiyanConfig
public import TiyanCore

/// Runs every probe module over archived sites. Pure: no network, no clock (dates come from
/// `ArchivedSite.runStart`), so a reprobe of the same archive gives byte-identical results.
public struct ProbeRunner: Sendable {
    private let loaded: [LoadedModule]
    /// Which scripts write page parts (discovery.yaml `script_budget`): rules that find no mark
    /// say so when such a script was not read.
    private var scriptBudget = DiscoveryRules.ScriptBudget()

    /// Loads every module this build implements from the configuration; throws
    /// `ConfigurationErrors` naming file, line and field for every bad rule, pattern or example.
    public init(configuration: ProbeConfiguration) throws {
        var modules: [LoadedModule] = []
        var errors: [ConfigurationError] = []
        let loader = ModuleLoader(configuration: configuration)
        for definition in ProbeRegistry.modules {
            do {
                modules.append(try loader.load(definition))
            } catch let failure as ConfigurationErrors {
                errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        loaded = modules
        // A configuration without discovery.yaml (some tests) reads every script as a plain one;
        // a broken one is reported by the crawl and by `tiyan validate`.
        if configuration.files[DiscoveryRules.fileName] != nil,
           let rules = try? DiscoveryRules.load(from: configuration)
        {
            scriptBudget = rules.scriptBudget
        }
    }

    /// Modules already loaded (tests inject rules this way).
    init(loaded: [LoadedModule]) {
        self.loaded = loaded
    }

    /// The module names in report order (e.g. `["basics"]`).
    public var modules: [String] { loaded.map(\.name) }

    /// Every rule, sorted by indicator id.
    public var rules: [RuleDescription] {
        loaded.flatMap { $0.rules.map(\.description) }.sorted { $0.id < $1.id }
    }

    /// Every indicator of every module for one target, sorted by indicator id. A probe that
    /// throws yields `error` for its own indicators only.
    public func evaluate(_ site: ArchivedSite) -> [IndicatorResult] {
        evaluate(site, indicators: nil)
    }

    /// Only the named indicators (all when nil), e.g. to run one rule's examples.
    public func evaluate(_ site: ArchivedSite, indicators: Set<String>?) -> [IndicatorResult] {
        let context = SiteContext(site: site, scriptBudget: scriptBudget)
        var results: [IndicatorResult] = []
        for module in loaded {
            for loadedRule in module.rules {
                let id = loadedRule.description.id
                var runs: [(indicator: String, run: () throws -> Finding)] = []
                if let expanded = loadedRule.rule as? any RoleExpandedRule {
                    for role in expanded.roles {
                        let indicator = "\(id)-\(role.rawValue)"
                        guard indicators.map({ $0.contains(id) || $0.contains(indicator) }) ?? true else { continue }
                        runs.append((indicator, { try expanded.evaluate(context, role: role) }))
                    }
                } else if indicators?.contains(id) ?? true {
                    runs.append((id, { try loadedRule.rule.evaluate(context) }))
                }
                for (indicator, run) in runs {
                    let finding = Self.run(run)
                    results.append(
                        IndicatorResult(
                            target: site.target.id, indicator: indicator, module: module.name,
                            status: finding.status, value: finding.value, score: finding.score,
                            confidence: finding.confidence,
                            evidence: finding.evidence, probeVersion: module.probeVersion, reason: finding.reason))
                }
            }
        }
        return results.sorted { $0.indicator < $1.indicator }
    }

    /// One rule, isolated: whatever it throws concerns its own indicator alone.
    static func run(_ rule: any Rule, on context: SiteContext) -> Finding {
        run { try rule.evaluate(context) }
    }

    static func run(_ evaluate: () throws -> Finding) -> Finding {
        do {
            return try evaluate()
        } catch let unavailable as PageUnavailable {
            return Finding(unavailable.status, evidence: unavailable.evidence, reason: unavailable.reason)
        } catch {
            return Finding(.error, reason: "probe failed: \(error)")
        }
    }
}
