import Foundation
public import TiyanCore

/// Writes archive.warc.gz: one gzip member per WARC/1.1 record, so standard tools can seek.
/// Per resource: a `request` record, a `response` record when a response arrived (the HTTP
/// header block and the decoded body; Content-Encoding is kept as X-Tiyan-Original-Content-Encoding
/// and Content-Length corrected, because the stored payload is decoded), and a `metadata` record
/// (application/json) with every other FetchRecord field, linked by WARC-Concurrent-To.
/// Thread-safe: calls are serialised internally.
public final class WARCWriter: Sendable {
    private let info: ArchiveRunInfo
    private let warcinfoID: String
    private let state: Locked<State>

    private struct State {
        var file: ArchiveOutputFile
        /// Set when a write fails part-way: the file then ends in a broken member, and records
        /// appended after it would be unreachable for readers, so further writes are refused.
        var failure: String?
        var closed = false
        /// The record each archived page's later records refer to, by target and sequence.
        var subjects: [String: String] = [:]
    }

    public init(path: String, info: ArchiveRunInfo) throws {
        self.info = info
        warcinfoID = WARCRecord.newRecordID()
        let file = try ArchiveOutputFile(creating: path)
        try file.write(try GzipMemberWriter().member(RecordLayout.warcinfo(info, id: warcinfoID)))
        state = Locked(State(file: file))
    }

    /// Records a target's definition (a `metadata` record with the Target as JSON).
    public func record(target: Target) throws {
        let member = try GzipMemberWriter().member(try RecordLayout.target(target, info: info, warcinfoID: warcinfoID))
        _ = try write(member)
    }

    /// Appends a resource; returns the offset of its first record.
    @discardableResult
    public func append(_ resource: FetchRecord) throws -> Int64 {
        // Compression happens outside the lock, so one large body does not hold up every other
        // crawl task; only the file write is serialised, keeping a resource's records together.
        let compressor = try GzipMemberWriter()
        var members = Data()
        let layout = try RecordLayout.resource(resource, warcinfoID: warcinfoID)
        for parts in layout.members {
            members.append(try compressor.member(parts))
        }
        let offset = try write(members)
        if resource.role.isPage {
            state.withLock { $0.subjects[Self.subjectKey(resource.target, resource.sequence)] = layout.subjectID }
        }
        return offset
    }

    /// Appends a rendered view of an archived page of `target` (RenderLayout); returns the
    /// offset of its first record.
    @discardableResult
    public func append(render view: RenderedView, target: String) throws -> Int64 {
        let pageID = state.withLock { $0.subjects[Self.subjectKey(target, view.pageSequence)] }
        let compressor = try GzipMemberWriter()
        var members = Data()
        for parts in try RenderLayout.records(view, target: target, pageRecordID: pageID, warcinfoID: warcinfoID) {
            members.append(try compressor.member(parts))
        }
        return try write(members)
    }

    private static func subjectKey(_ target: String, _ sequence: Int) -> String { "\(target)\t\(sequence)" }

    public func close() throws {
        try state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            try state.file.close()
        }
    }

    private func write(_ members: Data) throws -> Int64 {
        try state.withLock { state in
            if state.closed { throw ArchiveError.writeFailed(reason: "the archive is closed") }
            if let failure = state.failure {
                throw ArchiveError.writeFailed(reason: "an earlier write failed: \(failure)")
            }
            let offset = state.file.offset
            do {
                try state.file.write(members)
            } catch {
                state.failure = "\(error)"
                throw error
            }
            return offset
        }
    }
}
