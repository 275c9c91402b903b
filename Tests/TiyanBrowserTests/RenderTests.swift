import Foundation
import Testing
import TiyanBrowser
import TiyanCore
import TiyanHTML

@Suite("Rendering pages in Chromium", .serialized, .sharedBrowser)
struct RenderTests {
    static let userAgent = "Mozilla/5.0 (X11; Linux x86_64) TiyanTest/1.0"

    /// The cap is generous by default: tests that expect `networkIdle` must not depend on how
    /// busy the machine is (a CI run starved one 15 s render into `load_only`); the tests of
    /// the cap give their own.
    func render(_ site: FakeSite, _ path: String, viewport: Viewport = .desktop, timeCap: Duration = .seconds(90),
                userAgent: String = RenderTests.userAgent, in context: BrowserContext? = nil) async throws
        -> RenderedView
    {
        let browser = try await SharedBrowser.shared.chromium()
        let job = RenderJob(pageSequence: 7, url: FakeSite.url(path), viewport: viewport, userAgent: userAgent,
                            timeCap: timeCap)
        if let context { return try await browser.render(job, in: context, serve: site.server) }
        let fresh = try await browser.makeContext()
        do {
            let view = try await browser.render(job, in: fresh, serve: site.server)
            await browser.closeContext(fresh)
            return view
        } catch {
            await browser.closeContext(fresh)
            throw error
        }
    }

    static func page(body: String, head: String = "") -> String {
        "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>门户</title>\(head)</head><body>\(body)</body></html>"
    }

    @Test func scriptBuiltPortalShowsInTheDOM() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: "<div id=app></div><script src=/app.js></script>"))
        site.add("/app.js", "application/javascript", """
            fetch('/api/site.json').then(r => r.json()).then(site => {
              const app = document.getElementById('app');
              app.innerHTML = '<header><a href="/elder/">' + site.elder + '</a></header>' +
                '<footer>' + site.icp + '</footer>';
            });
            """)
        site.add("/api/site.json", "application/json", #"{"elder": "长辈版", "icp": "京ICP备12345678号"}"#)
        let view = try await render(site, "/index.html")
        let dom = String(decoding: view.dom, as: UTF8.self)
        #expect(dom.hasPrefix("<!DOCTYPE html><html"))
        #expect(dom.contains(#"<a href="/elder/">长辈版</a>"#))
        #expect(dom.contains("<footer>京ICP备12345678号</footer>"))
        #expect(view.waitOutcome == .networkIdle)
        #expect(view.url == FakeSite.url("/index.html"))
        #expect(view.pageSequence == 7)
        #expect(view.engine.hasPrefix("Chrome/"))
        // fetch() is "Fetch" or "XHR" depending on the Chrome version; the rest is exact.
        let api = try #require(view.requests.first { $0.url == FakeSite.url("/api/site.json") })
        #expect(["Fetch", "XHR"].contains(api.resourceType))
        let expected = [
            RenderedRequest(url: FakeSite.url("/index.html"), resourceType: "Document", status: 200, servedBySequence: 1),
            RenderedRequest(url: FakeSite.url("/app.js"), resourceType: "Script", status: 200, servedBySequence: 2),
            RenderedRequest(url: FakeSite.url("/api/site.json"), resourceType: api.resourceType, status: 200,
                            servedBySequence: 3),
        ]
        // Headless Chromium also asks for /favicon.ico after load; it is a request like any other.
        #expect(view.requests.filter { !$0.url.hasSuffix("/favicon.ico") } == expected)
        #expect(view.consoleErrors.isEmpty)
        #expect(view.elapsedMilliseconds > 0)
    }

    @Test func hashRouteRendersItsView() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <div id=app></div><script>
            const app = document.getElementById('app');
            const show = () => {
              app.innerHTML = location.hash === '#/login'
                ? '<form id=login><input type=password name=pw><button>登录</button></form>'
                : '<main id=home>首页</main>';
            };
            window.addEventListener('hashchange', show);
            show();
            </script>
            """))
        let login = try await render(site, "/index.html#/login")
        let dom = String(decoding: login.dom, as: UTF8.self)
        #expect(dom.contains(#"<form id="login">"#))
        #expect(!dom.contains(#"<main id="home">"#))
        #expect(login.url == FakeSite.url("/index.html#/login"))
        // The browser never sends the fragment; the request is for the document itself.
        #expect(login.requests.first?.url == FakeSite.url("/index.html"))
        let home = try await render(site, "/index.html")
        #expect(String(decoding: home.dom, as: UTF8.self).contains(#"<main id="home">首页</main>"#))
    }

    @Test func refusedRequestIsRecordedAndThePageStillRenders() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <p id=text>正文内容</p>
            <script src=/blocked.js onerror="console.error('script failed: ' + this.src)"></script>
            <script>document.getElementById('text').dataset.after = 'ran';</script>
            """))
        site.refusals["/blocked.js"] = "robots_disallowed"
        let view = try await render(site, "/index.html")
        let dom = String(decoding: view.dom, as: UTF8.self)
        #expect(dom.contains(#"<p id="text" data-after="ran">正文内容</p>"#))
        let blocked = try #require(view.requests.first { $0.url == FakeSite.url("/blocked.js") })
        #expect(blocked == RenderedRequest(url: FakeSite.url("/blocked.js"), resourceType: "Script",
                                           error: "robots_disallowed"))
        #expect(view.consoleErrors.contains("script failed: \(FakeSite.url("/blocked.js"))"))
        #expect(view.consoleErrors.contains { $0.contains("ERR_BLOCKED_BY_CLIENT") })
        #expect(view.waitOutcome == .networkIdle)
    }

    @Test func elementsCarryStyleBoxAndNodePathXPaths() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <div><p style="font-size:22px;line-height:1.5;color:#333">大字正文</p></div>
            <div style="display:none"><span>隐藏</span></div>
            <ul><li>一</li><li>二</li><li>三</li></ul>
            <svg width=10 height=10><foreignObject width=5 height=5></foreignObject></svg>
            <script>
            const list = document.querySelector('ul');
            list.appendChild(document.createElement('li')).textContent = '四';
            </script>
            """))
        let view = try await render(site, "/index.html")
        let byPath = Dictionary(view.elements.map { ($0.xpath, $0) }, uniquingKeysWith: { first, _ in first })
        let paragraph = try #require(byPath["/html/body/div[1]/p"])
        #expect(paragraph.style["font-size"] == "22px")
        #expect(paragraph.style["line-height"] == "33px")
        #expect(paragraph.style["color"] == "rgb(51, 51, 51)")
        #expect(paragraph.style["display"] == "block")
        #expect(paragraph.style.keys.sorted() == [
            "background-color", "background-image", "color", "display", "font-size", "font-weight", "line-height",
            "opacity", "position", "visibility",
        ])
        #expect(paragraph.style["background-image"] == "none" && paragraph.style["font-weight"] == "400")
        let box = try #require(paragraph.box)
        #expect(box.width > 0 && box.height > 0)
        #expect(byPath["/html/body/div[2]"]?.style["display"] == "none")
        #expect(byPath["/html/body/div[2]"].map { $0.box == nil } == true)
        #expect(byPath["/html/body/div[2]/span"].map { $0.box == nil } == true)
        #expect(byPath["/html/body/ul/li[4]"] != nil)
        #expect(byPath["/html/body/svg/foreignobject"] != nil)
        // The same DOM parsed by TiyanHTML yields exactly these paths, in document order.
        let document = HTMLDocument(data: view.dom, contentType: "text/html; charset=utf-8", url: view.url)
        #expect(view.elements.map(\.xpath) == (try document.elementPaths("//*")))
    }

    @Test(arguments: [(Viewport.desktop, 1366, 768), (Viewport.phone, 750, 1624)])
    func screenshotIsAPNGOfTheViewport(viewport: Viewport, width: Int, height: Int) async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: "<h1>截图</h1>"))
        let view = try await render(site, "/index.html", viewport: viewport)
        let png = [UInt8](view.screenshot)
        try #require(png.count > 24)
        #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
        let bigEndian = { (offset: Int) in png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(bigEndian(16) == width)
        #expect(bigEndian(20) == height)
        #expect(view.viewport == viewport)
    }

    @Test func phoneViewportIsMobileWithTouch() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(
            body: "<p id=out></p><script>document.getElementById('out').textContent = [innerWidth, devicePixelRatio, navigator.maxTouchPoints > 0].join(',')</script>",
            head: "<meta name=viewport content=\"width=device-width\">"))
        let view = try await render(site, "/index.html", viewport: .phone)
        #expect(String(decoding: view.dom, as: UTF8.self).contains("<p id=\"out\">375,2,true</p>"))
    }

    @Test func timeCapEndsARenderWhoseScriptNeverArrives() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: "<p>等待</p><script src=/slow.js></script>"))
        site.stalls.insert("/slow.js")
        let clock = ContinuousClock()
        let started = clock.now
        let view = try await render(site, "/index.html", timeCap: .seconds(3))
        // The stalled script is never answered: that the render came back at all, with the
        // script still unanswered, is the cap at work (no upper wall-clock bound on a busy CI).
        let took = clock.now - started
        #expect(took >= .seconds(3) && took < .seconds(55), "took \(took); the script is held for 60 s")
        #expect(view.waitOutcome != .networkIdle)
        #expect(String(decoding: view.dom, as: UTF8.self).contains("<p>等待</p>"))
        let slow = try #require(view.requests.first { $0.url == FakeSite.url("/slow.js") })
        #expect(slow.status == nil && slow.error == nil)
    }

    @Test func contextsDoNotShareStorage() async throws {
        var site = FakeSite()
        site.add("/write.html", "text/html; charset=utf-8", Self.page(body: "<script>localStorage.setItem('seen', 'yes')</script>"))
        site.add("/read.html", "text/html; charset=utf-8", Self.page(
            body: "<p id=out></p><script>document.getElementById('out').textContent = localStorage.getItem('seen') || 'none'</script>"))
        let browser = try await SharedBrowser.shared.chromium()
        let first = try await browser.makeContext()
        let second = try await browser.makeContext()
        #expect(first != second)
        _ = try await render(site, "/write.html", in: first)
        let sameContext = try await render(site, "/read.html", in: first)
        let otherContext = try await render(site, "/read.html", in: second)
        await browser.closeContext(first)
        await browser.closeContext(second)
        #expect(String(decoding: sameContext.dom, as: UTF8.self).contains("<p id=\"out\">yes</p>"))
        #expect(String(decoding: otherContext.dom, as: UTF8.self).contains("<p id=\"out\">none</p>"))
    }

    @Test func pageSeesTheJobsUserAgent() async throws {
        let agent = "Mozilla/5.0 (Linux; Android 14) TiyanElderCheck/2.1 Mobile"
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(
            body: "<pre id=ua></pre><script>document.getElementById('ua').textContent = navigator.userAgent</script>"))
        let view = try await render(site, "/index.html", userAgent: agent)
        #expect(String(decoding: view.dom, as: UTF8.self).contains("<pre id=\"ua\">\(agent)</pre>"))
        let document = try #require(await site.log.requests.first)
        #expect(document.headers["User-Agent"] == agent)
        #expect(document.resourceType == "Document" && document.method == "GET")
    }
}
