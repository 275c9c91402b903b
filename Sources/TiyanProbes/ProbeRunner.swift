public import TiyanConfig
public import TiyanCore
import TiyanHTML

/// Runs every probe module over archived sites. Pure: no network, no clock (dates come from
/// `ArchivedSite.runStart`), so a reprobe of the same archive gives byte-identical results.
public struct ProbeRunner: Sendable {
    private let loaded: [LoadedModule]
    /// Which scripts write page parts (discovery.yaml `script_budget`): rules that find no mark
    /// say so when such a script was not read.
    private var scriptBudget = DiscoveryRules.ScriptBudget()
    /// Set by `--profile`: each evaluation adds its rules' and artifacts' times here.
    public var profile: ProbeProfile?
    /// probes/page-nature.yaml: every page's nature (challenge, not HTML) is derived again from
    /// its archived bytes with these before any rule runs; nil judges records as archived
    /// (runners built from loaded modules in tests).
    private var pageNature: PageNatureMarkers?

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
        do {
            pageNature = try PageNatureFile.load(from: configuration)
        } catch let failure as ConfigurationErrors {
            errors += failure.errors
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
    init(loaded: [LoadedModule], pageNature: PageNatureMarkers? = nil) {
        self.loaded = loaded
        self.pageNature = pageNature
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
        var results: [IndicatorResult] = []
        evaluate(site, indicators: indicators) { results.append($0) }
        return results.sorted { $0.indicator < $1.indicator }
    }

    /// Each result as soon as its rule has decided, in rule order (not sorted): a supervisor
    /// that runs the probes in a child process keeps what was decided before a crash.
    /// `onJudgedPage` hears of every page record as the rules judge it (its error class derived
    /// again from its bytes), before the first result: what pages.jsonl says of it.
    public func evaluate(
        _ site: ArchivedSite, indicators: Set<String>?, onJudgedPage: (FetchRecord) -> Void = { _ in },
        onResult: (IndicatorResult) -> Void
    ) {
        LargeStack.run {
            evaluateOnThisThread(site, indicators: indicators, onJudgedPage: onJudgedPage, onResult: onResult)
        }
    }

    /// Every (module, indicator) the runner reports for one target, sorted by indicator: what a
    /// supervisor fills in as `error` when the probes of a target never finished.
    public var indicators: [(module: String, indicator: String, probeVersion: String)] {
        loaded.flatMap { module in
            module.rules.flatMap { loadedRule -> [(String, String, String)] in
                let id = loadedRule.description.id
                guard let expanded = loadedRule.rule as? any RoleExpandedRule else {
                    return [(module.name, id, module.probeVersion)]
                }
                return expanded.roles.map { (module.name, "\(id)-\($0.rawValue)", module.probeVersion) }
            }
        }.sorted { $0.1 < $1.1 }
    }

    private func evaluateOnThisThread(
        _ archived: ArchivedSite, indicators: Set<String>?, onJudgedPage: (FetchRecord) -> Void,
        onResult: (IndicatorResult) -> Void
    ) {
        let recorder = profile.map { _ in ProfileRecorder() }
        defer { if let recorder { profile?.merge(recorder.entries) } }
        let (site, documents) = judgingPages(of: archived, recorder: recorder)
        for record in site.resources where record.role.isPage { onJudgedPage(record) }
        let context = SiteContext(
            site: site, scriptBudget: scriptBudget, recorder: recorder, documents: documents, pageNature: pageNature)
        for module in loaded {
            for loadedRule in module.rules {
                let id = loadedRule.description.id
                let judgesTheFetches = type(of: loadedRule.rule).judgesTheFetches
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
                    let judged = recorder.map { recorder in recorder.measure("rule " + id) { Self.run(run) } }
                        ?? Self.run(run)
                    var finding = Self.withholdingVerdictsOnTruncatedPages(judged, context: context)
                    if !judgesTheFetches { finding = Self.accountingForADeadSite(finding, context: context) }
                    onResult(
                        IndicatorResult(
                            target: site.target.id, indicator: indicator, module: module.name,
                            status: finding.status, value: finding.value, score: finding.score,
                            confidence: finding.confidence,
                            evidence: finding.evidence, probeVersion: module.probeVersion, reason: finding.reason))
                }
            }
        }
    }

    /// The site with each page's verdict derived from its bytes, and the documents parsed for
    /// it, which the rules read again (search result pages aside: a site's hundred of them are
    /// parsed when read, never held).
    private func judgingPages(of site: ArchivedSite, recorder: ProfileRecorder?)
        -> (ArchivedSite, [Int: HTMLDocument])
    {
        guard let pageNature else { return (site, [:]) }
        var judged = site
        var documents: [Int: HTMLDocument] = [:]
        // `tiyan check` gives every record sequence 0: a document is adopted by its sequence only
        // where that names one record.
        var seen: [Int: Int] = [:]
        for record in site.resources { seen[record.sequence, default: 0] += 1 }
        let judge = {
            judged.resources = site.resources.map { record in
                let (record, document) = PageVerdict.judged(record, markers: pageNature)
                if let document, record.role != .searchResults, seen[record.sequence] == 1 {
                    documents[record.sequence] = document
                }
                return record
            }
        }
        if let recorder { recorder.measure("artifact page nature", judge) } else { judge() }
        return (judged, documents)
    }

    /// On a site where no page could be fetched, no other page could be looked for: whatever a
    /// rule said of an absent page (no such page, cannot tell, unreachable) becomes the one status
    /// SPEC gives a page that failed, with the failure that stopped the crawl as its reason.
    static func accountingForADeadSite(_ finding: Finding, context: SiteContext) -> Finding {
        let unmeasured: Set<Status> = [.notApplicable, .undetermined, .unreachable, .blocked]
        guard unmeasured.contains(finding.status), let dead = context.deadSite else { return finding }
        return Finding(
            dead.status, evidence: [dead.evidence],
            reason: "nothing beyond the home page could be looked for: \(dead.reason)")
    }

    /// A page the parser could not read to its end may hold, after the cut, exactly what a rule
    /// looked for, so a fail or partial that rests on such a page is not a measurement. The
    /// evidence names the pages a finding rests on; a finding without any rests on the site.
    static func withholdingVerdictsOnTruncatedPages(_ finding: Finding, context: SiteContext) -> Finding {
        guard finding.status == .fail || finding.status == .partial, !context.truncatedPages.isEmpty else {
            return finding
        }
        let cited = Set(finding.evidence.map(\.url)).filter { !$0.isEmpty }
        let truncated = cited.isEmpty ? context.truncatedPages : cited.intersection(context.truncatedPages)
        guard let page = truncated.sorted().first else { return finding }
        let was = finding.reason.map { " (it would have been \(finding.status.rawValue): \($0))" } ?? ""
        return Finding(
            .undetermined, evidence: finding.evidence,
            reason: "the document could not be parsed to its end (\(page) nests deeper than the parser follows)\(was)")
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
