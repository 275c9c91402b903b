import Foundation
import TiyanCore

/// The state of one tab while it renders, fed by that tab's DevTools events: the requests it
/// made and how each was answered, whether load fired, what is still in flight, and console
/// errors.
actor RenderSession {
    static let consoleErrorLimit = 100

    private let connection: DevToolsConnection
    private let sessionId: String
    /// The main frame's id, which for a page target is the target id.
    private let targetId: String
    private let userAgent: String
    private let serve: RequestServer

    private(set) var requests: [RenderedRequest] = []
    private(set) var consoleErrors: [String] = []
    private var inFlight = 0
    private var lastActivity = ContinuousClock.now
    private var navigating = false
    private var loaded = false
    private var disconnected = false
    private var serving: [Task<Void, Never>] = []
    /// Event pumps of out-of-process frames and workers, attached automatically.
    private var children: [Task<Void, Never>] = []

    init(connection: DevToolsConnection, sessionId: String, targetId: String, userAgent: String,
         serve: @escaping RequestServer)
    {
        self.connection = connection
        self.sessionId = sessionId
        self.targetId = targetId
        self.userAgent = userAgent
        self.serve = serve
    }

    /// What a session (the page's or a child's) must enable before it runs: interception of
    /// every request, console events, and auto-attach for the frames and workers it starts.
    static func prepare(_ sessionId: String, on connection: DevToolsConnection) async throws {
        try await connection.send("Fetch.enable", .object([
            ("patterns", .array([.object([("urlPattern", "*"), ("requestStage", "Request")])])),
        ]), sessionId: sessionId)
        // A cross-site frame runs in its own renderer process, a target of its own, whose
        // requests the page's Fetch domain never sees; paused at start, it is adopted first.
        try await connection.send("Target.setAutoAttach", .object([
            ("autoAttach", true), ("waitForDebuggerOnStart", true), ("flatten", true),
        ]), sessionId: sessionId)
        for domain in ["Runtime", "Log"] {
            try await connection.send("\(domain).enable", sessionId: sessionId)
        }
    }

    struct Progress {
        var loaded: Bool
        var inFlight: Int
        var quiet: Duration
        var disconnected: Bool
    }

    var progress: Progress {
        Progress(loaded: loaded, inFlight: inFlight, quiet: ContinuousClock.now - lastActivity,
                 disconnected: disconnected)
    }

    /// Load events before this belong to the tab's initial about:blank.
    func navigationStarted() {
        navigating = true
        lastActivity = .now
    }

    func streamEnded() { disconnected = true }

    /// Stops answering: requests still with the server are abandoned (their tasks cancelled),
    /// since the tab is about to close.
    func finish() {
        for task in serving + children { task.cancel() }
        serving = []
        children = []
    }

    /// Handles an event of the page's session (`from` nil) or of a child session.
    func handle(_ event: DevToolsEvent, from child: String? = nil) {
        let origin = child ?? sessionId
        switch event.method {
        case "Fetch.requestPaused":
            paused(event.params, session: origin)
        case "Target.attachedToTarget":
            if let childSession = event.params["sessionId"]?.stringValue { adopt(childSession) }
        case "Page.javascriptDialogOpening":
            dismissDialog(session: origin)
        case "Page.loadEventFired" where child == nil:
            markLoaded()
        case "Page.lifecycleEvent" where child == nil:
            if event.params["name"]?.stringValue == "load", event.params["frameId"]?.stringValue == targetId {
                markLoaded()
            }
        case "Runtime.consoleAPICalled":
            guard event.params["type"]?.stringValue == "error" else { return }
            let words = (event.params["args"]?.arrayValue ?? []).map(RenderSession.text(ofRemoteObject:))
            note(words.joined(separator: " "))
        case "Runtime.exceptionThrown":
            let details = event.params["exceptionDetails"]
            note(details?["exception"]?["description"]?.stringValue ?? details?["text"]?.stringValue ?? "exception")
        case "Log.entryAdded":
            guard event.params["entry"]?["level"]?.stringValue == "error" else { return }
            note(event.params["entry"]?["text"]?.stringValue ?? "")
        default:
            return
        }
    }

    private func adopt(_ child: String) {
        let connection = self.connection
        let agent = userAgent
        children.append(Task {
            let (subscription, events) = await connection.events(sessionId: child)
            // Even if preparing fails (a worker type without Fetch), the target must not stay paused.
            try? await RenderSession.prepare(child, on: connection)
            // The override is per target: without it a cross-site frame would announce HeadlessChrome.
            _ = try? await connection.send("Emulation.setUserAgentOverride", .object([("userAgent", .string(agent))]),
                                           sessionId: child)
            _ = try? await connection.send("Runtime.runIfWaitingForDebugger", sessionId: child)
            // Ends when the pump is cancelled (finish) or the browser goes away.
            for await event in events { self.handle(event, from: child) }
            await connection.unsubscribe(subscription, sessionId: child)
        })
    }

    /// An open alert or confirm stops the page's scripts and every later evaluate until it is
    /// closed; portals open them on load ("请使用IE浏览器"). Dismissed, as a visitor who will not
    /// be redirected would; a beforeunload prompt is dismissed the same way.
    private func dismissDialog(session: String) {
        let connection = self.connection
        serving.append(Task {
            _ = try? await connection.send("Page.handleJavaScriptDialog", .object([("accept", false)]),
                                           sessionId: session)
        })
    }

    private func markLoaded() {
        guard navigating, !loaded else { return }
        loaded = true
        lastActivity = .now
    }

    private func note(_ text: String) {
        guard consoleErrors.count < RenderSession.consoleErrorLimit else { return }
        consoleErrors.append(text)
    }

    private static func text(ofRemoteObject object: JSONValue) -> String {
        if let value = object["value"] {
            if let text = value.stringValue { return text }
            return value.serialized()
        }
        return object["description"]?.stringValue ?? object["type"]?.stringValue ?? ""
    }

    private func paused(_ params: JSONValue, session: String) {
        guard let requestId = params["requestId"]?.stringValue, let request = params["request"],
              let url = request["url"]?.stringValue
        else { return }
        let browserRequest = BrowserRequest(
            url: url, method: request["method"]?.stringValue ?? "GET",
            headers: RenderSession.headers(request["headers"]), postData: RenderSession.postData(request),
            resourceType: params["resourceType"]?.stringValue ?? "Other")
        let index = requests.count
        requests.append(RenderedRequest(url: url, method: browserRequest.method, resourceType: browserRequest.resourceType))
        inFlight += 1
        lastActivity = .now
        let serve = self.serve
        serving.append(Task {
            let answer = await serve(browserRequest)
            guard !Task.isCancelled else { return }
            await self.answer(requestId: requestId, session: session, index: index, with: answer)
        })
    }

    private func answer(requestId: String, session: String, index: Int, with answer: BrowserAnswer) async {
        let command: String
        let params: JSONValue
        switch answer {
        case let .served(status, headers, body, sequence):
            requests[index].status = status
            requests[index].servedBySequence = sequence
            command = "Fetch.fulfillRequest"
            params = .object([
                ("requestId", .string(requestId)), ("responseCode", .int(status)),
                ("responseHeaders", .array(RenderSession.responseHeaders(headers))),
                ("body", .string(body.base64EncodedString())),
            ])
        case let .refused(errorClass):
            requests[index].error = errorClass
            command = "Fetch.failRequest"
            params = .object([
                ("requestId", .string(requestId)),
                ("errorReason", .string(BrowserAnswer.errorReason(for: errorClass))),
            ])
        }
        // A tab closed meanwhile makes this fail; nothing is left to answer then.
        _ = try? await connection.send(command, params, sessionId: session)
        inFlight -= 1
        lastActivity = .now
    }

    /// The body handed over is already decoded and complete, so headers describing a
    /// transfer encoding or length would make the browser misread it.
    private static func responseHeaders(_ headers: [(name: String, value: String)]) -> [JSONValue] {
        let dropped: Set<String> = ["content-encoding", "transfer-encoding", "content-length"]
        return headers.filter { !dropped.contains($0.name.lowercased()) }.map {
            .object([("name", .string($0.name)), ("value", .string($0.value))])
        }
    }

    private static func headers(_ value: JSONValue?) -> [String: String] {
        guard case let .object(pairs)? = value else { return [:] }
        var headers: [String: String] = [:]
        for (name, value) in pairs { headers[name] = value.stringValue ?? value.serialized() }
        return headers
    }

    private static func postData(_ request: JSONValue) -> Data? {
        if let entries = request["postDataEntries"]?.arrayValue {
            var data = Data()
            for entry in entries {
                if let bytes = entry["bytes"]?.stringValue, let decoded = Data(base64Encoded: bytes) {
                    data.append(decoded)
                }
            }
            return data
        }
        return request["postData"]?.stringValue.map { Data($0.utf8) }
    }
}
