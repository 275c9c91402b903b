import Foundation
import TiyanReport

/// A new run folder under an output root, taken under the root's run lock: the one way `crawl`
/// and `merge` start writing, so a second run never writes into the same folder or slot.
struct NewRunFolder {
    let lock: RunLock
    let directory: String

    /// `lockName` is the lock file in `root` (shards of one crawl each lock their own slot).
    init(root: String, runID: String, lockName: String = ".tiyan.lock") throws {
        do {
            try OutputFolder.create(root)
        } catch let failure as OutputFolder.Failure {
            throw RunFailure("--out \(root): \(failure.description)")
        }
        do {
            lock = try RunLock(path: root + "/" + lockName)
        } catch {
            throw RunFailure("cannot take the run lock in \(root): \(error)")
        }
        directory = root + "/" + runID
        guard !FileManager.default.fileExists(atPath: directory) else {
            lock.release()
            throw RunFailure("run folder \(directory) already exists")
        }
        do {
            try OutputFolder.create(directory)
        } catch let failure as OutputFolder.Failure {
            lock.release()
            throw RunFailure(failure.description)
        }
    }
}
