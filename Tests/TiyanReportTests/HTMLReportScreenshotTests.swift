import Foundation
import Testing
@testable import TiyanReport
import TiyanCore

/// The gallery of rendered pages in a target's section: inline PNGs, captions that escape what
/// the browser saw, evidence from a rendered view linked to its screenshot, and a report without
/// renders left as it was.
@Suite struct HTMLReportScreenshotTests {
    /// A PNG signature and IHDR chunk for `width`×`height`, then bytes that are not valid base64
    /// text as they stand (so a report that copied them raw would fail the round trip).
    static func png(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8)
        for value in [width, height] { bytes += withUnsafeBytes(of: value.bigEndian, Array.init) }
        bytes += [8, 6, 0, 0, 0, 0xFF, 0x00, 0x3C, 0x3E, 0x22, 0x27, 0x26, 0xFE]
        return Data(bytes)
    }

    static let hostileViewURL = "https://www.zjzwfw.gov.cn/#/<script>alert(7)</script>\"><img src=x onerror=alert(8)>"

    static let home = ReportScreenshot(
        pageSequence: 3, pageRole: "home", pageURL: "http://www.zjzwfw.gov.cn/",
        pageFinalURL: "https://www.zjzwfw.gov.cn/", viewURL: hostileViewURL, viewport: .desktop,
        waitOutcome: .networkIdle, engine: "Chrome/156.0.8078.129", elapsedMilliseconds: 1234,
        requestCount: 17, refusedCount: 2, png: png(width: 1366, height: 768))

    static let phone = ReportScreenshot(
        pageSequence: 9, pageRole: "privacy", pageURL: "https://www.zjzwfw.gov.cn/privacy.html",
        pageFinalURL: "https://www.zjzwfw.gov.cn/privacy.html", viewURL: "https://www.zjzwfw.gov.cn/privacy.html",
        viewport: .phone, waitOutcome: .timeCap, engine: "Chrome/156.0.8078.129", elapsedMilliseconds: 15000,
        requestCount: 4, refusedCount: 0, png: Data())

    static func report(screenshots: [String: [ReportScreenshot]], results: [IndicatorResult]? = nil) -> String {
        var input = ReportFixture.htmlInput
        input.screenshots = screenshots
        if let results { input.results = results }
        return HTMLReport.render(input)
    }

    static func rendered(_ indicator: String, url: String) -> IndicatorResult {
        IndicatorResult(
            target: "zj", indicator: indicator, module: "basics", status: .fail, value: false,
            evidence: [Evidence(url: url, locator: "/html/body/footer", snippet: "主办单位", extra: [("view", "rendered")])])
    }

    @Test func aRenderedViewShowsItsPNGInline() throws {
        let html = Self.report(screenshots: ["zj": [Self.home]])
        let zj = html.components(separatedBy: "id=\"target-zj\"").last ?? ""
        #expect(zj.contains("<details class=\"group shots\" id=\"zj-shots\" open><summary>Rendered pages 渲染页面 (1)"))
        #expect(zj.contains("<figure class=\"shot\" id=\"shot-zj-3\"><a href=\"#shot-zj-3\""))
        let pattern = /<img src="data:image\/png;base64,([A-Za-z0-9+\/=]+)" width="1366" height="768" alt="/
        let match = try #require(zj.firstMatch(of: pattern), "an img with a data: PNG and its size")
        #expect(Data(base64Encoded: String(match.1)) == Self.home.png, "the base64 decodes to the view's bytes")
        for fact in ["<strong>#3</strong> home", "1366×768 @1x", "network_idle", "1234 ms", "17 requests 请求, 2 refused 拒绝",
                     "Chrome/156.0.8078.129", "href=\"http://www.zjzwfw.gov.cn/\""] {
            #expect(zj.contains(fact), "caption shows \(fact)")
        }
        let evil = html.components(separatedBy: "id=\"target-evil\"").last ?? ""
        #expect(!evil.contains("class=\"gallery\""), "a target without renders gets no gallery")
    }

    @Test func theCaptionEscapesWhatTheBrowserSaw() {
        let html = Self.report(screenshots: ["zj": [Self.home]])
        #expect(!html.contains("<script"), "no script element")
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("#/&lt;script&gt;alert(7)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(8)&gt;"))
        #expect(html.components(separatedBy: "<img ").count == 2, "one img element, the screenshot")
    }

    @Test func onlyInlineImagesAreAllowedAndOnlyWhenThereAreAny() {
        let policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
        let with = Self.report(screenshots: ["zj": [Self.home]])
        #expect(with.firstMatch(of: policy).map { String($0.1) } == "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        let without = HTMLReport.render(ReportFixture.htmlInput)
        #expect(without.firstMatch(of: policy).map { String($0.1) } == "default-src 'none'; style-src 'unsafe-inline'")
        #expect(!without.contains("figure.shot") && !without.contains("class=\"gallery\"") && !without.contains("shot-"))
        // An empty map entry and a target whose views all lack a PNG show no image either.
        let noImage = Self.report(screenshots: ["zj": [Self.phone]])
        #expect(noImage.firstMatch(of: policy).map { String($0.1) } == "default-src 'none'; style-src 'unsafe-inline'")
        #expect(!noImage.contains("<img") && noImage.contains("No screenshot 无截图"))
        #expect(Self.report(screenshots: ["zj": []]) == without, "no views, the report as before")
    }

    @Test func renderedEvidenceLinksToTheScreenshotOfItsPage() {
        let results = ReportFixture.results + [
            Self.rendered("SB-06", url: "https://www.zjzwfw.gov.cn/"),
            Self.rendered("SB-07", url: Self.hostileViewURL),
            Self.rendered("SB-08", url: "https://www.zjzwfw.gov.cn/elsewhere.html"),
        ]
        let html = Self.report(screenshots: ["zj": [Self.home, Self.phone]], results: results)
        func row(_ indicator: String) -> String {
            let after = html.components(separatedBy: "id=\"zj-\(indicator)\"").last ?? ""
            return after.components(separatedBy: "</tr>").first ?? ""
        }
        #expect(row("SB-06").contains("<a class=\"shot-link\" href=\"#shot-zj-3\">截图 screenshot</a>"),
                "evidence at the page's final URL")
        #expect(row("SB-07").contains("href=\"#shot-zj-3\""), "evidence at the browser's URL")
        #expect(!row("SB-08").contains("shot-link"), "no view of that page, no link")
        // The same page judged from the served HTML does not point at the screenshot.
        #expect(!row("SB-05").contains("shot-link"))
        #expect(html.contains("<figure class=\"shot\" id=\"shot-zj-9\">"), "a view without PNG keeps its anchor")
    }

    @Test func anchorsStayUniqueAndPhoneShotsShowAtScreenSize() {
        var again = Self.home
        again.png = Self.png(width: 750, height: 1624)
        again.viewport = .phone
        let html = Self.report(screenshots: ["zj": [Self.home, again]])
        #expect(html.contains("id=\"shot-zj-3\"") && html.contains("id=\"shot-zj-3-2\""))
        #expect(html.contains("width=\"375\" height=\"812\""), "a 2× capture at the phone's CSS size")
        #expect(html.contains("375×812 @2x mobile"))
        #expect(HTMLReport.TargetSection.pixelSize(Data([0x89, 0x50])) == nil, "a cut-off PNG has no size")
    }

    @Test func theScreenshotKeepsOnlyThePNGAndTheFacts() {
        let view = RenderedView(
            pageSequence: 5, url: "https://www.zjzwfw.gov.cn/#/home", dom: Data("<html></html>".utf8),
            elements: [RenderedElement(xpath: "/html", style: [:], box: nil)], screenshot: Self.home.png,
            viewport: .phone, engine: "Chrome/1", waitOutcome: .loadOnly,
            requests: [RenderedRequest(url: "https://a/", resourceType: "Script", status: 200, servedBySequence: 1),
                       RenderedRequest(url: "https://b/", resourceType: "XHR", error: "robots_disallowed"),
                       RenderedRequest(url: "https://c/", method: "POST", resourceType: "Fetch", error: "not_fetched")],
            elapsedMilliseconds: 800)
        let page = FetchRecord(target: "zj", role: .home, sequence: 5, url: "http://www.zjzwfw.gov.cn/",
                               finalURL: "https://www.zjzwfw.gov.cn/")
        let shot = ReportScreenshot(view: view, page: page)
        #expect(shot.requestCount == 3 && shot.refusedCount == 2)
        #expect(shot.pageRole == "home" && shot.pageURL == "http://www.zjzwfw.gov.cn/" && shot.viewURL == view.url)
        #expect(shot.png == Self.home.png && shot.waitOutcome == .loadOnly && shot.elapsedMilliseconds == 800)
        let orphan = ReportScreenshot(view: view, page: nil)
        #expect(orphan.pageRole.isEmpty && orphan.pageURL.isEmpty)
    }
}
