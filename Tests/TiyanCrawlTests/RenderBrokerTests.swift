import Foundation
import Testing
import TiyanArchive
import TiyanBrowser
import TiyanCore
import TiyanFetch
import TiyanHTML
@testable import TiyanCrawl

/// What the browser of a render is answered, decided without a browser or a network: the
/// archive first, then tiyan's fetcher under robots.txt, GET only, a budget, and every new
/// answer archived as a `render_resource` record.
@Suite struct RenderBrokerTests {
    /// Answers from a table and counts what it was asked.
    final class TableFetcher: Fetching, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        let table: [String: (status: Int, type: String, body: String)]
        /// Answers for these addresses are held this long, so that other requests arrive meanwhile.
        let slow: [String: Duration]

        init(_ table: [String: (status: Int, type: String, body: String)], slow: [String: Duration] = [:]) {
            self.table = table
            self.slow = slow
        }

        var requests: [String] { lock.withLock { asked } }

        func fetch(_ request: FetchRequest) async -> FetchResponse {
            lock.withLock { asked.append(request.url) }
            if let delay = slow[request.url] { try? await Task.sleep(for: delay) }
            guard let entry = table[request.url] else {
                return FetchResponse(url: request.url, status: 404, headers: [.init(name: "Content-Type", value: "text/html")],
                                     body: Data("not found".utf8), error: .http4xx)
            }
            return FetchResponse(url: request.url, status: entry.status,
                                 headers: [.init(name: "Content-Type", value: entry.type)], body: Data(entry.body.utf8))
        }
    }

    static let page = FetchRecord(
        target: "spa", role: .home, sequence: 0, url: "http://www.spa.gov.cn/", status: 200,
        headers: [.init(name: "Content-Type", value: "text/html"), .init(name: "Content-Encoding", value: "gzip"),
                  .init(name: "Content-Length", value: "31")],
        body: Data("<html><body><div id=app></div></body></html>".utf8))

    func broker(_ fetcher: TableFetcher, budget: Int = 10, directory: String) throws -> (RenderBroker, WARCWriter) {
        let archive = try WARCWriter(path: directory + "/archive.warc.gz",
                                     info: ArchiveRunInfo(runID: "t", startedAt: Date(), toolVersion: "test"))
        let broker = RenderBroker(
            target: "spa", records: [Self.page], robots: [:], budget: budget, fetcher: fetcher, archive: archive,
            ignoreRobots: false, progress: { _ in })
        return (broker, archive)
    }

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tiyan-broker-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func request(_ url: String, _ type: String = "Script", method: String = "GET") -> BrowserRequest {
        BrowserRequest(url: url, method: method, resourceType: type)
    }

    @Test func theArchivedPageIsServedAsArchivedWithoutItsWireFraming() async throws {
        let directory = try temporaryDirectory()
        let fetcher = TableFetcher([:])
        let (broker, _) = try broker(fetcher, directory: directory)
        let answer = await broker.serve(request("http://www.spa.gov.cn/", "Document"), page: Self.page.url,
                                        userAgent: .desktop)
        guard case let .served(status, headers, body, sequence) = answer else {
            Issue.record("not served: \(answer)")
            return
        }
        #expect(status == 200 && sequence == 0 && body == Self.page.body)
        // The body is stored decoded: the browser must not try to gunzip it.
        #expect(headers.map(\.name) == ["Content-Type"])
        #expect(fetcher.requests.isEmpty)
    }

    @Test func aNewResourceIsFetchedOnceAndArchivedAsARenderResource() async throws {
        let directory = try temporaryDirectory()
        let fetcher = TableFetcher(["http://www.spa.gov.cn/api/site.json": (200, "application/json", #"{"code":0}"#),
                                    "http://www.spa.gov.cn/robots.txt": (404, "text/plain", "")])
        let (broker, archive) = try broker(fetcher, directory: directory)
        let first = await broker.serve(request("http://www.spa.gov.cn/api/site.json", "XHR"), page: Self.page.url,
                                       userAgent: .mobile)
        let second = await broker.serve(request("http://www.spa.gov.cn/api/site.json#x", "XHR"), page: Self.page.url,
                                        userAgent: .mobile)
        guard case let .served(_, _, body, sequence) = first, case let .served(_, _, _, again) = second else {
            Issue.record("not served: \(first) \(second)")
            return
        }
        #expect(String(decoding: body, as: UTF8.self) == #"{"code":0}"#)
        #expect(fetcher.requests == ["http://www.spa.gov.cn/robots.txt", "http://www.spa.gov.cn/api/site.json"])
        let archived = await broker.archived
        #expect(archived.map(\.role) == [.robots, .renderResource])
        #expect(archived.map(\.sequence) == [1, 2] && sequence == 2 && again == 2)
        #expect(archived.last?.discoveredFrom == Self.page.url && archived.last?.userAgentProfile == "mobile")
        #expect(archived.allSatisfy { $0.warcOffset != nil })
        try archive.close()
        let read = try WARCReader.read(path: directory + "/archive.warc.gz")
        #expect(read.resources.map(\.url) == ["http://www.spa.gov.cn/robots.txt", "http://www.spa.gov.cn/api/site.json"])
    }

    @Test func robotsTxtDecidesDataRequestsButNotTheBundles() async throws {
        let directory = try temporaryDirectory()
        let fetcher = TableFetcher([
            "http://www.spa.gov.cn/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /api/internal/\nDisallow: /static/\n"),
            "http://www.spa.gov.cn/static/app.js": (200, "application/javascript", "1"),
        ])
        let (broker, _) = try broker(fetcher, directory: directory)
        let refused = await broker.serve(request("http://www.spa.gov.cn/api/internal/user", "Fetch"),
                                         page: Self.page.url, userAgent: .desktop)
        guard case .refused("robots_disallowed") = refused else {
            Issue.record("\(refused)")
            return
        }
        // A script a page loads dresses the page; it is not crawling the site.
        let bundle = await broker.serve(request("http://www.spa.gov.cn/static/app.js"), page: Self.page.url,
                                        userAgent: .desktop)
        guard case .served = bundle else {
            Issue.record("\(bundle)")
            return
        }
        #expect(!fetcher.requests.contains("http://www.spa.gov.cn/api/internal/user"))
        let archived = await broker.archived
        #expect(archived.contains { $0.error == .robotsDisallowed && $0.url.hasSuffix("/api/internal/user") })
    }

    /// Data requests that arrive while robots.txt is being fetched wait for its answer: none
    /// slips through unchecked, and robots.txt is asked once.
    @Test func requestsDuringTheRobotsFetchWaitForIt() async throws {
        let directory = try temporaryDirectory()
        let robots = "http://www.spa.gov.cn/robots.txt"
        let fetcher = TableFetcher([robots: (200, "text/plain", "User-agent: *\nDisallow: /api/\n")],
                                   slow: [robots: .milliseconds(300)])
        let (broker, _) = try broker(fetcher, directory: directory)
        async let first = broker.serve(request("http://www.spa.gov.cn/api/a", "XHR"), page: Self.page.url,
                                       userAgent: .desktop)
        async let second = broker.serve(request("http://www.spa.gov.cn/api/b", "Fetch"), page: Self.page.url,
                                        userAgent: .desktop)
        for answer in await [first, second] {
            guard case .refused("robots_disallowed") = answer else {
                Issue.record("\(answer)")
                continue
            }
        }
        #expect(fetcher.requests == [robots])
    }

    @Test func writesMediaAndAnythingPastTheBudgetAreRefusedWithoutARequest() async throws {
        let directory = try temporaryDirectory()
        let fetcher = TableFetcher(["http://www.spa.gov.cn/a.js": (200, "application/javascript", "1"),
                                    "http://www.spa.gov.cn/b.js": (200, "application/javascript", "2")])
        let (broker, _) = try broker(fetcher, budget: 1, directory: directory)
        for (url, type, method) in [("http://www.spa.gov.cn/api/auth/login", "XHR", "POST"),
                                    ("http://www.spa.gov.cn/intro.mp4", "Media", "GET"),
                                    ("ws://www.spa.gov.cn/socket", "WebSocket", "GET")] {
            let answer = await broker.serve(request(url, type, method: method), page: Self.page.url, userAgent: .desktop)
            guard case .refused("not_fetched") = answer else {
                Issue.record("\(url): \(answer)")
                continue
            }
        }
        _ = await broker.serve(request("http://www.spa.gov.cn/a.js"), page: Self.page.url, userAgent: .desktop)
        let over = await broker.serve(request("http://www.spa.gov.cn/b.js"), page: Self.page.url, userAgent: .desktop)
        guard case .refused("not_fetched") = over else {
            Issue.record("past the budget: \(over)")
            return
        }
        #expect(fetcher.requests == ["http://www.spa.gov.cn/a.js"])
    }

    @Test func hashRoutesKeepTheirFragment() {
        let document = HTMLDocument(html:
            ##"<a href="#/login">登录</a><a href="#top">顶部</a><a href="/app/index.html#!/privacy">隐私政策</a><a href="#/">首页</a>"##,
            url: "http://www.spa.gov.cn/index.html")
        #expect(HashRoutes.links(in: document).compactMap(\.url) == [
            "http://www.spa.gov.cn/index.html#/login", "http://www.spa.gov.cn/app/index.html#!/privacy",
        ])
        #expect(HashRoutes.navigation(url: "http://www.spa.gov.cn/#/login", finalURL: "https://www.spa.gov.cn/")
                == "https://www.spa.gov.cn/#/login")
        #expect(HashRoutes.navigation(url: "http://www.spa.gov.cn/", finalURL: "http://www.spa.gov.cn/")
                == "http://www.spa.gov.cn/")
    }
}
