import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

/// Where the render stage captured a page, rules judge the DOM the browser built and say so;
/// a render that could not run the page's scripts decides no absence.
@Suite struct RenderedPageTests {
    let runner: ProbeRunner
    init() throws { runner = try Fixtures.runner() }

    static let shell = """
        <html><head><title>首页</title></head><body><div id="app"></div>
        <script src="/static/js/app.3f9a.js"></script></body></html>
        """
    static let built = """
        <!DOCTYPE html><html><head><title>首页</title></head><body><div id="app">
        <div class="header"><a href="/login">登录</a></div>
        <div class="footer"><p>网站标识码：4400000001 粤ICP备05070829号 粤公网安备 44010402000123号</p></div>
        </div></body></html>
        """
    static let empty = """
        <!DOCTYPE html><html><head><title>首页</title></head><body><div id="app"></div></body></html>
        """

    func site(rendered: String?, requests: [RenderedRequest] = [], wait: RenderedView.WaitOutcome = .networkIdle)
        -> ArchivedSite
    {
        var site = Fixtures.site([Fixtures.record(.home, html: Self.shell)])
        if let rendered {
            site.renders = [RenderedView(
                pageSequence: 0, url: Fixtures.homeURL, dom: Data(rendered.utf8), viewport: .desktop,
                engine: "Chrome/142", waitOutcome: wait, requests: requests)]
        }
        return site
    }

    @Test func marksTheScriptsBuiltPassFromTheRenderedView() {
        let results = runner.evaluate(site(rendered: Self.built), indicators: ["SB-05", "SB-07", "SB-08"])
        #expect(results.map(\.status) == [.pass, .pass, .pass], "\(results.map { $0.json.serialized() })")
        for result in results {
            #expect(result.evidence.first?.json["view"] == "rendered", "\(result.indicator)")
            // Seen in the rendered page, the mark is as certain as one in served HTML.
            #expect(result.confidence == .high, "\(result.indicator)")
        }
        #expect(results.first?.value == "4400000001")
    }

    @Test func withoutARenderTheShellDecidesNothing() {
        let results = runner.evaluate(site(rendered: nil), indicators: ["SB-05", "SB-07", "SB-08"])
        #expect(results.map(\.status) == [.undetermined, .undetermined, .undetermined])
        #expect(results.allSatisfy { $0.evidence.allSatisfy { $0.json["view"] == nil } })
    }

    @Test func aRenderedPageWithoutTheMarksFails() {
        let results = runner.evaluate(site(rendered: Self.empty.replacingOccurrences(
            of: "<div id=\"app\"></div>",
            with: "<div id=\"app\"><div class=\"news\"><p>政务公开 办事服务 互动交流 新闻发布 通知公告 政策解读 数据开放 政务服务"
                + " 热点专题 领导信息 机构职能</p></div><div class=\"footer\">版权所有 某某省人民政府办公厅</div></div>")),
            indicators: ["SB-07"])
        #expect(results.map(\.status) == [.fail], "\(results.map { $0.json.serialized() })")
    }

    @Test func aRenderWhoseBundleWasRefusedStaysUndetermined() {
        let refused = [
            RenderedRequest(url: Fixtures.homeURL, resourceType: "Document", status: 200, servedBySequence: 0),
            RenderedRequest(url: Fixtures.homeURL + "static/js/app.3f9a.js", resourceType: "Script",
                            error: "robots_disallowed"),
        ]
        let results = runner.evaluate(site(rendered: Self.empty, requests: refused), indicators: ["SB-07"])
        #expect(results.map(\.status) == [.undetermined])
        #expect(results.first?.reason?.contains("app.3f9a.js was not served (robots_disallowed)") == true,
                "\(results.first?.reason ?? "-")")
    }

    @Test func aRenderCutByTheTimeCapStaysUndetermined() {
        let results = runner.evaluate(site(rendered: Self.empty, wait: .timeCap), indicators: ["SB-07"])
        #expect(results.map(\.status) == [.undetermined])
    }

    /// Hidden-ness on a rendered page is the browser's: an image a script hid (computed display
    /// none) is not in the ACT rule's applicability, the same image shown fails it.
    @Test func accessibilityRulesReadTheComputedDisplay() {
        let dom = """
            <!DOCTYPE html><html lang="zh-CN"><head><title>首页</title></head><body><div id="app">
            <img src="/banner.png" class="banner"></div></body></html>
            """
        func result(display: String) -> IndicatorResult? {
            var site = Fixtures.site([Fixtures.record(.home, html: Self.shell)])
            let style = ["display": display, "visibility": "visible", "opacity": "1"]
            site.renders = [RenderedView(
                pageSequence: 0, url: Fixtures.homeURL, dom: Data(dom.utf8),
                elements: [
                    RenderedElement(xpath: "/html", style: ["display": "block"], box: .init(x: 0, y: 0, width: 1366, height: 768)),
                    RenderedElement(xpath: "/html/body", style: ["display": "block"], box: .init(x: 0, y: 0, width: 1366, height: 768)),
                    RenderedElement(xpath: "/html/body/div", style: ["display": "block"], box: .init(x: 0, y: 0, width: 1366, height: 100)),
                    RenderedElement(xpath: "/html/body/div/img", style: style,
                                    box: display == "none" ? nil : .init(x: 0, y: 0, width: 1366, height: 100)),
                ],
                viewport: .desktop, engine: "Chrome/142", waitOutcome: .networkIdle)]
            return runner.evaluate(site, indicators: ["ACT-23a2a8-home"]).first
        }
        #expect(result(display: "inline")?.status == .fail, "\(result(display: "inline")?.json.serialized() ?? "")")
        #expect(result(display: "none")?.status == .notApplicable, "\(result(display: "none")?.json.serialized() ?? "")")
    }
}
