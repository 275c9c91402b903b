import Foundation

/// The `warcinfo` record's block (application/warc-fields): who wrote the file and for which run.
enum RunInfoFields {
    static let software = "tiyan"

    static func block(for info: ArchiveRunInfo) -> Data {
        let fields: [(String, String)] = [
            ("software", "\(software)/\(info.toolVersion)"),
            ("format", "WARC File Format 1.1"),
            ("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
            ("run-id", info.runID),
            ("started-at", WARCDate.string(from: info.startedAt)),
            // started-at rounds to microseconds; probes take "today" from the run start, so the
            // exact Date is kept too.
            ("started-at-reference-seconds", "\(info.startedAt.timeIntervalSinceReferenceDate)"),
            ("record-layout", "per resource: request, response (when one arrived), metadata (application/json)"),
            ("payload", "response bodies are content-decoded; Content-Encoding, Transfer-Encoding and "
                + "Content-Length as received are kept as \(FramingHeaders.originalPrefix)*"),
            ("json-dates", "seconds since 2001-01-01T00:00:00Z"),
        ]
        return Data(fields.map { "\($0.0): \(WARCRecord.fieldValue($0.1))\r\n" }.joined().utf8)
    }

    /// nil when the block is not a tiyan warcinfo.
    static func parse(_ block: Data) -> ArchiveRunInfo? {
        var values: [String: String] = [:]
        for line in String(decoding: block, as: UTF8.self).components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            if values[name] == nil {
                values[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let prefix = software + "/"
        guard let softwareField = values["software"], softwareField.hasPrefix(prefix),
              let runID = values["run-id"],
              let seconds = values["started-at-reference-seconds"].flatMap(Double.init), seconds.isFinite
        else { return nil }
        return ArchiveRunInfo(runID: runID, startedAt: Date(timeIntervalSinceReferenceDate: seconds),
                              toolVersion: String(softwareField.dropFirst(prefix.count)))
    }
}
