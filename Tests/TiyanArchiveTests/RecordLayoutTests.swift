import Foundation
import Testing
@testable import TiyanArchive
import TiyanCore

@Suite struct RecordLayoutTests {
    private func records(of path: String) throws -> [WARCRecord] {
        let reader = try GzipMemberReader(path: path)
        var records: [WARCRecord] = []
        while let member = try reader.next() { records += try WARCRecord.parseAll(member.bytes) }
        return records
    }

    @Test func recordsComeInTheDocumentedOrder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let types = try records(of: path).map { $0.type ?? "?" }
        #expect(types == ["warcinfo", "metadata", "metadata",
                          "request", "response", "metadata",       // GBK page
                          "request", "response", "metadata",       // binary
                          "request", "metadata",                   // failed fetch: no response
                          "request", "response", "metadata",       // redirect chain
                          "request", "response", "metadata",       // HEAD
                          "request", "response", "metadata",
                          "request", "metadata"])
    }

    @Test func recordsAreLinkedByID() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let all = try records(of: path)
        let warcinfoID = try #require(all.first?.recordID)
        for index in all.indices where all[index].type == "response" {
            let request = all[index - 1], response = all[index], metadata = all[index + 1]
            #expect(response.value("WARC-Concurrent-To") == request.recordID)
            #expect(metadata.value("WARC-Refers-To") == response.recordID)
            #expect(metadata.values("WARC-Concurrent-To") == [request.recordID, response.recordID].compactMap { $0 })
        }
        #expect(all.dropFirst().allSatisfy { $0.value("WARC-Warcinfo-ID") == warcinfoID })
        #expect(Set(all.compactMap(\.recordID)).count == all.count)
        #expect(all.allSatisfy { $0.recordID?.hasPrefix("<urn:uuid:") == true })
    }

    /// The stored body is decoded, so the block must not claim otherwise.
    @Test func responseBlockDescribesTheStoredBody() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let response = try #require(try records(of: path).first { $0.type == "response" })
        let head = String(decoding: response.block.prefix(while: { _ in true }), as: UTF8.self)
            .components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(head.first == "HTTP/1.1 200 OK")
        #expect(head.contains("X-Tiyan-Original-Content-Encoding: gzip"))
        #expect(head.contains("X-Tiyan-Original-transfer-encoding: chunked"))
        #expect(head.contains("X-Tiyan-Original-Content-Length: 1234"))
        #expect(head.contains("X-Tiyan-Original-X-Tiyan-Original-Foo: already prefixed"))
        #expect(head.last == "Content-Length: \(ArchiveFixtures.gbkBody.count)")
        #expect(!head.contains { line in
            ["content-encoding:", "transfer-encoding:"].contains { line.lowercased().hasPrefix($0) }
        })
        #expect(response.block.suffix(ArchiveFixtures.gbkBody.count) == ArchiveFixtures.gbkBody)
        #expect(response.value("WARC-Target-URI") == "https://www.zjzwfw.gov.cn/")
        #expect(response.value("Content-Type") == "application/http;msgtype=response")
    }

    @Test func requestBlockIsTheRequestAsSent() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let requests = try records(of: path).filter { $0.type == "request" }
        #expect(String(decoding: requests[0].block, as: UTF8.self) == "GET / HTTP/1.1\r\nHost: www.zjzwfw.gov.cn\r\n"
            + "User-Agent: tiyan/0.1.0 (+https://tiyan.example/)\r\nAccept-Encoding: gzip, br\r\n\r\n")
        #expect(String(decoding: requests[1].block, as: UTF8.self)
                == "GET /logo.png?v=2 HTTP/1.1\r\nAccept: */*\r\n\r\n")
        #expect(String(decoding: requests[4].block, as: UTF8.self).hasPrefix("HEAD /guide.pdf HTTP/1.1\r\n"))
    }

    @Test func warcinfoNamesTheRun() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let warcinfo = try #require(try records(of: path).first)
        let text = String(decoding: warcinfo.block, as: UTF8.self)
        #expect(warcinfo.value("Content-Type") == "application/warc-fields")
        #expect(warcinfo.value("WARC-Date") == "2026-11-23T02:00:00.123456Z")
        #expect(text.contains("software: tiyan/0.1.0\r\n"))
        #expect(text.contains("format: WARC File Format 1.1\r\n"))
        #expect(text.contains("run-id: 20261123T020000Z\r\n"))
        #expect(text.contains("started-at: 2026-11-23T02:00:00.123456Z\r\n"))
    }

    @Test func targetMetadataIsTheTargetAsJSON() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let target = try records(of: path)[1]
        #expect(target.value("WARC-Target-URI") == "https://www.zjzwfw.gov.cn/")
        #expect(target.value("Content-Type") == "application/json")
        let json = try #require(try JSONSerialization.jsonObject(with: target.block) as? [String: Any])
        #expect(json["kind"] as? String == "target")
        #expect((json["target"] as? [String: Any])?["id"] as? String == "zj")
    }

    /// The same FetchRecords give the same metadata bytes, with sorted keys.
    @Test func metadataJSONIsDeterministic() throws {
        let directory = try TemporaryDirectory()
        let first = directory.file("a.warc.gz"), second = directory.file("b.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: first)
        _ = try ArchiveFixtures.writeArchive(at: second)
        let blocks = { (path: String) in try self.records(of: path).filter { $0.type == "metadata" }.map(\.block) }
        let firstBlocks = try blocks(first)
        #expect(firstBlocks == (try blocks(second)))
        for block in firstBlocks {
            let text = String(decoding: block, as: UTF8.self)
            let object = try #require(try JSONSerialization.jsonObject(with: block) as? [String: Any])
            let positions = object.keys.sorted().compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
            #expect(positions.count == object.count && positions == positions.sorted(), "\(text)")
        }
    }

    /// Metadata JSON mirrors FetchRecord field by field; a field added to FetchRecord without
    /// being archived would silently vanish on reprobe.
    @Test func metadataCoversEveryFetchRecordField() throws {
        let record = FetchRecord(
            target: "t", role: .home, sequence: 1, method: "GET", url: "https://a/", finalURL: "https://b/",
            redirects: ["https://a/"], status: 200, requestHeaders: [.init(name: "A", value: "b")],
            headers: [.init(name: "C", value: "d")], body: Data("x".utf8), error: .http5xx, errorDetail: "detail",
            elapsedMilliseconds: 3, fetchedAt: Date(), configured: true, userAgentProfile: "custom",
            tlsVerified: true, fetchedWithoutVerification: true, remoteAddress: "192.0.2.1",
            discoveredFrom: "link",
            searchQuery: SearchQuery(text: "a", base: "a", gold: "b", synonyms: [], relevantLink: "c", k: 5),
            warcOffset: 7)
        let recordKeys = try keys(JSONEncoder().encode(record))
        var metadata = ResourceMetadata(record)
        metadata.requestHeaders = record.requestHeaders
        metadata.headers = record.headers
        metadata.body = record.body
        let metadataKeys = try keys(MetadataJSON.encode(metadata))
        let storedInHTTPMessages: Set = ["body", "headers", "requestHeaders"]
        #expect(recordKeys.subtracting(storedInHTTPMessages.union(["warcOffset"]))
                == metadataKeys.subtracting(storedInHTTPMessages.union(["kind"])))
    }

    private func keys(_ json: Data) throws -> Set<String> {
        Set((try JSONSerialization.jsonObject(with: json) as? [String: Any])?.keys.map { $0 } ?? [])
    }
}
