import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The run folders under an output root, as cron sees them: which are complete, which one
/// `latest` names, and which old ones may go.
///
/// A run is complete once its `run.json` exists: the crawl writes it last, through a rename, so
/// a run killed at any moment has no run.json and is never taken for a finished one.
public enum RunFolders {
    /// The name of the symbolic link to the last completed run, next to the run folders.
    public static let latestName = "latest"

    /// `20261123T020000Z` or `20261123T020000Z-shard2-of-4`: only such folders are runs; any
    /// other name under the root (cron.log, an evaluator's notes) is never touched.
    public static func isRunID(_ name: String) -> Bool {
        let pattern = #"^[0-9]{8}T[0-9]{6}Z(-shard[0-9]+-of-[0-9]+)?$"#
        return name.range(of: pattern, options: .regularExpression) != nil
    }

    public static func isComplete(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/run.json")
    }

    /// Run folders under `root`, oldest first (run ids sort by start time).
    public static func runs(in root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            // attributesOfItem does not follow symbolic links: a link is never a run, and pruning
            // must not follow one out of the root.
            let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + name)
            return isRunID(name) && attributes?[.type] as? FileAttributeType == .typeDirectory
        }.sorted()
    }

    /// `-shard2-of-4` of a sharded run id, "" for a whole run.
    static func shardSuffix(_ runID: String) -> Substring {
        runID.firstIndex(of: "-").map { runID[$0...] } ?? ""
    }

    /// Points `root/latest` at `runID` (a relative link, so the root can be moved or mounted
    /// elsewhere). The new link is made under a temporary name and renamed over the old one:
    /// a reader sees the old run or the new one, never a missing link.
    public static func pointLatest(in root: String, at runID: String) throws {
        let link = root + "/" + latestName
        let temporary = root + "/." + latestName + ".tmp-\(getpid())"
        unlink(temporary)
        guard symlink(runID, temporary) == 0 else { throw FileOperationError("symlink", path: temporary) }
        guard rename(temporary, link) == 0 else {
            let failure = FileOperationError("rename to \(link)", path: temporary)
            unlink(temporary)
            throw failure
        }
    }

    /// The run `root/latest` names, or nil when there is no such link.
    public static func latest(in root: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + latestName)
    }

    /// Removes completed runs beyond the newest `keep`, never `protected` (the run just written)
    /// nor the one `latest` names, never an incomplete run (it may be a run still being written
    /// by another output root's lock holder, or one an operator wants to look at), and nothing
    /// that is not a run folder. Only runs of `protected`'s kind count: whole runs, or the same
    /// shard K of N, so that N shards sharing a root never prune each other's runs. Returns the
    /// removed run ids, oldest first.
    @discardableResult
    public static func prune(in root: String, keep: Int, protected: String) throws -> [String] {
        let complete = runs(in: root).filter { shardSuffix($0) == shardSuffix(protected) && isComplete(root + "/" + $0) }
        let spared = Set([protected] + (latest(in: root).map { [$0] } ?? []))
        let newest = Set(complete.suffix(max(keep, 0)))
        let doomed = complete.filter { !newest.contains($0) && !spared.contains($0) }
        for name in doomed {
            // Renamed out of the run-id namespace first, so a removal cut short leaves a folder
            // that is no longer taken for a run (it lacks nothing that says "complete" otherwise).
            let path = root + "/" + name
            let trash = root + "/.pruning-" + name
            guard rename(path, trash) == 0 else { throw FileOperationError("rename", path: path) }
            try FileManager.default.removeItem(atPath: trash)
        }
        return doomed
    }
}
