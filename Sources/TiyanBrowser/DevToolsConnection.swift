public import TiyanCore
public import TiyanProcess
import Foundation

/// One DevTools session over Chromium's pipe: numbered commands with replies, and events
/// routed by the session that sent them (flattened sessions, `Target.attachToTarget` with
/// `flatten: true`). When the pipe closes every pending command fails and every event stream
/// ends, so a crashed browser turns into errors, not waits.
public actor DevToolsConnection {
    private let process: PipedProcess
    private var nextID = 0
    private var pending: [Int: Pending] = [:]
    /// Keyed by session id; "" is the browser's own session.
    private var subscribers: [String: [Int: AsyncStream<DevToolsEvent>.Continuation]] = [:]
    private var nextSubscriber = 0
    private var closed = false
    private var framing = MessageFraming()

    private struct Pending {
        var method: String
        var continuation: CheckedContinuation<JSONValue, any Error>
        var timer: Task<Void, Never>
    }

    public init(process: PipedProcess) {
        self.process = process
    }

    /// Begins reading the browser's replies; call once.
    public func start() {
        let output = process.output
        Task { [weak self] in
            for await chunk in output {
                guard let self else { return }
                await self.receive(chunk)
            }
            await self?.close()
        }
    }

    /// Sends a command and returns its `result`. Throws `BrowserError.protocolError` for an
    /// error reply, `.timedOut` after `timeout`, `.disconnected` when the browser is gone.
    @discardableResult
    public func send(_ method: String, _ params: JSONValue = .object([]), sessionId: String? = nil,
                     timeout: Duration = .seconds(10)) async throws -> JSONValue
    {
        guard !closed else { throw BrowserError.disconnected }
        nextID += 1
        let id = nextID
        var fields: [(String, JSONValue)] = [("id", .int(id)), ("method", .string(method)), ("params", params)]
        if let sessionId { fields.append(("sessionId", .string(sessionId))) }
        var message = Data(JSONValue.object(fields).serialized().utf8)
        message.append(0)
        return try await withCheckedThrowingContinuation { continuation in
            let timer = Task { [weak self] in
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                await self?.fail(id, with: BrowserError.timedOut(method: method))
            }
            pending[id] = Pending(method: method, continuation: continuation, timer: timer)
            do {
                try process.write(message)
            } catch {
                fail(id, with: BrowserError.disconnected)
            }
        }
    }

    /// Events of one session (nil: the browser's), from now until `unsubscribe` or the pipe closes.
    public func events(sessionId: String?) -> (id: Int, stream: AsyncStream<DevToolsEvent>) {
        let (stream, continuation) = AsyncStream<DevToolsEvent>.makeStream()
        nextSubscriber += 1
        let id = nextSubscriber
        if closed {
            continuation.finish()
        } else {
            subscribers[sessionId ?? "", default: [:]][id] = continuation
        }
        return (id, stream)
    }

    public func unsubscribe(_ id: Int, sessionId: String?) {
        subscribers[sessionId ?? ""]?.removeValue(forKey: id)?.finish()
        if subscribers[sessionId ?? ""]?.isEmpty == true { subscribers.removeValue(forKey: sessionId ?? "") }
    }

    public var isClosed: Bool { closed }

    /// Fails everything waiting on the browser; later sends throw `.disconnected`.
    public func close() {
        guard !closed else { return }
        closed = true
        for (id, _) in pending { fail(id, with: BrowserError.disconnected) }
        for (_, streams) in subscribers {
            for (_, continuation) in streams { continuation.finish() }
        }
        subscribers = [:]
    }

    private func fail(_ id: Int, with error: BrowserError) {
        guard let call = pending.removeValue(forKey: id) else { return }
        call.timer.cancel()
        call.continuation.resume(throwing: error)
    }

    private func receive(_ chunk: Data) {
        for message in framing.append(chunk) {
            // A message that is not JSON cannot be routed; dropping it at worst times out one call.
            guard let object = try? JSONSerialization.jsonObject(with: message, options: [.fragmentsAllowed])
            else { continue }
            dispatch(JSONValue(foundation: object))
        }
    }

    private func dispatch(_ message: JSONValue) {
        if let number = message["id"]?.doubleValue {
            guard let call = pending.removeValue(forKey: Int(number)) else { return }
            call.timer.cancel()
            if let error = message["error"] {
                let text = error["message"]?.stringValue ?? error.serialized()
                call.continuation.resume(throwing: BrowserError.protocolError(method: call.method, message: text))
            } else {
                call.continuation.resume(returning: message["result"] ?? .object([]))
            }
            return
        }
        guard let method = message["method"]?.stringValue else { return }
        let event = DevToolsEvent(method: method, params: message["params"] ?? .object([]))
        for (_, continuation) in subscribers[message["sessionId"]?.stringValue ?? ""] ?? [:] {
            continuation.yield(event)
        }
    }
}
