import Foundation
import TiyanConfig
import TiyanCore

/// The shard runs given to `merge`, checked to be one whole crawl: every shard 1…N of the same
/// N exactly once, each complete, all over the same targets file, probes and scoring rules.
/// Anything else would merge into a run that looks whole and is not.
struct ShardRunSet {
    struct Member {
        var directory: String
        var shard: Shard
        var manifest: JSONValue
        var startedAt: Date
        var finishedAt: Date
    }

    /// In shard order, which is the targets' order (Shard.select takes contiguous blocks).
    var members: [Member]

    init(directories: [String]) throws {
        guard !directories.isEmpty else { throw RunFailure("merge needs the shard run folders") }
        var members: [Member] = []
        for directory in directories {
            members.append(try Self.member(directory))
        }
        members.sort { $0.shard.index < $1.shard.index }
        let counts = Set(members.map(\.shard.count))
        guard counts.count == 1, let count = counts.first else {
            throw RunFailure("the runs are shards of different splits: "
                + members.map { "\($0.directory) is \($0.shard)" }.joined(separator: ", "))
        }
        var seen: [Int: String] = [:]
        for member in members {
            if let other = seen[member.shard.index] {
                throw RunFailure("shard \(member.shard) is given twice: \(other) and \(member.directory)")
            }
            seen[member.shard.index] = member.directory
        }
        let missing = (1...count).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw RunFailure("shards missing from the set of \(count): "
                + missing.map { "\($0)/\(count)" }.joined(separator: ", "))
        }
        for field in ["targets_sha256", "probes_sha256", "algorithm_version"] {
            let values = Set(members.map { $0.manifest[field]?.stringValue ?? "" })
            guard values.count == 1 else {
                throw RunFailure("the shards differ in \(field): "
                    + members.map { "\($0.directory) has \($0.manifest[field]?.stringValue ?? "none")" }
                        .joined(separator: ", "))
            }
        }
        self.members = members
    }

    private static func member(_ directory: String) throws -> Member {
        guard let data = FileManager.default.contents(atPath: directory + "/run.json") else {
            throw RunFailure("\(directory) is not a completed run (no run.json)")
        }
        let manifest: JSONValue
        do {
            manifest = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw RunFailure("\(directory)/run.json is not JSON: \(error)")
        }
        guard let text = manifest["options"]?["shard"]?.stringValue, let shard = Shard(text) else {
            throw RunFailure("\(directory) is not a shard run (run.json options have no shard K/N)")
        }
        let formatter = ISO8601DateFormatter()
        guard let started = manifest["started_at"]?.stringValue.flatMap(formatter.date(from:)),
              let finished = manifest["finished_at"]?.stringValue.flatMap(formatter.date(from:))
        else { throw RunFailure("\(directory)/run.json lacks started_at or finished_at") }
        return Member(directory: directory, shard: shard, manifest: manifest, startedAt: started, finishedAt: finished)
    }

    /// The merged run's id: the start of the earliest shard, without a shard suffix.
    var startedAt: Date { members.map(\.startedAt).min() ?? Date() }
    var finishedAt: Date { members.map(\.finishedAt).max() ?? Date() }
    var first: Member { members[0] }
}
