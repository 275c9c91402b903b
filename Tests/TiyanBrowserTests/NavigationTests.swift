import Foundation
import Testing
import TiyanBrowser
import TiyanCore

extension RenderTests {
    @Test func serverRedirectIsFollowedAndRecorded() async throws {
        var site = FakeSite()
        site.add("/new/index.html", "text/html; charset=utf-8", Self.page(body: "<h1>新版首页</h1>"))
        let base = site.server
        let serve: RequestServer = { request in
            if request.url == FakeSite.url("/") {
                return .served(status: 302, headers: [("Location", "/new/index.html")], body: Data(), sequence: 90)
            }
            return await base(request)
        }
        let browser = try await SharedBrowser.shared.chromium()
        let context = try await browser.makeContext()
        let view = try await browser.render(
            RenderJob(pageSequence: 3, url: FakeSite.url("/"), viewport: .desktop, userAgent: Self.userAgent),
            in: context, serve: serve)
        await browser.closeContext(context)
        #expect(view.url == FakeSite.url("/new/index.html"))
        #expect(String(decoding: view.dom, as: UTF8.self).contains("<h1>新版首页</h1>"))
        #expect(Array(view.requests.prefix(2)) == [
            RenderedRequest(url: FakeSite.url("/"), resourceType: "Document", status: 302, servedBySequence: 90),
            RenderedRequest(url: FakeSite.url("/new/index.html"), resourceType: "Document", status: 200,
                            servedBySequence: 1),
        ])
    }

    @Test func refusedDocumentStillReturnsAView() async throws {
        var site = FakeSite()
        site.refusals["/index.html"] = "not_fetched"
        let view = try await render(site, "/index.html", timeCap: .seconds(5))
        #expect(view.requests.first == RenderedRequest(url: FakeSite.url("/index.html"), resourceType: "Document",
                                                       error: "not_fetched"))
        #expect(!view.dom.isEmpty)
        // Chromium shows its own error page for a failed navigation, and says so in the URL.
        #expect(view.url.hasPrefix("chrome-error:"))
    }
}

extension RenderTests {
    @Test func alertAndConfirmOnLoadDoNotStopTheRender() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <p id=out></p>
            <script>
            alert('请使用IE浏览器访问');
            const go = confirm('是否进入长辈版？');
            document.getElementById('out').textContent = go ? 'redirected' : 'stayed';
            </script>
            """))
        let view = try await render(site, "/index.html")
        #expect(String(decoding: view.dom, as: UTF8.self).contains("<p id=\"out\">stayed</p>"))
        #expect(view.waitOutcome == .networkIdle)
    }
}

extension RenderTests {
    @Test func aScriptThatNeverYieldsIsStoppedForTheCapture() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <p>卡住的页面</p>
            <script>setTimeout(() => { for (;;) {} }, 200)</script>
            """))
        // Without the stop the capture could not run on the blocked main thread and the render
        // would throw; a DOM read back is the proof (no wall-clock bound: CI machines are busy).
        let view = try await render(site, "/index.html", timeCap: .seconds(3))
        #expect(String(decoding: view.dom, as: UTF8.self).contains("<p>卡住的页面</p>"))
    }
}
