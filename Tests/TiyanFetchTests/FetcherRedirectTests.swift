import Foundation
import Testing
import TiyanCore
import TiyanFetch
import TiyanTestSupport

@Suite struct FetcherRedirectTests {
    @Test func twoHopChainIsRecorded() async throws {
        try await withServer({ request in
            switch (request.host, request.route) {
            case ("fixture.gov.cn", "/"): return .redirect(to: "http://www.fixture.gov.cn/", status: 301)
            case ("www.fixture.gov.cn", "/"): return .redirect(to: "/portal/index.html")
            default: return .html("<html>门户</html>")
            }
        }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://fixture.gov.cn/"))
            #expect(response.error == nil, "\(response.errorDetail ?? "")")
            #expect(response.status == 200)
            #expect(response.redirects == ["http://fixture.gov.cn/", "http://www.fixture.gov.cn/"])
            #expect(response.finalURL == "http://www.fixture.gov.cn/portal/index.html")
            #expect(response.text == "<html>门户</html>")
            #expect(response.headers.value(of: "Location") == nil, "headers are the final response's")
            #expect(server.requests.map(\.host) == ["fixture.gov.cn", "www.fixture.gov.cn", "www.fixture.gov.cn"])
        }
    }

    @Test func redirectLoopEndsAsTooManyRedirects() async throws {
        try await withServer({ request in
            .redirect(to: request.route == "/a" ? "/b" : "/a")
        }) { server in
            var options = loopbackOptions(server.port)
            options.maxRedirects = 5
            let fetcher = Fetcher(options: options)
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/a"))
            // The cap stopped the loop: six hops asked and answered, no more (a wall-clock bound
            // measured the test runner's scheduling on a loaded machine, not the cap).
            #expect(response.error == .tooManyRedirects)
            #expect(response.attempts == 1)
            #expect(response.redirects.count == 6)
            #expect(response.status == 302)
            #expect(server.requests.count == 6)
        }
    }

    @Test func redirectsAreNotFollowedWhenAskedNotTo() async throws {
        try await withServer({ _ in .redirect(to: "/elsewhere") }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/", followRedirects: false))
            #expect(response.error == nil)
            #expect(response.status == 302)
            #expect(response.redirects.isEmpty)
            #expect(response.headers.value(of: "Location") == "/elsewhere")
        }
    }

    @Test func cookiesSetInTheChainAreSentOnTheNextHop() async throws {
        try await withServer({ request in
            if request.route == "/login" {
                var response = FixtureResponse.redirect(to: "/home")
                response.headers.append(HTTPHeader(name: "Set-Cookie", value: "session=abc; Path=/"))
                return response
            }
            return .html(request.header("Cookie") ?? "no cookie")
        }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/login"))
            #expect(response.text == "session=abc")
            // A later request starts with an empty jar, whichever worker handle it lands on.
            let later = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/home"))
            #expect(later.text == "no cookie")
        }
    }

    @Test func redirectToAnotherSchemeIsRefused() async throws {
        try await withServer({ _ in .redirect(to: "ftp://www.fixture.gov.cn/file") }) { server in
            let fetcher = Fetcher(options: loopbackOptions(server.port))
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == .connect)
            #expect(response.attempts == 1)
            #expect(response.errorDetail?.contains("only http and https") == true)
        }
    }
}
