// PUBLIC API SKELETON — helper "archive" replaces these bodies with the real implementation and may
// split this file into one file per concern. Signatures are a contract other modules code against.
public import Foundation
public import TiyanCore

public enum ArchiveError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case writeFailed(reason: String)
    case malformed(offset: Int64, reason: String)
}

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

/// Writes archive.warc.gz: one gzip member per WARC/1.1 record, so standard tools can seek.
/// Per resource: a `request` record, a `response` record when a response arrived (the HTTP
/// header block and the decoded body; Content-Encoding is kept as X-Tiyan-Original-Content-Encoding
/// and Content-Length corrected, because the stored payload is decoded), and a `metadata` record
/// (application/json) with every other FetchRecord field, linked by WARC-Concurrent-To.
/// Thread-safe: calls are serialised internally.
public final class WARCWriter: Sendable {
    public init(path: String, info: ArchiveRunInfo) throws {}
    /// Records a target's definition (a `metadata` record with the Target as JSON).
    public func record(target: Target) throws {}
    /// Appends a resource; returns the offset of its first record.
    @discardableResult
    public func append(_ resource: FetchRecord) throws -> Int64 { 0 }
    public func close() throws {}
}

/// The archive read back: run info, targets in the order they were recorded, and every resource
/// with `warcOffset` set. Tolerates a truncated last record (a killed run) by stopping there.
public struct ArchiveContents: Sendable {
    public var info: ArchiveRunInfo
    public var targets: [Target]
    public var resources: [FetchRecord]
    public init(info: ArchiveRunInfo, targets: [Target], resources: [FetchRecord]) {
        self.info = info
        self.targets = targets
        self.resources = resources
    }

    /// One ArchivedSite per recorded target, in recorded order.
    public var sites: [ArchivedSite] {
        targets.map { target in
            ArchivedSite(target: target, runStart: info.startedAt, resources: resources.filter { $0.target == target.id })
        }
    }
}

public enum WARCReader {
    public static func read(path: String) throws -> ArchiveContents {
        throw ArchiveError.cannotOpen(path: path, reason: "not implemented")
    }
}
