#if canImport(Glibc)
import Glibc
#endif

/// One evaluation's measurements, on the one thread that evaluates a site (so no lock): a stack
/// of open measurements lets a rule's self time leave out the artifacts computed inside it.
final class ProfileRecorder {
    private var nestedTime: [UInt64] = []
    private(set) var entries: [String: ProbeProfile.Entry] = [:]

    func measure<Value>(_ name: String, _ work: () throws -> Value) rethrows -> Value {
        let start = Self.threadCPUNanoseconds()
        nestedTime.append(0)
        defer {
            let total = Self.threadCPUNanoseconds() &- start
            let nested = nestedTime.removeLast()
            if !nestedTime.isEmpty { nestedTime[nestedTime.count - 1] += total }
            entries[name, default: ProbeProfile.Entry()].add(
                ProbeProfile.Entry(calls: 1, totalNanoseconds: total, selfNanoseconds: total > nested ? total - nested : 0))
        }
        return try work()
    }

    /// CPU time of this thread: wall time would charge a rule for the cores other sites held.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
