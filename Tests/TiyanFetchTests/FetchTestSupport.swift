import Foundation
import TiyanCore
import TiyanFetch
import TiyanTestSupport

/// Options for loopback tests: every host goes to `server`, no politeness delay, short waits.
func loopbackOptions(_ port: Int) -> FetchOptions {
    var options = FetchOptions()
    options.connectTo = ["::127.0.0.1:\(port)"]
    options.delayMilliseconds = 0
    options.retryBackoffMilliseconds = 20
    // Generous: on a loaded CI machine (Chromium renders in parallel suites) a 5 s cap timed out
    // loopback transfers that had nothing wrong with them. Tests of timeouts set their own.
    options.timeout = 30
    options.connectTimeout = 15
    return options
}

/// Runs `body` against a fresh fixture server and always shuts it down.
func withServer<T>(_ handler: @escaping FixtureServer.Handler,
                   _ body: (FixtureServer) async throws -> T) async throws -> T {
    let server = try await FixtureServer.start(handler)
    do {
        let result = try await body(server)
        try await server.shutdown()
        return result
    } catch {
        try? await server.shutdown()
        throw error
    }
}

extension FetchResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// The path without its query.
extension FixtureRequest {
    var route: String { String(path.split(separator: "?", maxSplits: 1).first ?? "/") }
}
