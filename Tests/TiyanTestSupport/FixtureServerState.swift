import Foundation
import NIOCore

/// What the server's event-loop handlers share with the tests: the handler, the request log,
/// requests in flight per host and the open connections. Every access goes through the lock.
final class FixtureServerState: @unchecked Sendable {
    let handler: FixtureServer.Handler
    private let lock = NSLock()
    private var log: [FixtureRequest] = []
    private var inFlight: [String: Int] = [:]
    private var peak: [String: Int] = [:]
    private var connections: [ObjectIdentifier: any Channel] = [:]

    init(handler: @escaping FixtureServer.Handler) {
        self.handler = handler
    }

    var requests: [FixtureRequest] { lock.withLock { log } }

    func maxInFlight(host: String) -> Int { lock.withLock { peak[host] ?? 0 } }

    func began(_ request: FixtureRequest) {
        lock.withLock {
            log.append(request)
            let count = inFlight[request.host, default: 0] + 1
            inFlight[request.host] = count
            peak[request.host] = max(peak[request.host] ?? 0, count)
        }
    }

    func ended(host: String) {
        lock.withLock { inFlight[host, default: 1] -= 1 }
    }

    func opened(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        lock.withLock { connections[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.connections.removeValue(forKey: key) }
        }
    }

    func openConnections() -> [any Channel] { lock.withLock { Array(connections.values) } }
}
