import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

/// On a rendered elder page, EL-05..07 judge the style the browser computed for the text the
/// citizen sees, not a re-derived cascade: sizes, spacing and colours set by scripts count, an
/// element without a layout box does not, and text over a picture has no contrast to compute.
@Suite struct RenderedStyleTests {
    let runner: ProbeRunner
    init() throws { runner = try Fixtures.runner() }

    static let elderURL = "https://www.example.gov.cn/elder/"
    static let shell = """
        <html><head><title>长辈版</title></head><body><div id="app"></div><script src="/elder/app.js"></script></body></html>
        """
    static let dom = """
        <!DOCTYPE html><html><head><title>长辈版</title></head><body><div id="app"><div class="main">
        <p>社保查询</p><p>医保查询</p><p>养老金领取资格认证</p><p style="display:none">隐藏的通知</p>
        </div></div></body></html>
        """

    struct Text {
        var size = "20px"
        var line = "36px"
        var color = "rgb(51, 51, 51)"
        var weight = "400"
    }

    func element(_ path: String, _ text: Text, shown: Bool = true, background: String = "rgba(0, 0, 0, 0)",
                 image: String = "none") -> RenderedElement {
        RenderedElement(
            xpath: path,
            style: ["display": shown ? "block" : "none", "visibility": "visible", "font-size": text.size,
                    "line-height": text.line, "color": text.color, "background-color": background,
                    "opacity": "1", "position": "static", "font-weight": text.weight, "background-image": image],
            box: shown ? .init(x: 8, y: 8, width: 300, height: 36) : nil)
    }

    func site(_ text: Text, hidden: Text = Text(size: "10px", line: "10px", color: "rgb(200, 200, 200)"),
              pageBackground: String = "rgb(255, 255, 255)", image: String = "none") -> ArchivedSite {
        var site = Fixtures.site([
            Fixtures.record(.home, html: "<html><body><a href='/elder/'>长辈版</a></body></html>"),
            Fixtures.record(.elder, url: Self.elderURL, html: Self.shell),
        ])
        let elements = [
            element("/html/body", Text(), background: pageBackground),
            element("/html/body/div", Text(), image: image),
            element("/html/body/div/div", Text()),
            element("/html/body/div/div/p[1]", text),
            element("/html/body/div/div/p[2]", text),
            element("/html/body/div/div/p[3]", text),
            element("/html/body/div/div/p[4]", hidden, shown: false),
        ]
        site.renders = [RenderedView(
            pageSequence: 1, url: Self.elderURL, dom: Data(Self.dom.utf8), elements: elements, viewport: .desktop,
            engine: "Chrome/142.0.7444.175", waitOutcome: .networkIdle)]
        return site
    }

    func results(_ site: ArchivedSite) -> [String: IndicatorResult] {
        Dictionary(uniqueKeysWithValues: runner.evaluate(site, indicators: ["EL-05", "EL-06", "EL-07"]).map {
            ($0.indicator, $0)
        })
    }

    @Test func computedSizeSpacingAndColoursOfTheShownTextDecide() {
        let results = results(site(Text()))
        #expect(results["EL-05"]?.status == .pass, "\(results["EL-05"]?.json.serialized() ?? "")")
        #expect(results["EL-05"]?.value["font_size_px"]?.doubleValue == 20)
        #expect(results["EL-05"]?.value["text_elements"]?.doubleValue == 3, "the hidden paragraph is not read")
        #expect(results["EL-06"]?.status == .pass)
        #expect(results["EL-06"]?.value["line_height_ratio"]?.doubleValue == 1.8)
        #expect(results["EL-07"]?.status == .pass, "\(results["EL-07"]?.json.serialized() ?? "")")
        for id in ["EL-05", "EL-06", "EL-07"] {
            #expect(results[id]?.evidence.first?.json["view"] == "rendered", "\(id)")
            #expect(results[id]?.evidence.first?.locator == "/html/body/div/div/p[1]", "\(id)")
            #expect(results[id]?.value["computed_by"]?.stringValue == "Chrome/142.0.7444.175", "\(id)")
            #expect(results[id]?.confidence == .high, "\(id)")
        }
    }

    @Test func smallTightPaleTextFails() {
        let results = results(site(Text(size: "14px", line: "normal", color: "rgb(170, 170, 170)")))
        #expect(results["EL-05"]?.status == .fail)
        #expect(results["EL-05"]?.value["font_size_px"]?.doubleValue == 14)
        // `normal` is the font's own spacing: the shared assumption of probes/elder.yaml.
        #expect(results["EL-06"]?.status == .fail)
        #expect(results["EL-06"]?.value["line_height_ratio"]?.doubleValue == 1.2)
        #expect(results["EL-07"]?.status == .fail, "#aaa on white is 2.32:1")
    }

    @Test func largeBoldTextNeedsOnlyTheLargeTextRatio() {
        // #888 on white is 3.54:1: too little for body text, enough for 19px bold (WCAG large).
        let bold = results(site(Text(size: "19px", line: "30px", color: "rgb(136, 136, 136)", weight: "700")))
        #expect(bold["EL-07"]?.status == .pass, "\(bold["EL-07"]?.json.serialized() ?? "")")
        let regular = results(site(Text(size: "19px", line: "30px", color: "rgb(136, 136, 136)")))
        #expect(regular["EL-07"]?.status == .fail)
    }

    @Test func textOverAPictureHasNoContrastToCompute() {
        let results = results(site(Text(), image: "url(\"https://www.example.gov.cn/bg.jpg\")"))
        #expect(results["EL-07"]?.status == .undetermined, "\(results["EL-07"]?.json.serialized() ?? "")")
        #expect(results["EL-05"]?.status == .pass, "sizes are still read")
    }

    @Test func aTranslucentBackgroundIsPaintedOverWhatIsBehindIt() {
        // Dark grey text on a half-transparent black over white: the painted background is
        // rgb(128, 128, 128), against which rgb(51, 51, 51) is 2.9:1.
        let results = results(site(Text(), pageBackground: "rgba(0, 0, 0, 0.5)"))
        #expect(results["EL-07"]?.status == .fail, "\(results["EL-07"]?.json.serialized() ?? "")")
    }
}
