/// What the crawl, the render stage and the tests need of a fetcher: one request in, one
/// response out, every failure a value. `Fetcher` is the libcurl implementation; a test or an
/// archive replay can stand in for it without a server.
public protocol Fetching: Sendable {
    func fetch(_ request: FetchRequest) async -> FetchResponse
}

extension Fetcher: Fetching {}
