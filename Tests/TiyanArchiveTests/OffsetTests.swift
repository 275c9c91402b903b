import Foundation
import Testing
@testable import TiyanArchive
import TiyanCore

@Suite struct OffsetTests {
    /// Each offset must start a gzip member that decompresses alone into the resource's request
    /// record: that is what lets a reader seek straight to a page.
    @Test func offsetsStartStandaloneMembers() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let expected = try ArchiveFixtures.writeArchive(at: path)
        let bytes = try Data.contents(of: path)
        for record in expected {
            let offset = try #require(record.warcOffset)
            #expect(Array(bytes[Int(offset)..<Int(offset) + 3]) == [0x1F, 0x8B, 0x08])
            let member = try #require(try GzipMemberReader(path: path, startingAt: offset).next())
            #expect(member.offset == offset)
            let records = try WARCRecord.parseAll(member.bytes)
            #expect(records.count == 1)
            #expect(records.first?.type == "request")
            #expect(records.first?.value("WARC-Target-URI") == record.url)
        }
    }

    @Test func offsetsIncreaseInAppendOrder() throws {
        let directory = try TemporaryDirectory()
        let expected = try ArchiveFixtures.writeArchive(at: directory.file("archive.warc.gz"))
        let offsets = expected.compactMap(\.warcOffset)
        #expect(offsets.count == expected.count)
        #expect(offsets == offsets.sorted())
        #expect(Set(offsets).count == offsets.count)
        #expect((offsets.first ?? 0) > 0, "the warcinfo and target records come first")
    }
}
