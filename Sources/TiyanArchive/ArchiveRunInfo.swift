public import Foundation

/// What a run records about itself in the archive's `warcinfo` record and per-target `metadata`
/// records, so `reprobe` needs nothing but the archive.
public struct ArchiveRunInfo: Sendable, Hashable {
    public var runID: String
    public var startedAt: Date
    public var toolVersion: String
    public init(runID: String, startedAt: Date, toolVersion: String) {
        self.runID = runID
        self.startedAt = startedAt
        self.toolVersion = toolVersion
    }
}
