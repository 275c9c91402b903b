import Foundation
import Testing
import TiyanArchive
import TiyanCore

/// An independent reader: Python's warcio, the library most WARC tools build on. The CI installs it
/// (CI=true makes its absence a failure); elsewhere the test is skipped when it is missing.
@Suite struct WarcioTests {
    static let warcioAvailable = (try? Python.run(["-c", "import warcio"]))?.status == 0
    static let required = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false

    @Test(.enabled(if: warcioAvailable || required, "python3 with warcio is not installed (pip install warcio)"))
    func warcioReadsEveryRecordAndSeeksToOffsets() throws {
        try #require(Self.warcioAvailable, "CI is set but python3 -c 'import warcio' fails: pip install warcio")
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        let expected = try ArchiveFixtures.writeArchive(at: path)
        let script = """
            import sys
            from warcio.archiveiterator import ArchiveIterator
            with open(sys.argv[1], 'rb') as stream:
                for record in ArchiveIterator(stream):
                    payload = record.content_stream().read()
                    uri = record.rec_headers.get_header('WARC-Target-URI') or '-'
                    shown = payload.hex() if record.rec_type == 'response' and len(payload) < 400 else len(payload)
                    print('record', record.rec_type, uri, shown)
            for offset in sys.argv[2:]:
                with open(sys.argv[1], 'rb') as stream:
                    stream.seek(int(offset))
                    record = next(iter(ArchiveIterator(stream)))
                    print('seek', offset, record.rec_type, record.rec_headers.get_header('WARC-Target-URI'))
            """
        let offsets = expected.compactMap(\.warcOffset).map(String.init)
        let outcome = try Python.run(["-c", script, path] + offsets)
        #expect(outcome.status == 0, "\(outcome.stderr)")

        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        let records = lines.filter { $0.hasPrefix("record ") }
        #expect(records.count == 22)
        #expect(records.first?.hasPrefix("record warcinfo - ") == true)
        #expect(records.filter { $0.hasPrefix("record request ") }.count == 7)
        #expect(records.filter { $0.hasPrefix("record response ") }.count == 5)
        #expect(records.filter { $0.hasPrefix("record metadata ") }.count == 9)
        // The payload is the stored body byte for byte: warcio neither gunzips nor de-chunks it.
        #expect(records.contains("record response https://www.zjzwfw.gov.cn/ \(Self.hex(ArchiveFixtures.gbkBody))"))
        #expect(records.contains("record response https://www.zjzwfw.gov.cn/logo.png?v=2#top "
                                 + Self.hex(ArchiveFixtures.binaryBody)))
        #expect(records.contains("record response https://h5.gd.gov.cn/portal/login.html?from=%E7%99%BB%E5%BD%95 "
                                 + Self.hex(Data("<html>登录</html>".utf8))))
        #expect(records.contains("record response https://h5.gd.gov.cn/guide.pdf "))

        let seeks = lines.filter { $0.hasPrefix("seek ") }
        #expect(seeks == zip(offsets, expected).map { "seek \($0) request \($1.url)" })
    }

    /// `warcio check` recomputes WARC-Block-Digest of every record and WARC-Payload-Digest of
    /// every response: the archive passes as written, and one changed body byte is caught.
    @Test(.enabled(if: warcioAvailable || required, "python3 with warcio is not installed (pip install warcio)"))
    func warcioCheckVerifiesEveryDigestAndCatchesATamperedBody() throws {
        try #require(Self.warcioAvailable, "CI is set but python3 -c 'import warcio' fails: pip install warcio")
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.warc.gz")
        _ = try ArchiveFixtures.writeArchive(at: path)
        let check = try Python.run(["-c", "import sys; from warcio.cli import main; main(['check', '-v', sys.argv[1]])", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.components(separatedBy: "digest pass").count - 1 == 22, "\(check.stdout)")
        #expect(!check.stdout.contains("no digest"), "\(check.stdout)")
        // 登录 → 登陆: same length, so only the digests can tell.
        let tampered = directory.file("tampered.warc")
        let edit = """
            import gzip, sys
            data = gzip.open(sys.argv[1]).read()
            old = '<html>登录</html>'.encode(); new = '<html>登陆</html>'.encode()
            assert old in data
            open(sys.argv[2], 'wb').write(data.replace(old, new, 1))
            """
        #expect(try Python.run(["-c", edit, path, tampered]).status == 0)
        let caught = try Python.run(["-c", "import sys; from warcio.cli import main; main(['check', sys.argv[1]])", tampered])
        #expect(caught.status != 0 && caught.stdout.contains("digest failed"), "\(caught.stdout)\(caught.stderr)")
    }

    private static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }
}

/// Runs python3 with output in files, so a large output can never block on a full pipe.
enum Python {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let directory = try TemporaryDirectory()
        let out = directory.file("stdout"), err = directory.file("stderr")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data.contents(of: out), as: UTF8.self),
                       stderr: String(decoding: try Data.contents(of: err), as: UTF8.self))
    }
}
