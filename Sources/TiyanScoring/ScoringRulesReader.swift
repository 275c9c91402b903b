import Foundation
import TiyanConfig
import TiyanCore

/// Walks the YAML tree of scoring.yaml, reporting every unknown key and bad value with its line.
struct ScoringRulesReader {
    let issues: ConfigurationIssues

    static let topLevelKeys = ["module", "version", "algorithm_version", "description", "grades",
                               "default_module_weight", "coverage", "modules", "vetoes", "dimensions", "items"]
    static let coverageKeys = ["minimum", "home_page", "reason", "source"]
    static let gradeKeys = ["bands", "lowest", "source", "note"]
    static let bandKeys = ["grade", "floor", "note"]
    static let moduleKeys = ["weight", "default_weight", "value_weight", "ids", "name", "reason", "source", "indicators"]
    static let weightKeys = ["weight", "reason", "source"]
    static let vetoKeys = ["indicator", "statuses", "cap", "reason", "source"]
    static let assessmentKeys = ["framework", "description", "source", "indicators"]
    static let memberKeys = ["id", "weight", "reason", "source"]
    static let sourceKeys = ["standard", "clause", "tag", "url"]

    func read(_ root: ConfigNode) -> ScoringRules? {
        guard root.entries != nil else {
            issues.report(root, field: nil, "expected a mapping at the top level, found \(root.kindName)")
            return nil
        }
        checkKeys(root, allowed: Self.topLevelKeys, field: nil)
        if let version = root.entry("version"), version.value.int != ScoringRules.schemaVersion {
            issues.report(line: version.keyLine, field: "version", "this build reads version \(ScoringRules.schemaVersion)")
        }
        let algorithmVersion = requiredText(root, "algorithm_version", field: "algorithm_version") ?? ""
        let grades = readGrades(root)
        let defaultModuleWeight = root["default_module_weight"].map {
            weight($0, field: "default_module_weight")
        } ?? 1
        let modules = readModules(root)
        let vetoes = readVetoes(root, modules: modules)
        let dimensions = readAssessments(root, key: "dimensions", modules: modules)
        let items = readAssessments(root, key: "items", modules: modules)
        let coverage = readCoverage(root, modules: modules)
        return ScoringRules(algorithmVersion: algorithmVersion, modules: modules,
                            defaultModuleWeight: defaultModuleWeight, grades: grades, vetoes: vetoes,
                            dimensions: dimensions, items: items, coverage: coverage)
    }

    private func readCoverage(_ root: ConfigNode, modules: [ModuleRules]) -> CoverageRule {
        guard let node = root["coverage"], !node.isNull else { return CoverageRule() }
        checkKeys(node, allowed: Self.coverageKeys, field: "coverage")
        _ = requiredText(node, "reason", field: "coverage.reason")
        if let source = required(node, "source", field: "coverage.source") {
            checkSource(source, field: "coverage.source")
        }
        var rule = CoverageRule()
        if let minimum = required(node, "minimum", field: "coverage.minimum") {
            if let value = minimum.double, (0...100).contains(value) {
                rule.minimum = value
            } else {
                issues.report(minimum, field: "coverage.minimum", "expected a percentage from 0 to 100")
            }
        }
        if let home = node["home_page"], !home.isNull {
            if let id = home.scalar, !IndicatorPattern(id).isGlob {
                checkKnown(IndicatorPattern(id), modules: modules, line: home.line, field: "coverage.home_page")
                rule.homeIndicator = id
            } else {
                issues.report(home, field: "coverage.home_page", "expected the one indicator that says the home page was fetched")
            }
        }
        return rule
    }

    // MARK: sections

    private func readGrades(_ root: ConfigNode) -> GradeBands {
        var bands: [GradeBands.Band] = []
        guard let node = required(root, "grades", field: "grades") else { return GradeBands(bands: [], lowest: "") }
        checkKeys(node, allowed: Self.gradeKeys, field: "grades")
        if let source = node["source"] { checkSource(source, field: "grades.source") }
        let lowest = requiredText(node, "lowest", field: "grades.lowest") ?? ""
        guard let list = required(node, "bands", field: "grades.bands") else { return GradeBands(bands: [], lowest: lowest) }
        guard let items = list.items, !items.isEmpty else {
            issues.report(list, field: "grades.bands", "expected a non-empty list of {grade, floor}")
            return GradeBands(bands: [], lowest: lowest)
        }
        var seen: Set<String> = [lowest]
        for (index, item) in items.enumerated() {
            let field = "grades.bands[\(index)]"
            checkKeys(item, allowed: Self.bandKeys, field: field)
            guard let grade = requiredText(item, "grade", field: field + ".grade"),
                  let floorNode = required(item, "floor", field: field + ".floor") else { continue }
            guard let floor = floorNode.double, (0...100).contains(floor) else {
                issues.report(floorNode, field: field + ".floor", "expected a number from 0 to 100")
                continue
            }
            if !seen.insert(grade).inserted {
                issues.report(item, field: field + ".grade", "grade \(grade) appears twice")
            }
            bands.append(GradeBands.Band(grade: grade, floor: floor))
        }
        return GradeBands(bands: bands, lowest: lowest)
    }

    private func readModules(_ root: ConfigNode) -> [ModuleRules] {
        guard let node = required(root, "modules", field: "modules") else { return [] }
        guard let entries = node.entries else {
            issues.report(node, field: "modules", "expected a mapping of module name to its weights")
            return []
        }
        var modules: [ModuleRules] = []
        for entry in entries {
            let field = "modules.\(entry.key)"
            guard entry.key.range(of: "^[a-z][a-z0-9_-]*$", options: .regularExpression) != nil else {
                issues.report(line: entry.keyLine, field: field, "a module name is lower-case letters, digits, - and _")
                continue
            }
            let module = entry.value
            guard module.entries != nil else {
                issues.report(module, field: field, "expected a mapping, found \(module.kindName)")
                continue
            }
            checkKeys(module, allowed: Self.moduleKeys, field: field)
            if let source = module["source"] { checkSource(source, field: field + ".source") }
            let weight = required(module, "weight", field: field + ".weight").map { self.weight($0, field: field + ".weight") } ?? 0
            let defaultWeight = module["default_weight"].map { self.weight($0, field: field + ".default_weight") } ?? 1
            var valueWeight: String?
            if let node = module["value_weight"] {
                if let key = node.scalar, !key.isEmpty {
                    valueWeight = key
                } else {
                    issues.report(node, field: field + ".value_weight", "expected the name of a number in the results' value")
                }
            }
            var shape: Pattern?
            if let idsNode = required(module, "ids", field: field + ".ids") {
                if let text = idsNode.scalar, let compiled = try? Pattern(text, caseSensitive: true) {
                    shape = compiled
                } else {
                    issues.report(idsNode, field: field + ".ids", "expected a regular expression for the module's indicator ids")
                }
            }
            var weights: [IndicatorWeight] = []
            if let list = module["indicators"] {
                if let indicatorEntries = list.entries {
                    for indicator in indicatorEntries {
                        let indicatorField = "\(field).indicators.\(indicator.key)"
                        let pattern = IndicatorPattern(indicator.key)
                        checkShape(pattern, shape: shape, module: entry.key, line: indicator.keyLine, field: indicatorField)
                        guard indicator.value.entries != nil else {
                            issues.report(indicator.value, field: indicatorField, "expected {weight, reason, source}")
                            continue
                        }
                        checkKeys(indicator.value, allowed: Self.weightKeys, field: indicatorField)
                        _ = requiredText(indicator.value, "reason", field: indicatorField + ".reason")
                        if let source = indicator.value["source"] { checkSource(source, field: indicatorField + ".source") }
                        guard let weightNode = required(indicator.value, "weight", field: indicatorField + ".weight") else {
                            continue
                        }
                        weights.append(IndicatorWeight(pattern: pattern, weight: self.weight(weightNode, field: indicatorField + ".weight")))
                    }
                } else if !list.isNull {
                    issues.report(list, field: field + ".indicators", "expected a mapping of indicator id (or glob) to its weight")
                }
            }
            modules.append(ModuleRules(name: entry.key, weight: weight, defaultWeight: defaultWeight, idShape: shape,
                                       indicators: weights, valueWeight: valueWeight))
        }
        return modules
    }

    private func readVetoes(_ root: ConfigNode, modules: [ModuleRules]) -> [Veto] {
        guard let node = root["vetoes"], !node.isNull else { return [] }
        guard let items = node.items else {
            issues.report(node, field: "vetoes", "expected a list of veto items")
            return []
        }
        var vetoes: [Veto] = []
        for (index, item) in items.enumerated() {
            let field = "vetoes[\(index)]"
            checkKeys(item, allowed: Self.vetoKeys, field: field)
            guard let source = required(item, "source", field: field + ".source") else { continue }
            checkSource(source, field: field + ".source")
            guard let indicator = requiredText(item, "indicator", field: field + ".indicator"),
                  let reason = requiredText(item, "reason", field: field + ".reason"),
                  let statusesNode = required(item, "statuses", field: field + ".statuses"),
                  let capNode = required(item, "cap", field: field + ".cap") else { continue }
            if IndicatorPattern(indicator).isGlob {
                issues.report(item, field: field + ".indicator", "a veto names one indicator, not a glob")
            }
            checkKnown(IndicatorPattern(indicator), modules: modules, line: item["indicator"]?.line, field: field + ".indicator")
            var statuses: [String] = []
            for status in statusesNode.items ?? [statusesNode] {
                guard let text = status.scalar, Status(rawValue: text) != nil else {
                    issues.report(status, field: field + ".statuses",
                                  "expected statuses from: \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                statuses.append(text)
            }
            guard let cap = capNode.double, (0...100).contains(cap) else {
                issues.report(capNode, field: field + ".cap", "expected a number from 0 to 100")
                continue
            }
            vetoes.append(Veto(indicator: indicator, statuses: statuses, cap: cap, reason: reason))
        }
        return vetoes
    }

    private func readAssessments(_ root: ConfigNode, key: String, modules: [ModuleRules]) -> [Assessment] {
        guard let node = root[key], !node.isNull else { return [] }
        guard let entries = node.entries else {
            issues.report(node, field: key, "expected a mapping of name to {framework, source, indicators}")
            return []
        }
        var assessments: [Assessment] = []
        for entry in entries {
            let field = "\(key).\(entry.key)"
            checkKeys(entry.value, allowed: Self.assessmentKeys, field: field)
            _ = requiredText(entry.value, "framework", field: field + ".framework")
            if let source = required(entry.value, "source", field: field + ".source") {
                checkSource(source, field: field + ".source")
            }
            guard let list = required(entry.value, "indicators", field: field + ".indicators") else { continue }
            guard let items = list.items, !items.isEmpty else {
                issues.report(list, field: field + ".indicators", "expected a non-empty list of {id, reason, source}")
                continue
            }
            var members: [Assessment.Member] = []
            for (index, item) in items.enumerated() {
                let memberField = "\(field).indicators[\(index)]"
                checkKeys(item, allowed: Self.memberKeys, field: memberField)
                _ = requiredText(item, "reason", field: memberField + ".reason")
                if let source = required(item, "source", field: memberField + ".source") {
                    checkSource(source, field: memberField + ".source")
                }
                guard let id = requiredText(item, "id", field: memberField + ".id") else { continue }
                let pattern = IndicatorPattern(id)
                checkKnown(pattern, modules: modules, line: item["id"]?.line, field: memberField + ".id")
                if members.contains(where: { $0.pattern == pattern }) {
                    issues.report(item, field: memberField + ".id", "\(id) is mapped twice here")
                }
                let memberWeight = item["weight"].map { weight($0, field: memberField + ".weight") } ?? 1
                members.append(Assessment.Member(pattern: pattern, weight: memberWeight))
            }
            assessments.append(Assessment(name: entry.key, members: members))
        }
        return assessments
    }
}
