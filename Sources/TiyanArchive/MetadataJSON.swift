import Foundation
import TiyanCore

/// The JSON of `metadata` records. Keys are sorted so the same input gives the same bytes; dates
/// use Foundation's own encoding (seconds since 2001-01-01T00:00:00Z as a JSON number), which is
/// the Date's stored Double and so reads back to an equal Date.
enum MetadataJSON {
    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .deferredToDate
        do {
            return try encoder.encode(value)
        } catch {
            throw ArchiveError.writeFailed(reason: "cannot encode metadata: \(error)")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .deferredToDate
        return try decoder.decode(type, from: data)
    }

    /// Just the discriminator, to choose what to decode.
    struct Kind: Decodable {
        var kind: String
    }
}

/// `{"kind":"target","target":{…}}`: a target's definition, so reprobe needs only the archive.
struct TargetMetadata: Codable {
    var kind = "target"
    var target: Target
}

/// `{"kind":"resource",…}`: every FetchRecord field the request and response records do not
/// carry. The keys are FetchRecord's own; a test fails when FetchRecord gains a field missing here.
struct ResourceMetadata: Codable {
    var kind = "resource"
    var target: String
    var role: PageRole
    var sequence: Int
    var method: String
    var url: String
    var finalURL: String
    var redirects: [String]
    var status: Int?
    var error: FetchErrorClass?
    var errorDetail: String?
    var elapsedMilliseconds: Int
    var fetchedAt: Date
    var configured: Bool
    var userAgentProfile: String
    var tlsVerified: Bool?
    var fetchedWithoutVerification: Bool
    var remoteAddress: String?
    var discoveredFrom: String?
    var searchQuery: SearchQuery?
    /// Present only when the HTTP messages cannot carry them exactly: headers without a response,
    /// a body without a status, a header line that a line break or colon would break.
    var requestHeaders: [HTTPHeader]?
    var headers: [HTTPHeader]?
    var body: Data?

    init(_ record: FetchRecord) {
        target = record.target
        role = record.role
        sequence = record.sequence
        method = record.method
        url = record.url
        finalURL = record.finalURL
        redirects = record.redirects
        status = record.status
        error = record.error
        errorDetail = record.errorDetail
        elapsedMilliseconds = record.elapsedMilliseconds
        fetchedAt = record.fetchedAt
        configured = record.configured
        userAgentProfile = record.userAgentProfile
        tlsVerified = record.tlsVerified
        fetchedWithoutVerification = record.fetchedWithoutVerification
        remoteAddress = record.remoteAddress
        discoveredFrom = record.discoveredFrom
        searchQuery = record.searchQuery
        let hasResponse = record.status != nil
        requestHeaders = HTTPMessage.canCarry(record.requestHeaders) ? nil : record.requestHeaders
        headers = hasResponse && HTTPMessage.canCarry(record.headers) || record.headers.isEmpty ? nil : record.headers
        body = hasResponse || record.body.isEmpty ? nil : record.body
    }

    /// The FetchRecord again, with the parts taken from the HTTP messages where they were stored.
    func record(requestHeaders stored: [HTTPHeader], headers storedHeaders: [HTTPHeader], body storedBody: Data,
                offset: Int64) -> FetchRecord {
        FetchRecord(
            target: target, role: role, sequence: sequence, method: method, url: url, finalURL: finalURL,
            redirects: redirects, status: status, requestHeaders: requestHeaders ?? stored,
            headers: headers ?? storedHeaders, body: body ?? storedBody, error: error, errorDetail: errorDetail,
            elapsedMilliseconds: elapsedMilliseconds, fetchedAt: fetchedAt, configured: configured,
            userAgentProfile: userAgentProfile, tlsVerified: tlsVerified,
            fetchedWithoutVerification: fetchedWithoutVerification, remoteAddress: remoteAddress,
            discoveredFrom: discoveredFrom, searchQuery: searchQuery, warcOffset: offset)
    }
}
