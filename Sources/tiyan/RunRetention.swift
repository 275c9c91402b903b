import TiyanReport

/// What `crawl` and `merge` do once a run folder is complete: point `latest` at it and prune.
enum RunRetention {
    /// What a --keep below 1 is told: keeping no run would prune the one just written.
    static func badKeep(_ keep: Int) -> String {
        "--keep \(keep): N is how many completed runs to keep, and must be at least 1"
    }

    /// Failures here come after the run is safely written, yet still fail the command: cron must
    /// hear that `latest` is stale or that the disk will fill.
    static func conclude(root: String, runID: String, keep: Int?, movesLatest: Bool) throws {
        do {
            if movesLatest { try RunFolders.pointLatest(in: root, at: runID) }
            if let keep {
                let removed = try RunFolders.prune(in: root, keep: keep, protected: runID)
                if !removed.isEmpty { Progress.line("tiyan: pruned \(removed.joined(separator: ", "))") }
            }
        } catch {
            throw RunFailure("run \(runID) is complete, but: \(error)")
        }
    }
}
