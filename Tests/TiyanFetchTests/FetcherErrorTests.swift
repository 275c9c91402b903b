import Foundation
import Testing
import TiyanCore
import TiyanFetch
import TiyanTestSupport

@Suite struct FetcherErrorTests {
    @Test func serviceUnavailableIsRetriedOnceAndKept() async throws {
        try await withServer({ _ in .html("<h1>503 Service Temporarily Unavailable</h1>", status: 503) }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == .http5xx)
            #expect(response.status == 503)
            #expect(response.attempts == 2)
            #expect(response.text.contains("503"))
            #expect(server.requests.count == 2)
        }
    }

    @Test func retrySucceedsWhenTheSecondAttemptWorks() async throws {
        let seen = Counter()
        try await withServer({ _ in seen.next() == 1 ? .html("busy", status: 502) : .html("ok") }) { server in
            let response = await Fetcher(options: loopbackOptions(server.port))
                .fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == nil)
            #expect(response.status == 200)
            #expect(response.attempts == 2)
        }
    }

    @Test func notFoundIsNotRetried() async throws {
        try await withServer({ _ in .notFound() }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/missing"))
            #expect(response.error == .http4xx)
            #expect(response.status == 404)
            #expect(response.attempts == 1)
            #expect(!response.body.isEmpty, "a 4xx body is kept: it may be a challenge page")
            #expect(server.requests.count == 1)
        }
    }

    @Test func closedPortIsConnect() async throws {
        let server = try await FixtureServer.start { _ in .html("never") }
        let port = server.port
        try await server.shutdown()
        let response = await Fetcher(options: loopbackOptions(port))
            .fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
        #expect(response.error == .connect)
        #expect(response.status == nil)
        #expect(response.attempts == 2)
        #expect(response.errorDetail != nil)
    }

    @Test func unknownHostIsDNS() async {
        var options = FetchOptions()
        options.retryBackoffMilliseconds = 0
        let response = await Fetcher(options: options)
            .fetch(FetchRequest(url: "http://www.tiyan-no-such-host.invalid/"))
        #expect(response.error == .dns)
        #expect(response.attempts == 1)
        #expect(response.requestHeaders.value(of: "Host") == "www.tiyan-no-such-host.invalid",
                "what would have been sent is still recorded")
    }

    @Test(arguments: ["", "not a url", "ftp://www.fixture.gov.cn/", "javascript:alert(1)", "http://", "http://[::1",
                      "mailto:a@b.cn", "http://exa mple.gov.cn/", "file:///etc/passwd", "http://a\u{0}b/"])
    func unusableURLsAreConnectErrorsWithoutRetry(url: String) async {
        let response = await Fetcher(options: loopbackOptions(1)).fetch(FetchRequest(url: url))
        #expect(response.error == .connect || response.error == .dns)
        #expect(response.attempts == 1)
        #expect(response.status == nil)
        #expect(response.url == url)
    }

    @Test func spacesAndChineseInPathsAreEncodedAsBrowsersDo() async throws {
        try await withServer({ .html($0.path) }) { server in
            let response = await Fetcher(options: loopbackOptions(server.port))
                .fetch(FetchRequest(url: "http://www.fixture.gov.cn/办事 指南?q=公积金"))
            #expect(response.error == nil, "\(response.errorDetail ?? "")")
            #expect(server.requests.first?.path.contains("%") == true)
            #expect(server.requests.first?.path.contains(" ") == false)
        }
    }
}

/// Counts calls from the server's event loop.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
