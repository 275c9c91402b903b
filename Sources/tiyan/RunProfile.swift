import Foundation
import TiyanProbes

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
        text += probes.table()
        FileHandle.standardError.write(Data(text.utf8))
    }
}

enum ArgumentHelpText {
    static let profile =
        "Print on stderr the wall time of each stage and the CPU time and calls of every probe rule and derived artifact."
}
