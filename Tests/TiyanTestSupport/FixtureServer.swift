import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 with an ephemeral port, answering every request through
/// one handler. Fixture portals with many host names share it: clients route every host to it
/// with `--connect-to ::127.0.0.1:PORT` and the handler tells portals apart by `request.host`.
public final class FixtureServer: Sendable {
    public typealias Handler = @Sendable (FixtureRequest) -> FixtureResponse

    public let port: Int
    private let channel: any Channel
    private let state: FixtureServerState

    private init(port: Int, channel: any Channel, state: FixtureServerState) {
        self.port = port
        self.channel = channel
        self.state = state
    }

    /// Port 0 (the default) takes an ephemeral port, so parallel tests never collide.
    public static func start(port: Int = 0, _ handler: @escaping Handler) async throws -> FixtureServer {
        let state = FixtureServerState(handler: handler)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                state.opened(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(FixtureServerHandler(state: state))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw FixtureServerError(description: "the listening socket has no port")
        }
        return FixtureServer(port: port, channel: channel, state: state)
    }

    /// The curl `--connect-to` entry that sends every host to this server.
    public var connectTo: String { "::127.0.0.1:\(port)" }

    /// Every request received so far, in arrival order.
    public var requests: [FixtureRequest] { state.requests }

    /// The most requests for `host` that were being answered at the same time.
    public func maxConcurrentRequests(forHost host: String) -> Int { state.maxInFlight(host: host.lowercased()) }

    /// Stops listening and closes open connections; answers still being delayed are dropped.
    public func shutdown() async throws {
        try await channel.close()
        for connection in state.openConnections() {
            try? await connection.close()
        }
    }
}

struct FixtureServerError: Error, CustomStringConvertible {
    var description: String
}
