import Foundation
@testable import TiyanArchive
import TiyanCore

/// Records that exercise every way a resource can look: a GBK page that arrived gzip-compressed
/// and chunked, binary bytes that contain WARC and HTTP separators, a failed fetch, a redirect
/// chain, a HEAD, and headers that no HTTP line can carry.
enum ArchiveFixtures {
    static let info = ArchiveRunInfo(runID: "20261123T020000Z",
                                     startedAt: Date(timeIntervalSince1970: 1_795_399_200.123_456_7),
                                     toolVersion: "0.1.0")

    static let targets = [
        Target(id: "zj", name: "浙江政务服务网", region: "330000", url: "https://www.zjzwfw.gov.cn/",
               hints: [.login: "https://www.zjzwfw.gov.cn/login", .english: "https://www.zjzwfw.gov.cn/en/"],
               search: .init(url: "https://www.zjzwfw.gov.cn/search?q={query}", results: .html,
                             item: "//ul[@class='result']/li", title: ".//a", link: ".//a/@href")),
        Target(id: "gd-h5", name: "粤省事", region: "440000", kind: .h5, url: "https://h5.gd.gov.cn/"),
    ]

    /// 浙江政务 in GBK: the body is stored as bytes, never as text.
    static let gbkBody = Data("<html><head><meta charset=\"gbk\"><title>".utf8)
        + Data([0xD5, 0xE3, 0xBD, 0xAD, 0xD5, 0xFE, 0xCE, 0xF1])
        + Data("</title></head><body>ok</body></html>".utf8)

    static let binaryBody: Data = {
        var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        bytes.append(Data("\r\n\r\nWARC/1.1\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\n\r\n".utf8))
        bytes.append(contentsOf: (0...255).map { UInt8($0) })
        return bytes
    }()

    static var records: [FetchRecord] {
        [
            FetchRecord(
                target: "zj", role: .home, sequence: 0, url: "https://www.zjzwfw.gov.cn/",
                status: 200,
                requestHeaders: [.init(name: "Host", value: "www.zjzwfw.gov.cn"),
                                 .init(name: "User-Agent", value: "tiyan/0.1.0 (+https://tiyan.example/)"),
                                 .init(name: "Accept-Encoding", value: "gzip, br")],
                headers: [.init(name: "Content-Type", value: "text/html; charset=GBK"),
                          .init(name: "Content-Encoding", value: "gzip"),
                          .init(name: "transfer-encoding", value: "chunked"),
                          .init(name: "Content-Length", value: "1234"),
                          .init(name: "Set-Cookie", value: "a=1; Path=/"),
                          .init(name: "Set-Cookie", value: "b=2; Path=/"),
                          .init(name: "X-Tiyan-Original-Foo", value: "already prefixed"),
                          .init(name: "X-Empty", value: ""),
                          .init(name: "X-Spaced", value: "  two leading spaces, trailing  "),
                          .init(name: "X-Unicode", value: "\u{301}浙江 é")],
                body: gbkBody, elapsedMilliseconds: 321,
                fetchedAt: Date(timeIntervalSince1970: 1_795_399_201.987_654_321),
                configured: true, userAgentProfile: "desktop", tlsVerified: true, remoteAddress: "203.0.113.7",
                discoveredFrom: nil),
            FetchRecord(
                target: "zj", role: .script, sequence: 1, url: "https://www.zjzwfw.gov.cn/logo.png?v=2#top",
                status: 200, requestHeaders: [.init(name: "Accept", value: "*/*")],
                headers: [.init(name: "Content-Type", value: "image/png")], body: binaryBody,
                elapsedMilliseconds: 12, fetchedAt: Date(timeIntervalSinceReferenceDate: 0.1),
                userAgentProfile: "mobile", tlsVerified: false, fetchedWithoutVerification: true,
                discoveredFrom: "<img src=\"/logo.png\">"),
            FetchRecord(
                target: "zj", role: .english, sequence: 2, url: "https://en.zjzwfw.gov.cn/",
                requestHeaders: [.init(name: "User-Agent", value: "tiyan")], error: .dns,
                errorDetail: "Could not resolve host: en.zjzwfw.gov.cn", elapsedMilliseconds: 5_003,
                fetchedAt: Date(timeIntervalSince1970: 1_795_399_202.5), discoveredFrom: "English"),
            FetchRecord(
                target: "gd-h5", role: .login, sequence: 0, url: "http://h5.gd.gov.cn/login",
                finalURL: "https://h5.gd.gov.cn/portal/login.html?from=%E7%99%BB%E5%BD%95",
                redirects: ["http://h5.gd.gov.cn/login", "https://h5.gd.gov.cn/login"], status: 200,
                headers: [.init(name: "Content-Type", value: "text/html; charset=utf-8")],
                body: Data("<html>登录</html>".utf8), elapsedMilliseconds: 88,
                fetchedAt: Date(timeIntervalSinceReferenceDate: 817_300_800.123_456_789),
                userAgentProfile: "wechat", tlsVerified: true),
            FetchRecord(
                target: "gd-h5", role: .linkCheck, sequence: 1, method: "HEAD", url: "https://h5.gd.gov.cn/guide.pdf",
                status: 404,
                headers: [.init(name: "Content-Length", value: "5000"),
                          .init(name: "Content-Type", value: "application/pdf")],
                error: .http4xx, fetchedAt: Date(timeIntervalSince1970: 1_795_399_203)),
            FetchRecord(
                // Nothing a real fetch produces, but the archive must still give it back unchanged.
                target: "gd-h5", role: .robots, sequence: 2, url: "https://h5.gd.gov.cn/robots.txt", status: 200,
                requestHeaders: [.init(name: "X-Broken", value: "line\r\nbreak")],
                headers: [.init(name: "Weird:Name", value: "v"), .init(name: "", value: "empty name")],
                body: Data("User-agent: *\n".utf8), fetchedAt: Date(timeIntervalSince1970: -12_345.678)),
            FetchRecord(
                target: "gd-h5", role: .httpProbe, sequence: 3, url: "http://h5.gd.gov.cn/",
                headers: [.init(name: "Content-Type", value: "text/html")], body: Data("partial".utf8),
                error: .timeout, fetchedAt: Date(timeIntervalSince1970: 1_795_399_204)),
        ]
    }

    /// Writes the fixture archive; returns the records as they should read back.
    static func writeArchive(at path: String, records: [FetchRecord] = records,
                             targets: [Target] = targets) throws -> [FetchRecord] {
        let writer = try WARCWriter(path: path, info: info)
        for target in targets { try writer.record(target: target) }
        var expected: [FetchRecord] = []
        for record in records {
            var archived = record
            archived.warcOffset = try writer.append(record)
            expected.append(archived)
        }
        try writer.close()
        return expected
    }
}

/// A directory of its own per test, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "tiyan-archive-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

extension Data {
    static func contents(of path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
