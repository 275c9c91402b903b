public import Foundation

/// The name of a run folder: its UTC start time, so folders sort by time and two runs started
/// the same second collide loudly instead of mixing.
public enum RunID {
    /// `20261123T020000Z`, or `20261123T020000Z-shard1-of-4` for shard 1 (1-based, as printed)
    /// of 4.
    public static func make(startedAt: Date, shard: (index: Int, count: Int)? = nil) -> String {
        let base = UTCTime(startedAt).basic
        guard let shard else { return base }
        return base + "-shard\(shard.index)-of-\(shard.count)"
    }
}
