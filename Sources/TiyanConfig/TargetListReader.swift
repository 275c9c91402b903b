import TiyanCore

/// Reads the targets.yaml tree field by field, reporting every problem to `issues` and carrying
/// on, so that one `tiyan validate` lists them all.
struct TargetListReader {
    let issues: ConfigurationIssues

    static let topLevelFields = ["version", "defaults", "targets"]

    func read(_ root: ConfigNode) -> TargetList {
        guard let entries = root.entries else {
            issues.report(root, field: nil, "expected a mapping with `version` and `targets`, found \(root.kindName)")
            return TargetList(version: TargetList.supportedVersion, targets: [])
        }
        rejectUnknown(entries, allowed: Self.topLevelFields, prefix: "")
        let version = readVersion(root)
        let defaults = readDefaults(root.entry("defaults"))
        let targets = readTargets(root.entry("targets"), defaults: defaults, rootLine: root.line)
        return TargetList(version: version, targets: targets)
    }

    private func readVersion(_ root: ConfigNode) -> Int {
        guard let entry = root.entry("version") else {
            issues.report(
                line: root.line, field: "version", "missing (expected `version: \(TargetList.supportedVersion)`)")
            return TargetList.supportedVersion
        }
        guard let version = entry.value.int, version == TargetList.supportedVersion else {
            issues.report(
                line: entry.keyLine, field: "version",
                "unsupported version \(entry.value.scalar ?? entry.value.kindName) (this build reads \(TargetList.supportedVersion))"
            )
            return TargetList.supportedVersion
        }
        return version
    }

    private func readDefaults(_ entry: ConfigEntry?) -> TargetFields {
        guard let entry, !entry.value.isNull else { return TargetFields() }
        guard let entries = entry.value.entries else {
            issues.report(line: entry.keyLine, field: "defaults", "expected a mapping, found \(entry.value.kindName)")
            return TargetFields()
        }
        let allowed = TargetFields.names.filter { $0 != "id" }
        if let id = entries.first(where: { $0.key == "id" }) {
            issues.report(
                line: id.keyLine, field: "defaults.id", "an id cannot have a default: each target needs its own")
        }
        rejectUnknown(entries.filter { $0.key != "id" }, allowed: allowed, prefix: "defaults.")
        return TargetFieldsReader(issues: issues, prefix: "defaults").read(entries)
    }

    private func readTargets(_ entry: ConfigEntry?, defaults: TargetFields, rootLine: Int) -> [Target] {
        guard let entry else {
            issues.report(line: rootLine, field: "targets", "missing (expected a list of targets)")
            return []
        }
        guard let items = entry.value.items else {
            issues.report(line: entry.keyLine, field: "targets", "expected a list, found \(entry.value.kindName)")
            return []
        }
        var targets: [Target] = []
        var firstLineOfID: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let prefix = "targets[\(index)]"
            guard let entries = item.entries else {
                issues.report(item, field: prefix, "expected a mapping, found \(item.kindName)")
                continue
            }
            rejectUnknown(entries, allowed: TargetFields.names, prefix: prefix + ".")
            let fields = TargetFieldsReader(issues: issues, prefix: prefix).read(entries)
            if let id = fields.id {
                if let first = firstLineOfID[id.value] {
                    issues.report(
                        line: id.line, field: prefix + ".id", "duplicate id \"\(id.value)\" (first at line \(first))")
                } else {
                    firstLineOfID[id.value] = id.line
                }
            }
            if let target = fields.merged(over: defaults).target(issues: issues, prefix: prefix, line: item.line) {
                targets.append(target)
            }
        }
        return targets
    }

    private func rejectUnknown(_ entries: [ConfigEntry], allowed: [String], prefix: String) {
        for entry in entries where !allowed.contains(entry.key) {
            issues.report(
                line: entry.keyLine, field: prefix + entry.key,
                "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }
}
