import Foundation
import TiyanCore

/// One render in one new tab: set the tab up as the job's device, navigate, wait, capture, close.
struct PageRender: Sendable {
    /// How long the network must stay quiet after load to count as idle.
    static let quietPeriod: Duration = .milliseconds(500)

    let connection: DevToolsConnection
    let job: RenderJob
    let context: BrowserContext
    let engine: String
    let serve: RequestServer

    func run() async throws -> RenderedView {
        let created = try await connection.send("Target.createTarget", .object([
            ("url", "about:blank"), ("browserContextId", .string(context.id)),
        ]))
        guard let targetId = created["targetId"]?.stringValue else {
            throw BrowserError.unexpectedReply(method: "Target.createTarget")
        }
        do {
            let view = try await render(in: targetId)
            await close(targetId)
            return view
        } catch {
            await close(targetId)
            throw error
        }
    }

    private func close(_ targetId: String) async {
        _ = try? await connection.send("Target.closeTarget", .object([("targetId", .string(targetId))]),
                                       timeout: .seconds(5))
    }

    private func render(in targetId: String) async throws -> RenderedView {
        let attached = try await connection.send("Target.attachToTarget", .object([
            ("targetId", .string(targetId)), ("flatten", true),
        ]))
        guard let sessionId = attached["sessionId"]?.stringValue else {
            throw BrowserError.unexpectedReply(method: "Target.attachToTarget")
        }
        let session = RenderSession(connection: connection, sessionId: sessionId, targetId: targetId,
                                    userAgent: job.userAgent, serve: serve)
        // Subscribed before any domain is enabled, so no event of this tab is missed.
        let (subscription, events) = await connection.events(sessionId: sessionId)
        let pump = Task {
            for await event in events { await session.handle(event) }
            await session.streamEnded()
        }
        defer { pump.cancel() }
        do {
            let view = try await navigateAndCapture(session: session, sessionId: sessionId, targetId: targetId)
            await finish(session, subscription: subscription, sessionId: sessionId)
            return view
        } catch {
            await finish(session, subscription: subscription, sessionId: sessionId)
            throw error
        }
    }

    private func finish(_ session: RenderSession, subscription: Int, sessionId: String) async {
        await session.finish()
        await connection.unsubscribe(subscription, sessionId: sessionId)
    }

    private func navigateAndCapture(session: RenderSession, sessionId: String, targetId: String) async throws
        -> RenderedView
    {
        try await prepare(sessionId: sessionId)
        let started = ContinuousClock.now
        let deadline = started + job.timeCap
        await session.navigationStarted()
        do {
            try await connection.send("Page.navigate", .object([("url", .string(job.url))]), sessionId: sessionId,
                                      timeout: max(deadline - .now, .milliseconds(100)))
        } catch BrowserError.timedOut {
            // The document itself is still being served at the cap: capture whatever exists.
        }
        let outcome = try await wait(for: session, until: deadline)
        let capture = try await capture(sessionId: sessionId, targetId: targetId)
        let screenshot = await screenshot(sessionId: sessionId)
        let elapsed = ContinuousClock.now - started
        let requests = await session.requests
        let consoleErrors = await session.consoleErrors
        return RenderedView(
            pageSequence: job.pageSequence, url: capture.url, dom: capture.dom, elements: capture.elements,
            screenshot: screenshot, viewport: job.viewport, engine: engine, waitOutcome: outcome,
            requests: requests, consoleErrors: consoleErrors, renderedAt: Date(),
            elapsedMilliseconds: elapsed.wholeMilliseconds)
    }

    /// Device, user agent and the domains whose events the render needs, before navigation.
    private func prepare(sessionId: String) async throws {
        let viewport = job.viewport
        try await RenderSession.prepare(sessionId, on: connection)
        try await connection.send("Emulation.setDeviceMetricsOverride", .object([
            ("width", .int(viewport.width)), ("height", .int(viewport.height)),
            ("deviceScaleFactor", .number(viewport.deviceScaleFactor)), ("mobile", .bool(viewport.mobile)),
        ]), sessionId: sessionId)
        try await connection.send("Emulation.setUserAgentOverride", .object([("userAgent", .string(job.userAgent))]),
                                  sessionId: sessionId)
        if viewport.mobile {
            try await connection.send("Emulation.setTouchEmulationEnabled", .object([
                ("enabled", true), ("maxTouchPoints", 5),
            ]), sessionId: sessionId)
        }
        try await connection.send("Page.enable", sessionId: sessionId)
        try await connection.send("Page.setLifecycleEventsEnabled", .object([("enabled", true)]), sessionId: sessionId)
    }

    /// Load, then nothing in flight for the quiet period; or the cap.
    private func wait(for session: RenderSession, until deadline: ContinuousClock.Instant) async throws
        -> RenderedView.WaitOutcome
    {
        while true {
            let progress = await session.progress
            if progress.disconnected { throw BrowserError.disconnected }
            if progress.loaded, progress.inFlight == 0, progress.quiet >= PageRender.quietPeriod { return .networkIdle }
            if ContinuousClock.now >= deadline { return progress.loaded ? .loadOnly : .timeCap }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// How long the renderer's main thread may take to answer before the page's own script is
    /// presumed to be stuck in a loop.
    static let responsiveness: Duration = .seconds(4)

    private func capture(sessionId: String, targetId: String) async throws -> Capture {
        let contextId: Double
        do {
            contextId = try await isolatedWorld(sessionId: sessionId, targetId: targetId)
        } catch BrowserError.timedOut {
            // A script that never yields holds the main thread the capture runs on; stopping it
            // (V8 interrupts it from another thread) lets the capture read what it built.
            _ = try? await connection.send("Runtime.terminateExecution", sessionId: sessionId)
            contextId = try await isolatedWorld(sessionId: sessionId, targetId: targetId)
        }
        let result = try await connection.send("Runtime.evaluate", .object([
            ("expression", .string(CaptureScript.source)), ("contextId", .number(contextId)),
            ("returnByValue", true),
        ]), sessionId: sessionId, timeout: .seconds(30))
        if let details = result["exceptionDetails"] {
            let text = details["exception"]?["description"]?.stringValue ?? details["text"]?.stringValue ?? ""
            throw BrowserError.protocolError(method: "Runtime.evaluate", message: text)
        }
        return try Capture(result["result"]?["value"] ?? .null)
    }

    /// A fresh world in the main frame (whose id is the target's), where page scripts cannot reach.
    private func isolatedWorld(sessionId: String, targetId: String) async throws -> Double {
        let world = try await connection.send("Page.createIsolatedWorld", .object([
            ("frameId", .string(targetId)), ("worldName", "tiyan-capture"),
        ]), sessionId: sessionId, timeout: PageRender.responsiveness)
        guard let contextId = world["executionContextId"]?.doubleValue else {
            throw BrowserError.unexpectedReply(method: "Page.createIsolatedWorld")
        }
        return contextId
    }

    /// The first screen as PNG; empty when the browser cannot paint one (not an error: the DOM
    /// is what the probes mostly read).
    private func screenshot(sessionId: String) async -> Data {
        guard let reply = try? await connection.send("Page.captureScreenshot", .object([("format", "png")]),
                                                     sessionId: sessionId, timeout: .seconds(5)),
              let encoded = reply["data"]?.stringValue, let data = Data(base64Encoded: encoded)
        else { return Data() }
        return data
    }
}

extension Duration {
    var wholeMilliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
