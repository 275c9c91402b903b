import Foundation
import Testing
import TiyanBrowser

/// The one Chromium the suite shares, launched on first use. A missing Chromium is a failure,
/// not a skip: CI installs it, and a silent skip would hide a broken engine.
actor SharedBrowser {
    static let shared = SharedBrowser()
    private var browser: Chromium?

    func chromium() async throws -> Chromium {
        if let browser { return browser }
        guard let executable = Chromium.locate() else {
            throw TestFailure("Chromium not found: install chromium (scripts/install-deps) or set TIYAN_CHROMIUM")
        }
        let launched = try await Chromium.launch(executable: executable)
        browser = launched
        return launched
    }

    func shutdown() async {
        await browser?.shutdown()
        browser = nil
    }
}

/// Shuts the shared browser down once the suite has run, so no Chromium or profile outlives it.
struct SharedBrowserScope: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws
    {
        do {
            try await function()
        } catch {
            await SharedBrowser.shared.shutdown()
            throw error
        }
        await SharedBrowser.shared.shutdown()
    }
}

extension Trait where Self == SharedBrowserScope {
    static var sharedBrowser: SharedBrowserScope { SharedBrowserScope() }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
