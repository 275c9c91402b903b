import NIOCore
import NIOHTTP1
import TiyanCore

/// Answers one connection's requests in order (NIO's pipelining handler holds the next request
/// until the current answer is complete), keeping the connection open when the client asked to.
final class FixtureServerHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: FixtureServerState
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(state: FixtureServerState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            answer(head, context: context)
        }
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let request = FixtureRequest(
            method: head.method.rawValue, host: Self.hostWithoutPort(head.headers.first(name: "host") ?? ""),
            path: head.uri, headers: head.headers.map { HTTPHeader(name: $0.name, value: $0.value) }, body: body)
        state.began(request)
        let response = state.handler(request)
        let exchange = Exchange(request: request, response: response, version: head.version,
                                keepAlive: head.isKeepAlive, isHead: head.method == .HEAD)
        if let delay = response.delayBeforeHead {
            context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) {
                self.send(exchange, context: context)
            }
        } else {
            send(exchange, context: context)
        }
    }

    private struct Exchange {
        var request: FixtureRequest
        var response: FixtureResponse
        var version: HTTPVersion
        var keepAlive: Bool
        var isHead: Bool
    }

    private func send(_ exchange: Exchange, context: ChannelHandlerContext) {
        guard context.channel.isActive else {
            state.ended(host: exchange.request.host)
            return
        }
        let response = exchange.response
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        if !headers.contains(name: "content-length") && !headers.contains(name: "transfer-encoding") {
            headers.add(name: "Content-Length", value: String(response.body.count))
        }
        if !exchange.keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: exchange.version, status: HTTPResponseStatus(statusCode: response.status),
                                    headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if exchange.isHead || response.body.isEmpty {
            finish(exchange, context: context)
        } else if let trickle = response.trickle {
            context.flush()
            sendSlowly(exchange, from: 0, chunkSize: max(1, trickle.chunkSize), interval: trickle.interval,
                       context: context)
        } else {
            let buffer = context.channel.allocator.buffer(bytes: response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            finish(exchange, context: context)
        }
    }

    private func sendSlowly(_ exchange: Exchange, from offset: Int, chunkSize: Int, interval: Duration,
                            context: ChannelHandlerContext) {
        let body = exchange.response.body
        guard context.channel.isActive else {
            state.ended(host: exchange.request.host)
            return
        }
        guard offset < body.count else {
            finish(exchange, context: context)
            return
        }
        let end = min(body.count, offset + chunkSize)
        let buffer = context.channel.allocator.buffer(bytes: body[offset..<end])
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(interval)) {
            self.sendSlowly(exchange, from: end, chunkSize: chunkSize, interval: interval, context: context)
        }
    }

    private func finish(_ exchange: Exchange, context: ChannelHandlerContext) {
        let state = state
        // Counted as ended before the last bytes go out: the client may finish and start its
        // next request before the write's completion runs, which would read as one too many
        // requests in flight.
        state.ended(host: exchange.request.host)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            if !exchange.keepAlive { context.close(promise: nil) }
        }
    }

    /// `www.fixture.gov.cn:8080` → `www.fixture.gov.cn`; `[::1]:8080` → `::1`.
    static func hostWithoutPort(_ host: String) -> String {
        let lowered = host.lowercased()
        if lowered.hasPrefix("["), let close = lowered.firstIndex(of: "]") {
            return String(lowered[lowered.index(after: lowered.startIndex)..<close])
        }
        if let colon = lowered.lastIndex(of: ":") { return String(lowered[..<colon]) }
        return lowered
    }
}
