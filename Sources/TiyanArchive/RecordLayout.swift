import Foundation
import TiyanCore

/// Which WARC records stand for what, as byte ranges ready to compress, one member each.
///
/// Per resource: `request` (the HTTP request), `response` when a response arrived (status line,
/// headers, decoded body) and `metadata` (application/json) with every other FetchRecord field.
/// The metadata record names its subject in WARC-Refers-To (the response, else the request) and
/// lists both in WARC-Concurrent-To; the response names its request in WARC-Concurrent-To.
enum RecordLayout {
    static func warcinfo(_ info: ArchiveRunInfo, id: String) -> [Data] {
        WARCRecord(fields: [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", id),
            ("WARC-Date", WARCDate.string(from: info.startedAt)),
            ("Content-Type", "application/warc-fields"),
        ], block: RunInfoFields.block(for: info)).serialized()
    }

    /// Dated at the run's start: a target's definition is fixed when the run begins.
    static func target(_ target: Target, info: ArchiveRunInfo, warcinfoID: String) throws -> [Data] {
        WARCRecord(fields: [
            ("WARC-Type", "metadata"),
            ("WARC-Record-ID", WARCRecord.newRecordID()),
            ("WARC-Date", WARCDate.string(from: info.startedAt)),
            ("WARC-Target-URI", target.url),
            ("WARC-Warcinfo-ID", warcinfoID),
            ("Content-Type", "application/json"),
        ], block: try MetadataJSON.encode(TargetMetadata(target: target))).serialized()
    }

    /// The resource's records in writing order, each as the parts of one gzip member, and the ID
    /// of the record a later record about it refers to (the response, else the request).
    static func resource(_ resource: FetchRecord, warcinfoID: String) throws -> (members: [[Data]], subjectID: String) {
        let date = WARCDate.string(from: resource.fetchedAt)
        let requestID = WARCRecord.newRecordID()
        var members: [[Data]] = []
        members.append(WARCRecord(fields: [
            ("WARC-Type", "request"),
            ("WARC-Record-ID", requestID),
            ("WARC-Date", date),
            ("WARC-Target-URI", resource.url),
            ("WARC-Warcinfo-ID", warcinfoID),
            ("Content-Type", "application/http;msgtype=request"),
        ], block: HTTPMessage.request(method: resource.method, url: resource.url,
                                      headers: resource.requestHeaders)).serialized())

        var subjectID = requestID
        var concurrent = [requestID]
        if let status = resource.status {
            let responseID = WARCRecord.newRecordID()
            var fields: [(name: String, value: String)] = [
                ("WARC-Type", "response"),
                ("WARC-Record-ID", responseID),
                ("WARC-Date", date),
                ("WARC-Target-URI", resource.finalURL),
                ("WARC-Warcinfo-ID", warcinfoID),
                ("WARC-Concurrent-To", requestID),
            ]
            if let address = resource.remoteAddress, !address.isEmpty { fields.append(("WARC-IP-Address", address)) }
            fields.append(("Content-Type", "application/http;msgtype=response"))
            let head = HTTPMessage.responseHead(status: status, headers: resource.headers,
                                                bodyLength: resource.body.count)
            members.append(WARCRecord(fields: fields, block: Data()).serialized(blockParts: [head, resource.body],
                                                                                   payload: resource.body))
            subjectID = responseID
            concurrent.append(responseID)
        }

        members.append(WARCRecord(fields: [
            ("WARC-Type", "metadata"),
            ("WARC-Record-ID", WARCRecord.newRecordID()),
            ("WARC-Date", date),
            ("WARC-Target-URI", resource.url),
            ("WARC-Warcinfo-ID", warcinfoID),
            ("WARC-Refers-To", subjectID),
        ] + concurrent.map { ("WARC-Concurrent-To", $0) } + [
            ("Content-Type", "application/json"),
        ], block: try MetadataJSON.encode(ResourceMetadata(resource))).serialized())
        return (members, subjectID)
    }
}
