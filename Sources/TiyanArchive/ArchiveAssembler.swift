import Foundation
import TiyanCore

/// Turns records, in file order, back into run info, targets and FetchRecords. Request and
/// response records wait until the metadata record that names them arrives (it is written last).
struct ArchiveAssembler {
    private(set) var info: ArchiveRunInfo?
    private(set) var targets: [Target] = []
    private(set) var resources: [FetchRecord] = []
    /// Rendered views by target id, in archive order.
    private(set) var renders: [String: [RenderedView]] = [:]
    private var waiting: [String: (record: WARCRecord, offset: Int64)] = [:]
    /// Without bodies the archive's index stays small: a reprobe loads each target's bodies in
    /// turn instead of the whole run at once.
    var keepsBodies = true

    init() {}

    /// Continues an archive whose warcinfo was read before (reading from a resource's offset).
    init(info: ArchiveRunInfo) {
        self.info = info
    }

    mutating func add(_ record: WARCRecord, offset: Int64) throws {
        guard info != nil else {
            guard record.type == "warcinfo", let parsed = RunInfoFields.parse(record.block) else {
                throw ArchiveError.malformed(offset: offset, reason: "the first record is not tiyan's warcinfo")
            }
            info = parsed
            return
        }
        switch record.type {
        case "request", "response", "conversion", "resource":
            if let id = record.recordID { waiting[id] = (record, offset) }
        case "metadata" where Self.isJSON(record):
            try addMetadata(record, offset: offset)
        default:
            // Other writers' record types (revisit, continuation) carry nothing tiyan wrote.
            break
        }
    }

    private static func isJSON(_ record: WARCRecord) -> Bool {
        record.value("Content-Type")?.lowercased().hasPrefix("application/json") ?? false
    }

    private mutating func addMetadata(_ record: WARCRecord, offset: Int64) throws {
        do {
            switch try MetadataJSON.decode(MetadataJSON.Kind.self, from: record.block).kind {
            case "target":
                targets.append(try MetadataJSON.decode(TargetMetadata.self, from: record.block).target)
            case "resource":
                resources.append(try resource(from: record, offset: offset))
            case "render":
                let fields = try MetadataJSON.decode(RenderMetadata.self, from: record.block)
                renders[fields.target, default: []].append(render(fields, from: record, offset: offset))
            default:
                break
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError.malformed(offset: offset, reason: "metadata JSON: \(error)")
        }
    }

    private mutating func resource(from metadata: WARCRecord, offset: Int64) throws -> FetchRecord {
        let fields = try MetadataJSON.decode(ResourceMetadata.self, from: metadata.block)
        let linked = (metadata.values("WARC-Concurrent-To") + metadata.values("WARC-Refers-To"))
            .compactMap { waiting.removeValue(forKey: $0) }
        guard let request = linked.first(where: { $0.record.type == "request" }) else {
            throw ArchiveError.malformed(offset: offset, reason: "no request record for \(fields.url)")
        }
        let requestMessage = try Self.message(request.record, offset: request.offset)
        var headers: [HTTPHeader] = []
        var body = Data()
        if fields.status != nil {
            guard let response = linked.first(where: { $0.record.type == "response" }) else {
                throw ArchiveError.malformed(offset: offset, reason: "no response record for \(fields.url)")
            }
            let message = try Self.message(response.record, offset: response.offset)
            headers = FramingHeaders.original(message.headers)
            if keepsBodies { body = message.body }
        }
        return fields.record(requestHeaders: requestMessage.headers, headers: headers, body: body,
                             offset: request.offset)
    }

    /// The view with its DOM and screenshot from the records the metadata names; an index read
    /// (`keepsBodies` false) keeps only what says which page was rendered how.
    private mutating func render(_ fields: RenderMetadata, from metadata: WARCRecord, offset: Int64) -> RenderedView {
        let linked = (metadata.values("WARC-Concurrent-To") + metadata.values("WARC-Refers-To"))
            .compactMap { waiting.removeValue(forKey: $0) }
        let conversion = linked.first { $0.record.type == "conversion" }
        let screenshot = linked.first { $0.record.type == "resource" }
        return fields.view(
            dom: keepsBodies ? conversion?.record.block ?? Data() : Data(),
            screenshot: keepsBodies ? screenshot?.record.block ?? Data() : Data(),
            offset: conversion?.offset ?? offset, keepsElements: keepsBodies)
    }

    private static func message(_ record: WARCRecord, offset: Int64) throws -> (headers: [HTTPHeader], body: Data) {
        do {
            let parsed = try HTTPMessage.parse(record.block)
            return (parsed.headers, parsed.body)
        } catch {
            throw ArchiveError.malformed(offset: offset, reason: error.reason)
        }
    }
}
