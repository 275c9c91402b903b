import Foundation
import TiyanProbes
#if canImport(Glibc)
import Glibc
#endif

/// `--profile`: the wall time of each stage of a command and, inside the probe stage, the CPU
/// time and calls of every rule and derived artifact, printed on stderr when the command ends,
/// so the next slow rule is found without a profiler.
struct RunProfile {
    let probes = ProbeProfile()
    private var stages: [(name: String, seconds: Double)] = []
    private var stageStart = ContinuousClock.now

    static let help = ArgumentHelpText.profile

    /// Ends the stage that began at the previous call (or at creation).
    mutating func endStage(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = now - stageStart
        stages.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        stageStart = now
    }

    func write() {
        var text = "profile: wall time by stage\n"
        for stage in stages { text += String(format: "%9.3f s  %@\n", stage.seconds, stage.name) }
        // Which process holds the memory: the crawl (fetching, archive, report) or a probe worker.
        text += "profile: peak RSS \(Self.peakMegabytes(RUSAGE_SELF)) MB in this process, "
            + "\(Self.peakMegabytes(RUSAGE_CHILDREN)) MB in the largest probe worker\n"
        text += probes.table()
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension RunProfile {
    fileprivate static func peakMegabytes(_ who: __rusage_who) -> Int {
        var usage = rusage()
        guard getrusage(__rusage_who_t(who.rawValue), &usage) == 0 else { return 0 }
        return usage.ru_maxrss / 1024  // kilobytes on Linux
    }
}

enum ArgumentHelpText {
    static let profile =
        "Print on stderr the wall time of each stage and the CPU time and calls of every probe rule and derived artifact."
}
