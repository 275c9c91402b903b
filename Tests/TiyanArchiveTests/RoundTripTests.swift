import Foundation
import Testing
@testable import TiyanArchive
import TiyanCore

@Suite struct RoundTripTests {
    @Test func readingGivesBackWhatWasAppended() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let expected = try ArchiveFixtures.writeArchive(at: path)

        let contents = try WARCReader.read(path: path)
        #expect(contents.info == ArchiveFixtures.info)
        #expect(contents.targets == ArchiveFixtures.targets)
        #expect(contents.resources.count == expected.count)
        for (read, written) in zip(contents.resources, expected) {
            #expect(read == written, "\(written.url)")
        }
    }

    @Test func sitesGroupResourcesByTargetInRecordedOrder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let sites = try WARCReader.read(path: path).sites
        #expect(sites.map(\.target.id) == ["zj", "gd-h5"])
        #expect(sites.map(\.resources.count) == [3, 4])
        #expect(sites.allSatisfy { $0.runStart == ArchiveFixtures.info.startedAt })
    }

    @Test func datesSurviveExactly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        var generator = SystemRandomNumberGenerator()
        let records = (0..<200).map { index in
            FetchRecord(target: "zj", role: .linkCheck, sequence: index, url: "https://example.gov.cn/\(index)",
                        fetchedAt: Date(timeIntervalSinceReferenceDate: .random(in: -2e9...2e9, using: &generator)))
        } + [FetchRecord(target: "zj", role: .home, sequence: 200, url: "https://example.gov.cn/", fetchedAt: Date())]
        let expected = try ArchiveFixtures.writeArchive(at: path, records: records, targets: [])
        #expect(try WARCReader.read(path: path).resources.map(\.fetchedAt) == expected.map(\.fetchedAt))
    }

    @Test func largeBodiesStreamThroughManyBuffers() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        // Pseudo-random bytes do not compress, so the member spans several 256 KiB input and
        // output buffers of the reader.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let words = (0..<(3 << 17)).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let body = words.withUnsafeBytes { Data($0) }
        let record = FetchRecord(target: "zj", role: .home, url: "https://example.gov.cn/big", status: 200, body: body)
        let expected = try ArchiveFixtures.writeArchive(at: path, records: [record, record], targets: [])
        #expect(try WARCReader.read(path: path).resources == expected)
    }

    @Test func concurrentAppendsKeepEachResourceWhole() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let writer = try WARCWriter(path: path, info: ArchiveFixtures.info)
        let offsets = try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let body = Self.body(index)
                    let record = FetchRecord(target: "zj", role: .home, sequence: index,
                                             url: "https://example.gov.cn/\(index)", status: 200, body: body)
                    return (index, try writer.append(record))
                }
            }
            var offsets: [Int: Int64] = [:]
            for try await (index, offset) in group { offsets[index] = offset }
            return offsets
        }
        try writer.close()
        let resources = try WARCReader.read(path: path).resources
        #expect(resources.count == 64)
        #expect(Set(resources.map(\.sequence)) == Set(0..<64))
        for resource in resources {
            #expect(resource.warcOffset == offsets[resource.sequence])
            #expect(resource.body == Self.body(resource.sequence))
        }
        // Appended order is file order.
        #expect(resources.map(\.warcOffset) == resources.map(\.warcOffset).sorted { ($0 ?? 0) < ($1 ?? 0) })
    }

    private static func body(_ index: Int) -> Data {
        Data(String(repeating: "页面\(index) ", count: 50 * index).utf8)
    }
}
