public import Foundation

/// Where the probes' time goes (`--profile`): calls and CPU time per rule and per derived
/// artifact (a parse, a decoded text, a style cascade), summed over every site judged. A rule's
/// self time leaves out the artifacts it was the first to need; those are charged to the
/// artifact, so a slow rule and a slow shared computation are told apart.
public final class ProbeProfile: @unchecked Sendable {
    public struct Entry: Sendable, Equatable {
        public var calls = 0
        /// Thread CPU time inside the measured work, nanoseconds.
        public var totalNanoseconds: UInt64 = 0
        /// `totalNanoseconds` less the measured work nested in it.
        public var selfNanoseconds: UInt64 = 0

        public init(calls: Int = 0, totalNanoseconds: UInt64 = 0, selfNanoseconds: UInt64 = 0) {
            self.calls = calls
            self.totalNanoseconds = totalNanoseconds
            self.selfNanoseconds = selfNanoseconds
        }

        mutating func add(_ other: Entry) {
            calls += other.calls
            totalNanoseconds += other.totalNanoseconds
            selfNanoseconds += other.selfNanoseconds
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// Names are `rule <id>` or `artifact <what>`.
    public func merge(_ more: [String: Entry]) {
        lock.lock()
        defer { lock.unlock() }
        for (name, entry) in more { entries[name, default: Entry()].add(entry) }
    }

    public var snapshot: [String: Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    /// A table for people, the costliest first (by self time), with each row's share of all;
    /// every row by default (a few hundred lines at most: one per rule and artifact).
    public func table(limit: Int = .max) -> String {
        let rows = snapshot.sorted {
            ($0.value.selfNanoseconds, $1.key) > ($1.value.selfNanoseconds, $0.key)
        }
        let all = rows.reduce(UInt64(0)) { $0 + $1.value.selfNanoseconds }
        func seconds(_ nanoseconds: UInt64) -> String { String(format: "%9.3f", Double(nanoseconds) / 1e9) }
        var lines = ["profile: probe CPU time by rule and by derived artifact (self = less nested artifacts)",
                     "   self s   total s     calls  share  name"]
        for (name, entry) in rows.prefix(limit) {
            let share = all == 0 ? 0 : Double(entry.selfNanoseconds) / Double(all) * 100
            lines.append("\(seconds(entry.selfNanoseconds)) \(seconds(entry.totalNanoseconds)) "
                         + String(format: "%9d %5.1f%%", entry.calls, share) + "  \(name)")
        }
        if rows.count > limit { lines.append("  … \(rows.count - limit) more rows") }
        lines.append("\(seconds(all))           in all, over \(rows.count) rules and artifacts")
        return lines.joined(separator: "\n") + "\n"
    }
}
