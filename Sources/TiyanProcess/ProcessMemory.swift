import Foundation

/// Resident memory of a process tree, read from /proc. Best effort: processes that exit while
/// we read simply count as zero.
enum ProcessMemory {
    static func residentBytes(ofTreeRootedAt root: Int32) -> Int {
        let parents = parentTable()
        var members: Set<Int32> = [root]
        // Chromium forks zygotes and renderers below the browser; a few passes over the table
        // find every descendant without recursion over a tree we do not control.
        var grew = true
        while grew {
            grew = false
            for (pid, parent) in parents where !members.contains(pid) && members.contains(parent) {
                members.insert(pid)
                grew = true
            }
        }
        return members.reduce(0) { $0 + residentBytes(of: $1) }
    }

    static func residentBytes(of pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return 0 }
            return kilobytes * 1024
        }
        return 0
    }

    /// pid → parent pid for every process visible in /proc.
    private static func parentTable() -> [Int32: Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [:] }
        var table: [Int32: Int32] = [:]
        for entry in entries {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  // The command name in parentheses may itself contain spaces and parentheses.
                  let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count >= 2, let parent = Int32(fields[1]) { table[pid] = parent }
        }
        return table
    }
}
