import Foundation
import Testing
import TiyanCore
import TiyanFetch
import TiyanTestSupport

@Suite struct FetcherLimitTests {
    @Test func gzipBombStopsAtTheCap() async throws {
        let bomb = FixtureResponse.gzipped([UInt8](repeating: 0, count: 10 * 1024 * 1024), contentType: "text/html")
        #expect(bomb.body.count < 100 * 1024)
        try await withServer({ _ in bomb }) { server in
            var options = loopbackOptions(server.port)
            options.maxBodyBytes = 1024 * 1024
            let fetcher = Fetcher(options: options)
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == .tooLarge)
            #expect(response.body.isEmpty)
            #expect(response.attempts == 1)
        }
    }

    @Test func oversizedPlainBodyIsTooLarge() async throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 300_000)
        try await withServer({ _ in .bytes(body, contentType: "text/html") }) { server in
            var options = loopbackOptions(server.port)
            options.maxBodyBytes = 100_000
            let fetcher = Fetcher(options: options)
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == .tooLarge)
            #expect(response.body.isEmpty)
        }
    }

    @Test func bodyExactlyAtTheCapIsKept() async throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)
        try await withServer({ _ in .bytes(body, contentType: "text/html") }) { server in
            var options = loopbackOptions(server.port)
            options.maxBodyBytes = 100_000
            let response = await Fetcher(options: options).fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == nil)
            #expect(response.body.count == 100_000)
        }
    }

    @Test func slowHostTimesOutAndIsRetriedOnce() async throws {
        // Not a speed assertion: the server would answer after 30 s, so attempts that end well
        // before that show the timeout, not the server, ended them. The attempt's own time,
        // measured by the transfer, is the measure: the test's wall clock also counts the test
        // runner's scheduling (105 s seen on a clean CI machine while other suites held both
        // cores).
        try await withServer({ _ in FixtureResponse.html("late").delayed(by: .seconds(30)) }) { server in
            var options = loopbackOptions(server.port)
            options.timeout = 0.5
            let fetcher = Fetcher(options: options)
            let response = await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.elapsedMilliseconds < 15_000)
            #expect(response.error == .timeout)
            #expect(response.status == nil)
            #expect(response.attempts == 2)
            #expect(response.elapsedMilliseconds >= 400)
        }
    }

    @Test func tricklingBodyHitsTheLowSpeedLimit() async throws {
        var trickling = FixtureResponse.html(String(repeating: "x", count: 100))
        trickling.trickle = (chunkSize: 1, interval: .milliseconds(400))
        let slow = trickling
        try await withServer({ _ in slow }) { server in
            var options = loopbackOptions(server.port)
            options.lowSpeedBytesPerSecond = 50
            options.lowSpeedSeconds = 1
            options.retryBackoffMilliseconds = 0
            let response = await Fetcher(options: options).fetch(FetchRequest(url: "http://www.fixture.gov.cn/"))
            #expect(response.error == .timeout)
            #expect(response.attempts == 2)
        }
    }

    @Test func cancellingTheTaskStopsABlockedTransfer() async throws {
        try await withServer({ _ in FixtureResponse.html("late").delayed(by: .seconds(60)) }) { server in
            var options = loopbackOptions(server.port)
            options.timeout = 120
            let fetcher = Fetcher(options: options)
            let task = Task { await fetcher.fetch(FetchRequest(url: "http://www.fixture.gov.cn/")) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            let response = await task.value
            // Far below the server's 60 s and the 120 s timeout: the cancellation ended it. The
            // transfer's own time, not the test's wall clock (see slowHostTimesOutAndIsRetriedOnce).
            #expect(response.elapsedMilliseconds < 30_000, "\(response.elapsedMilliseconds) ms")
            #expect(response.error == .timeout)
            #expect(response.attempts == 1)
        }
    }
}
