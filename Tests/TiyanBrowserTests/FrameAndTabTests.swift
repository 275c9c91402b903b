import Foundation
import Testing
import TiyanBrowser
import TiyanCore

extension RenderTests {
    @Test func crossSiteFrameRequestsAreServedToo() async throws {
        var site = FakeSite()
        site.add("/index.html", "text/html; charset=utf-8", Self.page(body: """
            <iframe src="http://map.other.test/frame.html"></iframe>
            """))
        let log = site.log
        let base = site.server
        let serve: RequestServer = { request in
            if request.url == "http://map.other.test/frame.html" {
                await log.append(request)
                return .served(status: 200, headers: [("Content-Type", "text/html")],
                               body: Data("<script src=/inner.js></script>".utf8), sequence: 40)
            }
            if request.url == "http://map.other.test/inner.js" {
                await log.append(request)
                return .served(status: 200, headers: [("Content-Type", "text/javascript")],
                               body: Data("console.error('inner ran')".utf8), sequence: 41)
            }
            return await base(request)
        }
        let browser = try await SharedBrowser.shared.chromium()
        let context = try await browser.makeContext()
        let view = try await browser.render(
            RenderJob(pageSequence: 1, url: FakeSite.url("/index.html"), viewport: .desktop, userAgent: Self.userAgent,
                      timeCap: .seconds(90)),
            in: context, serve: serve)
        await browser.closeContext(context)
        let urls = view.requests.map(\.url)
        #expect(urls.contains("http://map.other.test/frame.html"))
        #expect(urls.contains("http://map.other.test/inner.js"))
        #expect(view.requests.first { $0.url.hasSuffix("inner.js") }?.servedBySequence == 41)
        #expect(view.waitOutcome == .networkIdle)
    }

    @Test func noMoreThanMaxTabsRenderAtOnce() async throws {
        let browser = try await SharedBrowser.shared.chromium()
        let gauge = Gauge()
        let serve: RequestServer = { request in
            guard request.resourceType == "Document" else {
                return .served(status: 204, headers: [], body: Data(), sequence: nil)
            }
            await gauge.enter()
            // Hold the document until a second tab asks for its own (or 20 s pass): the peak then
            // shows how many tabs the limiter lets in, not how fast a busy machine opened them.
            let deadline = ContinuousClock.now + .seconds(20)
            while await gauge.current < 2, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
            try? await Task.sleep(for: .milliseconds(200))
            await gauge.leave()
            return .served(status: 200, headers: [("Content-Type", "text/html")], body: Data("<p>page</p>".utf8),
                           sequence: 1)
        }
        let context = try await browser.makeContext()
        try await withThrowingTaskGroup(of: RenderedView.self) { group in
            for number in 1...4 {
                group.addTask {
                    try await browser.render(
                        RenderJob(pageSequence: number, url: FakeSite.url("/page\(number).html"), viewport: .desktop,
                                  userAgent: Self.userAgent, timeCap: .seconds(90)),
                        in: context, serve: serve)
                }
            }
            var sequences: [Int] = []
            for try await view in group { sequences.append(view.pageSequence) }
            #expect(sequences.sorted() == [1, 2, 3, 4])
        }
        await browser.closeContext(context)
        #expect(await gauge.peak == 2)
    }
}

actor Gauge {
    private(set) var current = 0
    private(set) var peak = 0

    func enter() {
        current += 1
        peak = max(peak, current)
    }

    func leave() { current -= 1 }
}
