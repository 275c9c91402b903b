import Foundation
import Testing
import TiyanCore
import TiyanFetch
import TiyanTestSupport

@Suite struct FetcherBasicTests {
    @Test func plainPageIsFetched() async throws {
        try await withServer({ _ in .html("<html><body>政务服务</body></html>") }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/index.html"))
            #expect(response.error == nil, "\(response.errorDetail ?? "")")
            #expect(response.status == 200)
            #expect(response.text == "<html><body>政务服务</body></html>")
            #expect(response.finalURL == "http://www.fixture.gov.cn/index.html")
            #expect(response.redirects.isEmpty)
            #expect(response.headers.value(of: "Content-Type") == "text/html; charset=utf-8")
            #expect(response.tlsVerified == nil)
            #expect(response.remoteAddress == "127.0.0.1")
            #expect(response.attempts == 1)
            #expect(server.requests.map(\.host) == ["www.fixture.gov.cn"])
            #expect(server.requests.map(\.path) == ["/index.html"])
        }
    }

    @Test func requestHeadersAreRecordedAsSent() async throws {
        try await withServer({ _ in .html("ok") }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/", userAgent: .desktop))
            let sent = response.requestHeaders
            #expect(sent.value(of: "Host") == "www.fixture.gov.cn")
            #expect(sent.value(of: "User-Agent")?.contains("Windows NT") == true)
            #expect(sent.value(of: "Accept")?.hasPrefix("text/html") == true)
            #expect(sent.value(of: "Accept-Encoding")?.contains("gzip") == true)
            #expect(sent.value(of: "Accept-Language")?.hasPrefix("zh-CN") == true)
            let received = try #require(server.requests.first)
            #expect(received.header("User-Agent") == sent.value(of: "User-Agent"))
            #expect(received.header("Accept-Language") == sent.value(of: "Accept-Language"))
        }
    }

    @Test func extraHeadersReplaceDefaults() async throws {
        try await withServer({ _ in .html("ok") }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let request = FetchRequest(url: "http://www.fixture.gov.cn/", headers: [
                HTTPHeader(name: "Accept-Language", value: "en"), HTTPHeader(name: "X-Probe", value: "a\r\nEvil: 1"),
            ])
            _ = await fetcher.fetch(request)
            let received = try #require(server.requests.first)
            #expect(received.headers.values(of: "Accept-Language") == ["en"])
            #expect(received.header("X-Probe") == "aEvil: 1")
            #expect(received.header("Evil") == nil)
        }
    }

    @Test func userAgentProfilesReachTheServer() async throws {
        try await withServer({ _ in .html("ok") }) { server in
            var options = loopbackOptions(server.port)
            options.contactURL = "https://example.org/tiyan"
            let fetcher = Fetcher(options: options)
            let agents: [UserAgent] = [.desktop, .mobile, .wechat, .tiyan, .custom("Probe/1.0")]
            for agent in agents {
                _ = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/\(agent.profileName)",
                                                     userAgent: agent))
            }
            let sent = Dictionary(server.requests.map { ($0.route, $0.header("User-Agent") ?? "") }) { a, _ in a }
            let honest = "tiyan/\(TiyanVersion.current) (+https://example.org/tiyan)"
            #expect(sent["/desktop"]?.contains("Windows NT 10.0") == true)
            #expect(sent["/desktop"]?.contains("Chrome/") == true)
            #expect(sent["/mobile"]?.contains("Mobile") == true)
            #expect(sent["/wechat"]?.contains("MicroMessenger/") == true)
            for profile in ["/desktop", "/mobile", "/wechat"] {
                #expect(sent[profile]?.hasSuffix(" " + honest) == true)
            }
            #expect(sent["/tiyan"] == honest)
            #expect(sent["/custom"] == "Probe/1.0")
        }
    }

    @Test func headRequestGetsHeadersWithoutBody() async throws {
        try await withServer({ _ in .html(String(repeating: "x", count: 5000)) }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/", method: "HEAD"))
            #expect(response.error == nil, "\(response.errorDetail ?? "")")
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.headers.value(of: "Content-Length") == "5000")
            #expect(server.requests.map(\.method) == ["HEAD"])
        }
    }

    @Test func gzipBodyIsDecoded() async throws {
        let page = String(repeating: "<p>一网通办 政务服务</p>\n", count: 2000)
        try await withServer({ _ in .gzipped(Array(page.utf8)) }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == nil, "\(response.errorDetail ?? "")")
            #expect(response.text == page)
            #expect(response.headers.value(of: "Content-Encoding") == "gzip")
        }
    }

    @Test func keepAliveServesManyRequestsInOrder() async throws {
        try await withServer({ .html("page \($0.path)") }) { server in
            var options = loopbackOptions(server.port)
            options.concurrency = 1
            let fetcher = Fetcher(options: options)
            for index in 0..<20 {
                let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/\(index)"))
                #expect(response.text == "page /\(index)")
            }
            #expect(server.requests.count == 20)
        }
    }

    @Test func ipv6RouteCheckAnswers() {
        // Environment-dependent: only that it answers without sending anything or crashing.
        _ = Fetcher.hasIPv6Route()
    }
}

@Suite struct FetcherOptionTests {
    @Test func ipv4OnlyResolutionStillReachesLoopback() async throws {
        try await withServer({ _ in .html("v4") }) { server in
            let response = await Fetcher(options: loopbackOptions(server.port))
                .fetch(FetchRequest(url: "http://www.fixture.gov.cn/", ipResolve: .v4))
            #expect(response.error == nil, "\(response.errorDetail ?? "")")
            #expect(response.remoteAddress == "127.0.0.1")
        }
    }

    @Test func connectToWithExplicitPortKeepsHostAndPort() async throws {
        try await withServer({ .html($0.header("Host") ?? "") }) { server in
            var options = loopbackOptions(server.port)
            options.connectTo = ["www.fixture.gov.cn:8080:127.0.0.1:\(server.port)"]
            let response = await Fetcher(options: options).fetch(FetchRequest(url: "http://www.fixture.gov.cn:8080/"))
            #expect(response.text == "www.fixture.gov.cn:8080")
            #expect(server.requests.first?.host == "www.fixture.gov.cn")
        }
    }

    @Test func zeroTimeoutMeansNoTotalLimit() async throws {
        try await withServer({ _ in FixtureResponse.html("late").delayed(by: .milliseconds(300)) }) { server in
            var options = loopbackOptions(server.port)
            options.timeout = 0
            let response = await Fetcher(options: options).fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == nil)
            #expect(response.text == "late")
        }
    }
}
