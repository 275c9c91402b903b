import Foundation
import Testing
@testable import TiyanArchive
import TiyanCore

@Suite struct DamagedArchiveTests {
    /// A killed run leaves the file cut anywhere: reading returns the resources completed before the cut.
    @Test func truncatedArchiveKeepsWhatCameBefore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let expected = try ArchiveFixtures.writeArchive(at: path)
        let bytes = try Data.contents(of: path)
        let offsets = expected.compactMap(\.warcOffset).map(Int.init)

        let cuts: [(Int, Int)] = [
            (bytes.count - 1, expected.count - 1),      // inside the last metadata member
            (offsets[3], 3),                            // exactly at a member boundary
            (offsets[3] + 9, 3),                        // inside a request member
            (offsets[1] + 40, 1),
            (offsets[0], 0),                            // only the warcinfo and the targets left
        ]
        for (cut, kept) in cuts {
            let truncated = directory.file("cut-\(cut).warc.gz")
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: truncated))
            let contents = try WARCReader.read(path: truncated)
            #expect(contents.resources == Array(expected.prefix(kept)), "cut at \(cut)")
            #expect(contents.targets == ArchiveFixtures.targets)
        }
    }

    @Test func corruptLastMemberIsDropped() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let expected = try ArchiveFixtures.writeArchive(at: path)
        var bytes = try Data.contents(of: path)
        // The last 8 bytes are the gzip trailer (CRC-32 and length): flipping one fails the check.
        bytes[bytes.count - 6] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try WARCReader.read(path: path).resources == Array(expected.dropLast()))
    }

    @Test(arguments: [
        ("empty", Data()),
        ("text", Data("this is not an archive\n".utf8)),
        ("html", Data("<html><body>WARC/1.1</body></html>".utf8)),
        ("bytes", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })),
    ])
    func fileThatIsNotAnArchiveThrows(name: String, bytes: Data) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file(name)
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ArchiveError.self) { try WARCReader.read(path: path) }
        guard case .malformed = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
    }

    @Test func gzipThatIsNotWARCThrows() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("plain.gz")
        try GzipMemberWriter().member([Data("just some text\r\n\r\n".utf8)]).write(to: URL(fileURLWithPath: path))
        #expect(throws: ArchiveError.malformed(offset: 0, reason: "not a WARC record")) {
            try WARCReader.read(path: path)
        }
    }

    @Test func anotherToolsWARCThrows() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("other.warc.gz")
        let record = WARCRecord(fields: [("WARC-Type", "warcinfo"), ("WARC-Record-ID", WARCRecord.newRecordID()),
                                         ("Content-Type", "application/warc-fields")],
                                block: Data("software: Wget/1.21\r\n".utf8))
        try GzipMemberWriter().member(record.serialized()).write(to: URL(fileURLWithPath: path))
        #expect(throws: ArchiveError.malformed(offset: 0, reason: "the first record is not tiyan's warcinfo")) {
            try WARCReader.read(path: path)
        }
    }

    @Test func missingFileCannotBeOpened() {
        #expect(throws: ArchiveError.cannotOpen(path: "/nonexistent/archive.warc.gz", reason: "no such file")) {
            try WARCReader.read(path: "/nonexistent/archive.warc.gz")
        }
    }
}
