import Foundation
import Glibc
import Testing
import TiyanBrowser
import TiyanCore

@Suite("A browser that dies")
struct CrashTests {
    /// Its own browser, not the shared one, since this test kills it.
    @Test func renderThrowsWhenChromiumIsKilled() async throws {
        guard let executable = Chromium.locate() else {
            throw TestFailure("Chromium not found: install chromium (scripts/install-deps) or set TIYAN_CHROMIUM")
        }
        let browser = try await Chromium.launch(executable: executable, maxTabs: 1)
        #expect(browser.residentMemoryBytes() > 10_000_000)
        let context = try await browser.makeContext()
        let pid = browser.processID
        let job = RenderJob(pageSequence: 1, url: "http://portal.test/", viewport: .desktop, userAgent: "tiyan-test",
                            timeCap: .seconds(20))
        let clock = ContinuousClock()
        let started = clock.now
        // The document is never answered; the browser is killed while the render waits.
        let serve: RequestServer = { _ in
            kill(pid, SIGKILL)
            try? await Task.sleep(for: .seconds(60))
            return .refused(errorClass: "timeout")
        }
        await #expect(throws: BrowserError.self) {
            _ = try await browser.render(job, in: context, serve: serve)
        }
        // Sooner than the 60 s the request is held: the dead browser ended the render, not the server.
        #expect(clock.now - started < .seconds(55))
        await #expect(throws: BrowserError.self) { _ = try await browser.makeContext() }
        await browser.shutdown()
        // Reaped, not a zombie.
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"))
    }

    @Test func launchFailsCleanlyForSomethingThatIsNotChromium() async {
        await #expect(throws: BrowserError.self) { _ = try await Chromium.launch(executable: "/bin/false") }
        await #expect(throws: BrowserError.self) { _ = try await Chromium.launch(executable: "/nonexistent/chromium") }
    }
}
