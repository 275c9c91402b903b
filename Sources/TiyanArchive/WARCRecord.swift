import Foundation

/// One WARC/1.1 record: named fields in order (WARC-Concurrent-To may repeat) and a block.
/// Content-Length is not among the fields when writing: it is always the block's length.
struct WARCRecord {
    var fields: [(name: String, value: String)]
    var block: Data

    init(fields: [(name: String, value: String)], block: Data) {
        self.fields = fields
        self.block = block
    }

    /// The first value of a field, case-insensitively (WARC field names are case-insensitive).
    func value(_ name: String) -> String? { values(name).first }

    func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    var type: String? { value("WARC-Type") }
    var recordID: String? { value("WARC-Record-ID") }

    static func newRecordID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }

    /// The record as byte ranges to write in order; the block is passed along, not copied.
    /// WARC-Block-Digest covers the whole block and, given `payload` (the HTTP body of a response),
    /// WARC-Payload-Digest covers that, so `warcio check` and any later reader can tell an intact
    /// record from a damaged or altered one.
    func serialized(blockParts: [Data]? = nil, payload: Data? = nil) -> [Data] {
        let parts = blockParts ?? [block]
        let length = parts.reduce(0) { $0 + $1.count }
        var head = "WARC/1.1\r\n"
        var digested = fields
        let insertAt = digested.firstIndex { $0.name == "Content-Type" } ?? digested.endIndex
        var digests = [(name: "WARC-Block-Digest", value: WARCDigest.of(parts))]
        if let payload { digests.append((name: "WARC-Payload-Digest", value: WARCDigest.of([payload]))) }
        digested.insert(contentsOf: digests, at: insertAt)
        for field in digested { head += field.name + ": " + Self.fieldValue(field.value) + "\r\n" }
        head += "Content-Length: \(length)\r\n\r\n"
        return [Data(head.utf8)] + parts + [Self.recordEnd]
    }

    /// Field values are single lines; every value this module writes is also kept exactly in the
    /// metadata JSON, so escaping line breaks here loses nothing.
    static func fieldValue(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else { return value }
        var escaped = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\r": escaped.append(contentsOf: "%0D".unicodeScalars)
            case "\n": escaped.append(contentsOf: "%0A".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    private static let recordEnd = Data("\r\n\r\n".utf8)
    private static let headerEnd = Data("\r\n\r\n".utf8)

    /// Every record in a decompressed gzip member (a member normally holds exactly one).
    static func parseAll(_ data: Data) throws(WARCFormatError) -> [WARCRecord] {
        var records: [WARCRecord] = []
        var position = data.startIndex
        while true {
            // Writers differ in the line breaks between records; skip whatever separates them.
            while position < data.endIndex, data[position] == 0x0D || data[position] == 0x0A { position += 1 }
            guard position < data.endIndex else { return records }
            guard let end = data.range(of: headerEnd, in: position..<data.endIndex) else {
                throw WARCFormatError(reason: "record header has no end")
            }
            let lines = String(decoding: data[position..<end.lowerBound], as: UTF8.self)
                .components(separatedBy: "\r\n")
            guard let version = lines.first, version.hasPrefix("WARC/") else {
                throw WARCFormatError(reason: "not a WARC record")
            }
            var fields: [(name: String, value: String)] = []
            for line in lines.dropFirst() {
                if let first = line.first, first == " " || first == "\t", let last = fields.indices.last {
                    fields[last].value += " " + line.trimmingCharacters(in: .whitespaces)
                    continue
                }
                guard let colon = line.firstIndex(of: ":") else {
                    throw WARCFormatError(reason: "bad header line in WARC record")
                }
                fields.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                               String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
            let record = WARCRecord(fields: fields, block: Data())
            guard let lengthText = record.value("Content-Length"), let length = Int(lengthText), length >= 0 else {
                throw WARCFormatError(reason: "WARC record without a valid Content-Length")
            }
            let blockStart = end.upperBound
            guard data.endIndex - blockStart >= length else {
                throw WARCFormatError(reason: "WARC record block shorter than its Content-Length")
            }
            records.append(WARCRecord(fields: fields, block: Data(data[blockStart..<blockStart + length])))
            position = blockStart + length
        }
    }
}

struct WARCFormatError: Error {
    var reason: String
}
