import Foundation
import TiyanReport

/// A run folder that `rank` and `diff` may read: complete, i.e. with its run.json (written last).
/// A folder without one is a crawl that was killed, interrupted or is still going, whose
/// scores.csv may be missing or from before the run's last target: say so rather than read it.
enum CompletedRun {
    static func open(_ path: String) throws -> RunFolder {
        let folder = try RunFolder.open(path)
        guard FileManager.default.fileExists(atPath: folder.path + "/run.json") else {
            throw ReadFailure("\(folder.path) is an incomplete run (no run.json): its crawl was stopped or "
                + "is still going; give a completed run folder")
        }
        return folder
    }
}
