public import Foundation
public import TiyanCore
import TiyanProcess

/// Headless Chromium driven over --remote-debugging-pipe. One browser process serves many
/// renders; each render gets its own tab, at most `maxTabs` at once, and every request a tab
/// makes is answered by the crawl (Fetch interception), never by the network.
public final class Chromium: PageRenderer {
    public let engine: String
    private let process: PipedProcess
    private let connection: DevToolsConnection
    private let tabs: TabLimiter
    private let profile: URL

    private init(process: PipedProcess, connection: DevToolsConnection, tabs: TabLimiter, profile: URL,
                 engine: String)
    {
        self.process = process
        self.connection = connection
        self.tabs = tabs
        self.profile = profile
        self.engine = engine
    }

    /// $TIYAN_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH; nil when none.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["TIYAN_CHROMIUM"], !explicit.isEmpty { return explicit }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Starts the browser with a fresh profile (removed at `shutdown`). Chromium's stderr goes
    /// to $TIYAN_CHROMIUM_LOG when set, for diagnosing a browser that will not start.
    public static func launch(executable: String, maxTabs: Int = 2) async throws -> Chromium {
        let environment = ProcessInfo.processInfo.environment
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("tiyan-chromium-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        } catch {
            throw BrowserError.launch("cannot create the profile directory \(profile.path): \(error)")
        }
        // Chromium puts shared-memory and crash files (org.chromium.Chromium.*) in TMPDIR and
        // leaves them when it is killed: inside the profile they go when the profile goes.
        var childEnvironment = environment
        let scratch = profile.appendingPathComponent("tmp", isDirectory: true)
        if (try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)) != nil {
            childEnvironment["TMPDIR"] = scratch.path
        }
        let process: PipedProcess
        do {
            process = try PipedProcess(executable: executable, arguments: LaunchFlags.arguments(profile: profile.path),
                                       environment: childEnvironment, standardError: environment["TIYAN_CHROMIUM_LOG"])
        } catch {
            try? FileManager.default.removeItem(at: profile)
            throw BrowserError.launch("\(error)")
        }
        let connection = DevToolsConnection(process: process)
        await connection.start()
        do {
            // A cold start on a busy machine takes seconds; this is the only slow first reply.
            let version = try await connection.send("Browser.getVersion", timeout: .seconds(30))
            let product = version["product"]?.stringValue ?? "Chrome"
            // A document served as an attachment would otherwise be saved into the profile.
            _ = try? await connection.send("Browser.setDownloadBehavior", .object([("behavior", "deny")]))
            let browser = Chromium(process: process, connection: connection, tabs: TabLimiter(tabs: maxTabs),
                                   profile: profile, engine: Chromium.engineName(product))
            return browser
        } catch {
            await connection.close()
            process.terminate()
            try? FileManager.default.removeItem(at: profile)
            throw BrowserError.launch("no answer over the DevTools pipe: \(error)")
        }
    }

    /// Headless builds report "HeadlessChrome/..."; the engine is the same Chrome either way.
    static func engineName(_ product: String) -> String {
        product.hasPrefix("Headless") ? String(product.dropFirst("Headless".count)) : product
    }

    public var processID: Int32 { process.processID }

    /// The browser and all its helper processes, in bytes.
    public func residentMemoryBytes() -> Int { process.residentMemoryBytes() }

    public func makeContext() async throws -> BrowserContext {
        let reply = try await connection.send("Target.createBrowserContext", .object([("disposeOnDetach", false)]))
        guard let id = reply["browserContextId"]?.stringValue else {
            throw BrowserError.unexpectedReply(method: "Target.createBrowserContext")
        }
        return BrowserContext(id: id)
    }

    public func closeContext(_ context: BrowserContext) async {
        _ = try? await connection.send("Target.disposeBrowserContext",
                                       .object([("browserContextId", .string(context.id))]))
    }

    public func render(_ job: RenderJob, in context: BrowserContext, serve: @escaping RequestServer) async throws
        -> RenderedView
    {
        let connection = self.connection
        let engine = self.engine
        return try await tabs.withTab {
            try await PageRender(connection: connection, job: job, context: context, engine: engine, serve: serve).run()
        }
    }

    public func shutdown() async {
        _ = try? await connection.send("Browser.close", timeout: .seconds(3))
        await connection.close()
        process.terminate()
        try? FileManager.default.removeItem(at: profile)
    }
}
