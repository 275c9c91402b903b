public import TiyanCore

extension RunDiff {
    public func renderText() -> String {
        var out = "Changes from run \(before.runID) (algorithm \(before.algorithmVersion ?? "unknown")) "
            + "to run \(after.runID) (algorithm \(after.algorithmVersion ?? "unknown"))\n"
        var target: String?
        for change in changes {
            if change.target != target {
                target = change.target
                out += "\n\(change.target)\(names[change.target].map { "  \($0)" } ?? "")\n"
            }
            let status = "\(change.before?.status ?? "(none)") → \(change.after?.status ?? "(none)")"
            var line = "  " + [change.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0),
                               change.indicator.padding(toLength: 16, withPad: " ", startingAt: 0),
                               status].joined(separator: " ")
            let oldValue = change.before.map { Self.brief($0.value) }, newValue = change.after.map { Self.brief($0.value) }
            if oldValue != newValue {
                line += "   value \(oldValue ?? "(none)") → \(newValue ?? "(none)")"
            }
            out += line + "\n"
        }
        if !addedTargets.isEmpty { out += "\nTargets added: \(addedTargets.joined(separator: ", "))\n" }
        if !removedTargets.isEmpty { out += "\nTargets removed: \(removedTargets.joined(separator: ", "))\n" }
        out += "\n\(summary)\n"
        return out
    }

    public var summary: String {
        let other = changes.count - regressions - improvements
        return "\(regressions) regression\(regressions == 1 ? "" : "s"), \(improvements) improvement\(improvements == 1 ? "" : "s"), "
            + "\(other) other change\(other == 1 ? "" : "s"); \(addedTargets.count) target\(addedTargets.count == 1 ? "" : "s") added, "
            + "\(removedTargets.count) removed"
    }

    public func renderJSON() -> String {
        func run(_ folder: RunFolder) -> JSONValue {
            .object([("run_id", .string(folder.runID)), ("path", .string(folder.path)),
                     ("algorithm_version", folder.algorithmVersion.map(JSONValue.string) ?? .null)])
        }
        func side(_ line: ResultLine?) -> JSONValue {
            guard let line else { return .null }
            return .object([("status", .string(line.status)), ("value", line.value),
                            ("score", line.score.map(JSONValue.number) ?? .null)])
        }
        var groups: [(String, [Change])] = []
        for change in changes {
            if groups.last?.0 == change.target {
                groups[groups.count - 1].1.append(change)
            } else {
                groups.append((change.target, [change]))
            }
        }
        let targets: [JSONValue] = groups.map { target, changes in
            .object([("target", .string(target)), ("name", names[target].map(JSONValue.string) ?? .null),
                     ("changes", .array(changes.map {
                         .object([("indicator", .string($0.indicator)), ("module", .string($0.module)),
                                  ("kind", .string($0.kind.rawValue)), ("before", side($0.before)), ("after", side($0.after))])
                     }))])
        }
        return PrettyJSON.render(.object([
            ("before", run(before)), ("after", run(after)), ("targets", .array(targets)),
            ("added_targets", .array(addedTargets.map(JSONValue.string))),
            ("removed_targets", .array(removedTargets.map(JSONValue.string))),
            ("summary", .object([("regressions", .int(regressions)), ("improvements", .int(improvements)),
                                 ("other_changes", .int(changes.count - regressions - improvements)),
                                 ("exit_status", .int(Int(exitStatus)))])),
        ]))
    }

    /// A value on one line, cut to a readable length.
    static func brief(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
