import Foundation
import TiyanConfig
import TiyanCore

/// The checks every part of scoring.yaml shares: known keys, sources, required values, weights
/// and indicator ids that fit a module.
extension ScoringRulesReader {
    /// An indicator named in a veto or an assessment must have the id shape of a module of the
    /// file, so a typo (`SB-1`, `PR06`) cannot silently map nothing.
    func checkKnown(_ pattern: IndicatorPattern, modules: [ModuleRules], line: Int?, field: String) {
        let known = modules.contains { module in
            guard let shape = module.idShape else { return true }
            return pattern.isGlob ? !pattern.literalPrefix.isEmpty && shapeAllowsPrefix(shape, pattern.literalPrefix)
                : shape.matches(pattern.text)
        }
        if !known {
            issues.report(line: line, field: field, "\(pattern.text) is not the id shape of any module in modules")
        }
    }

    func checkShape(_ pattern: IndicatorPattern, shape: Pattern?, module: String, line: Int, field: String) {
        guard let shape else { return }
        let fits = pattern.isGlob ? shapeAllowsPrefix(shape, pattern.literalPrefix) : shape.matches(pattern.text)
        if !fits {
            issues.report(line: line, field: field, "\(pattern.text) does not match the ids of module \(module) (\(shape.source))")
        }
    }

    /// Whether a glob's literal prefix begins the module's shape: the shape's own literal start
    /// (`^ACT-` of `^ACT-[0-9a-z]{6}-…`) and the prefix must agree on their common length.
    func shapeAllowsPrefix(_ shape: Pattern, _ prefix: String) -> Bool {
        var literal = ""
        for character in shape.source.drop(while: { $0 == "^" }) {
            guard character.isLetter || character.isNumber || character == "-" || character == "_" else { break }
            literal.append(character)
        }
        let common = min(literal.count, prefix.count)
        return !prefix.isEmpty && literal.prefix(common) == prefix.prefix(common)
    }

    func checkKeys(_ node: ConfigNode, allowed: [String], field: String?) {
        guard let entries = node.entries else {
            issues.report(node, field: field, "expected a mapping, found \(node.kindName)")
            return
        }
        for entry in entries where !allowed.contains(entry.key) {
            issues.report(line: entry.keyLine, field: field.map { "\($0).\(entry.key)" } ?? entry.key,
                          "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    /// A source is {standard, clause, tag} (tag V, S or G as in indicators.md), or a list of them.
    func checkSource(_ node: ConfigNode, field: String) {
        for source in node.items ?? [node] {
            checkKeys(source, allowed: Self.sourceKeys, field: field)
            guard source.entries != nil else { continue }
            _ = requiredText(source, "standard", field: field + ".standard")
            if let tag = requiredText(source, "tag", field: field + ".tag"), !["V", "S", "G"].contains(tag) {
                issues.report(source["tag"] ?? source, field: field + ".tag", "expected V, S or G (indicators.md tags)")
            }
        }
    }

    func required(_ node: ConfigNode, _ key: String, field: String) -> ConfigNode? {
        guard let value = node[key], !value.isNull else {
            issues.report(node, field: field, "missing required key")
            return nil
        }
        return value
    }

    func requiredText(_ node: ConfigNode, _ key: String, field: String) -> String? {
        guard let value = required(node, key, field: field) else { return nil }
        guard let text = value.scalar, !text.isEmpty else {
            issues.report(value, field: field, "expected text, found \(value.kindName)")
            return nil
        }
        return text
    }

    func weight(_ node: ConfigNode, field: String) -> Double {
        guard let value = node.double, value >= 0 else {
            issues.report(node, field: field, "expected a weight (a number ≥ 0)")
            return 0
        }
        return value
    }
}
