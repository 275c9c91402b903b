import Foundation
import Testing
@testable import TiyanArchive
import TiyanCore

@Suite struct WriterTests {
    @Test func unwritablePathThrowsCannotOpen() {
        #expect(throws: ArchiveError.cannotOpen(path: "/nonexistent-dir/archive.warc.gz",
                                                 reason: "No such file or directory")) {
            try WARCWriter(path: "/nonexistent-dir/archive.warc.gz", info: ArchiveFixtures.info)
        }
    }

    /// A full disk is an error to report, never a crash.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func fullDiskThrowsWriteFailed() {
        let error = #expect(throws: ArchiveError.self) {
            try WARCWriter(path: "/dev/full", info: ArchiveFixtures.info)
        }
        guard case .writeFailed = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
    }

    @Test func writesAfterCloseThrowAndCloseIsIdempotent() throws {
        let directory = try TemporaryDirectory()
        let writer = try WARCWriter(path: directory.file("archive.warc.gz"), info: ArchiveFixtures.info)
        try writer.close()
        try writer.close()
        #expect(throws: ArchiveError.writeFailed(reason: "the archive is closed")) {
            try writer.append(FetchRecord(target: "zj", role: .home, url: "https://example.gov.cn/"))
        }
        #expect(throws: ArchiveError.self) { try writer.record(target: ArchiveFixtures.targets[0]) }
    }

    @Test func anArchiveWithoutResourcesReadsBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path, records: [], targets: [])
        let contents = try WARCReader.read(path: path)
        #expect(contents.info == ArchiveFixtures.info)
        #expect(contents.targets.isEmpty && contents.resources.isEmpty)
    }

    @Test func existingFileIsReplaced() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        try Data(repeating: 0x41, count: 100_000).write(to: URL(fileURLWithPath: path))
        let expected = try ArchiveFixtures.writeArchive(at: path)
        #expect(try WARCReader.read(path: path).resources == expected)
    }
}

@Suite struct WARCDateTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000000Z"),
        (-1.0, "1969-12-31T23:59:59.000000Z"),
        (-0.25, "1969-12-31T23:59:59.750000Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500000Z"),
        (1_795_399_200.123_456_7, "2026-11-23T02:00:00.123456Z"),
        (4_102_444_799.999_999, "2099-12-31T23:59:59.999999Z"),
        (1e20, "9999-12-31T23:59:59.000000Z"),
    ])
    func formatsUTCWithMicroseconds(seconds: Double, expected: String) {
        #expect(WARCDate.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }
}
