import Foundation
import TiyanCore

/// The one line a finished run ends with on stderr: what was done, how long it took and the
/// memory it needed (the figure a CronJob's memory limit is set from).
struct RunSummary {
    var targets: Int
    var pages: Int
    var results: [IndicatorResult]
    var startedAt: Date
    var peakMemoryBytes = Progress.peakMemoryBytes

    /// "tiyan: done: 33 targets, 1204 pages, 2871 results (pass 1500, fail 400, …), 4m12s, peak memory 812 MB"
    var line: String {
        let counts = RunPipeline.countsByStatus(results)
        let statuses = Status.allCases.compactMap { status in counts[status].map { "\(status.rawValue) \($0)" } }
        return "tiyan: done: \(targets) targets, \(pages) pages, \(results.count) results"
            + (statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))")
            + ", \(Progress.duration(Date().timeIntervalSince(startedAt)))"
            + ", peak memory \(peakMemoryBytes / 1_000_000) MB"
    }
}
