import Foundation
import Testing
import TiyanCore
import TiyanFetch
import TiyanTestSupport

@Suite struct FetcherPolitenessTests {
    @Test func perHostLimitIsRespected() async throws {
        try await withServer({ _ in FixtureResponse.html("ok").delayed(by: .milliseconds(100)) }) { server in
            var options = loopbackOptions(server.port)
            options.concurrency = 8
            options.perHost = 2
            let fetcher = Fetcher(options: options)
            let responses = await fetchAll(fetcher, hosts: ["www.a.gov.cn", "www.b.gov.cn"], each: 6)
            #expect(responses.allSatisfy { $0.error == nil })
            for host in ["www.a.gov.cn", "www.b.gov.cn"] {
                #expect(server.maxConcurrentRequests(forHost: host) <= 2)
                #expect(server.maxConcurrentRequests(forHost: host) == 2, "the limit allows two at once")
            }
        }
    }

    @Test func globalConcurrencyBoundsEverything() async throws {
        try await withServer({ _ in FixtureResponse.html("ok").delayed(by: .milliseconds(100)) }) { server in
            var options = loopbackOptions(server.port)
            options.concurrency = 3
            options.perHost = 100
            let responses = await fetchAll(Fetcher(options: options), hosts: ["www.a.gov.cn"], each: 9)
            #expect(responses.allSatisfy { $0.error == nil })
            #expect(server.maxConcurrentRequests(forHost: "www.a.gov.cn") == 3)
        }
    }

    @Test func delaySpacesRequestStartsToOneHost() async throws {
        try await withServer({ _ in .html("ok") }) { server in
            var options = loopbackOptions(server.port)
            options.perHost = 4
            options.delayMilliseconds = 100
            let clock = ContinuousClock()
            let start = clock.now
            let responses = await fetchAll(Fetcher(options: options), hosts: ["www.a.gov.cn"], each: 4)
            #expect(responses.allSatisfy { $0.error == nil })
            #expect(clock.now - start >= .milliseconds(290))
        }
    }

    private func fetchAll(_ fetcher: Fetcher, hosts: [String], each: Int) async -> [FetchResponse] {
        await withTaskGroup(of: FetchResponse.self) { group in
            for host in hosts {
                for index in 0..<each {
                    group.addTask { await fetcher.fetch(FetchRequest(url: "http://\(host)/\(index)")) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }
}
