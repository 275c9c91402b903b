import TiyanAccessibility
import TiyanCore

/// One ACT rule as indicators: `ACT-<rule>-<role>` for each page role the module judges, with
/// the ACT outcome mapped to a status (passed → pass, failed → fail, inapplicable →
/// not_applicable, cantTell → undetermined), counts and weight in the value, and the failed
/// elements (XPath, snippet, one-sentence reason) as evidence.
struct ACTIndicator<Definition: ACTRule>: RoleExpandedRule {
    static var id: String { "ACT-" + Definition.id }
    static var evidenceLimit: Int { 10 }
    /// Every ACT rule is judged here; its definition lives in TiyanAccessibility.
    static var sourceFile: String { "ACTIndicator.swift" }

    let rule: Definition
    let roles: [PageRole] = [.home, .homeMobile, .elder, .login]
    /// The disability groups a failure blocks, and that share of all groups as the weight.
    let blocks: [String]
    let weight: Double

    init(settings: RuleSettings) throws {
        rule = Definition(configuration: try ACTConfigurationReader.read(settings))
        let groups = try settings.keywords("disability_groups")
        blocks = try settings.keywords("blocks")
        for group in blocks where !groups.contains(group) {
            throw settings.invalid("blocks", "\"\(group)\" is not one of disability_groups")
        }
        weight = Double(blocks.count) / Double(max(1, groups.count))
    }

    func evaluate(_ site: SiteContext) throws -> Finding { try evaluate(site, role: .home) }

    func evaluate(_ site: SiteContext, role: PageRole) throws -> Finding {
        // The home page is always sought; a site with no elder, login or mobile page has nothing
        // to judge there.
        let page = try site.page(role, ifAbsent: role == .home ? .undetermined : .notApplicable)
        let view: AccessiblePage
        if let known = page.accessibility {
            view = known
        } else {
            view = site.measure("accessibility view") {
                AccessiblePage(
                    tree: page.document.tree, url: page.url, source: page.document.decoding.text,
                    sheetStyles: StyleSheetVisibility.declarations(of: page, site: site))
            }
            page.accessibility = view
        }
        let targets = rule.targets(in: view)
        return finding(targets, page: page, view: view)
    }

    private func finding(_ targets: [ACTTarget], page: SitePage, view: AccessiblePage) -> Finding {
        let outcome = ACTOutcome.combined(targets.map(\.outcome))
        func count(_ kind: ACTOutcome) -> Int { targets.filter { $0.outcome == kind }.count }
        let value = JSONValue.object([
            ("act_rule", .string(Definition.id)), ("outcome", .string(outcome.rawValue)),
            ("failed", .number(Double(count(.failed)))), ("passed", .number(Double(count(.passed)))),
            ("cant_tell", .number(Double(count(.cantTell)))), ("weight", .number(weight)),
            ("blocks", .array(blocks.map { .string($0) })),
        ])
        let shown = [ACTOutcome.failed, .cantTell, .passed].lazy.map { kind in targets.filter { $0.outcome == kind } }
            .first { !$0.isEmpty } ?? []
        var evidence = shown.prefix(Self.evidenceLimit).map { target in
            page.evidence(
                locator: view[target.node].xpath, snippet: view.tree.snippet(of: target.node),
                extra: [("outcome", .string(target.outcome.rawValue))]
                    + (target.reason.map { [("reason", JSONValue.string($0))] } ?? []))
        }
        if evidence.isEmpty {
            let root = view.tree.documentElement
            evidence = [page.evidence(
                locator: root.map { view[$0].xpath } ?? "/", snippet: root.map { view.tree.snippet(of: $0) } ?? "",
                extra: [("outcome", .string(outcome.rawValue))])]
        }
        let reason = targets.first { $0.outcome == .failed || $0.outcome == .cantTell }?.reason
        switch outcome {
        case .passed: return Finding(.pass, value: value, evidence: evidence)
        case .failed: return Finding(.fail, value: value, evidence: evidence, reason: reason)
        case .cantTell: return Finding(.undetermined, value: value, evidence: evidence, reason: reason)
        case .inapplicable:
            if let shell = page.shellReason {
                return Finding(.undetermined, value: value, evidence: evidence,
                               reason: "the page is a script shell (\(shell)): its content is not in the HTML")
            }
            return Finding(.notApplicable, value: value, evidence: evidence,
                           reason: "no element of the page is in the rule's applicability")
        }
    }
}
