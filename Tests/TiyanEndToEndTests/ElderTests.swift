import Foundation
import Testing

/// The elder-friendly indicators on two fixture portals crawled over loopback: 卯省 (mao) built
/// for older visitors, and 丁省 (ding), a GBK portal whose 长辈版 page has a floating ad, a
/// download button, small text in a GBK stylesheet and whose login has a slider captcha only.
@Suite struct ElderTests {
    static let cases: [(indicator: String, passing: String, failing: String, failingStatus: String)] = [
        ("EL-01", "mao", "yi", "fail"), ("EL-02", "mao", "yi", "fail"), ("EL-03", "mao", "ding", "fail"),
        ("EL-04", "mao", "ding", "fail"), ("EL-05", "mao", "ding", "fail"),
        ("EL-06", "mao", "ding", "fail"), ("EL-07", "mao", "ding", "fail"), ("EL-08", "mao", "ding", "fail"),
        ("EL-09", "mao", "ding", "fail"), ("EL-10", "mao", "ding", "fail"), ("EL-11", "mao", "ding", "partial"),
        ("EL-12", "mao", "ding", "fail"), ("EL-13", "mao", "ding", "fail"),
    ]

    @Test(arguments: cases.map(\.indicator))
    func passingAndFailingFixtures(indicator: String) async throws {
        let run = try await FixtureRun.shared.value
        let entry = try #require(Self.cases.first { $0.indicator == indicator })
        let passing = try run.result(entry.passing, indicator)
        let failing = try run.result(entry.failing, indicator)
        #expect(passing["status"]?.stringValue == "pass", "\(entry.passing): \(passing.serialized().prefix(800))")
        #expect(
            failing["status"]?.stringValue == entry.failingStatus,
            "\(entry.failing): \(failing.serialized().prefix(800))")
        for result in [passing, failing] {
            #expect((result["evidence"]?.arrayValue?.count ?? 0) > 0, "\(indicator) has no evidence")
        }
    }

    @Test func discoveryFindsTheElderAndLoginPages() async throws {
        let run = try await FixtureRun.shared.value
        #expect(
            try run.pages("ding", role: "elder").first?["url"]?.stringValue
                == "http://www.dingzwfw.gov.cn/elder/index.html")
        #expect(
            try run.pages("ding", role: "login").first?["url"]?.stringValue
                == "http://www.dingzwfw.gov.cn/login/index.html")
        #expect(
            try run.pages("mao", role: "elder").first?["url"]?.stringValue == "http://www.maozwfw.gov.cn/zhgh/index.html")
        #expect(
            try run.pages("mao", role: "login").first?["url"]?.stringValue == "http://www.maozwfw.gov.cn/user/login.html")
        // The elder page's own sheet is archived for EL-05..07.
        let sheets = try run.pages("ding", role: "stylesheet").compactMap { $0["url"]?.stringValue }
        #expect(sheets.contains("http://www.dingzwfw.gov.cn/css/elder.css"))
        // …and what that sheet @imports.
        let wuSheets = try run.pages("mao", role: "stylesheet").compactMap { $0["url"]?.stringValue }
        #expect(wuSheets.contains("http://www.maozwfw.gov.cn/css/zhgh-color.css"), "\(wuSheets)")
        #expect(try run.result("mao", "EL-07")["value"]?["pairs"]?.doubleValue == 4)
    }

    /// ding has no entry text in its HTML: the header script writes 长辈版/关怀版 (aria.oldFixedStart()).
    @Test func entryWrittenByTheHeaderScript() async throws {
        let run = try await FixtureRun.shared.value
        let ding = try run.result("ding", "EL-01")
        #expect(ding["status"]?.stringValue == "pass", "\(ding.serialized().prefix(800))")
        let evidence = ding["evidence"]?.arrayValue?.first
        #expect(evidence?["url"]?.stringValue == "http://www.dingzwfw.gov.cn/js/header.js")
        // header.js is loaded in <head>, but writes where the page calls ding_header(): div#header.
        #expect(ding["value"]?["position"]?.stringValue == "header")
        let wu = try run.result("mao", "EL-01")
        #expect(wu["status"]?.stringValue == "pass")
        #expect(wu["value"]?["position"]?.stringValue == "header")
    }

    @Test func toolbarVendorAndAbsence() async throws {
        let run = try await FixtureRun.shared.value
        let wu = try run.result("mao", "EL-02")
        #expect(wu["status"]?.stringValue == "pass")
        #expect(wu["value"]?["vendor"]?.stringValue == "govwza")
        #expect(try run.status("ding", "EL-02") == "pass")
    }

    /// The GBK sheets decode right (from @charset, and from the page's charset when the sheet
    /// says nothing), print and narrow-screen @media blocks do not apply, the min-width one does.
    @Test func gbkStylesheetWithMediaBlocks() async throws {
        let run = try await FixtureRun.shared.value
        let fontSize = try run.result("ding", "EL-05")
        #expect(fontSize["value"]?["font_size_px"]?.doubleValue == 16)
        #expect(fontSize["value"]?["judged_page"]?.stringValue == "elder")
        #expect(
            fontSize["value"]?["distribution"]?["17"]?.doubleValue == 3,
            "the min-width:1200px rule applies at desktop width")
        #expect(fontSize["value"]?["distribution"]?["24"] == nil, "print rules do not apply")
        let lineHeight = try run.result("ding", "EL-06")
        let snippets = lineHeight["evidence"]?.arrayValue?.compactMap { $0["snippet"]?.stringValue } ?? []
        #expect(snippets.contains { $0.contains("微软雅黑") }, "\(snippets)")
        let contrast = try run.result("ding", "EL-07")
        #expect(contrast["value"]?["pairs"]?.doubleValue == 5)
        #expect(contrast["value"]?["share_passing"]?.doubleValue == 0.4)
    }

    @Test func floatingAdDownloadButtonAndSliderCaptcha() async throws {
        let run = try await FixtureRun.shared.value
        let ads = try run.result("ding", "EL-03")
        #expect(ads["value"]?["count"]?.doubleValue == 1)
        #expect(ads["evidence"]?.arrayValue?.first?["locator"]?.stringValue?.contains("div") == true)
        let buttons = try run.result("ding", "EL-04")
        #expect(buttons["value"]?["texts"]?.arrayValue?.first?.stringValue == "立即下载APP")
        let captcha = try run.result("ding", "EL-12")
        #expect(captcha["value"]?["captcha_type"]?.stringValue == "slider")
        #expect(captcha["value"]?["alt_present"]?.boolValue == false)
        let wuCaptcha = try run.result("mao", "EL-12")
        #expect(wuCaptcha["value"]?["captcha_type"]?.stringValue == "image")
        #expect(wuCaptcha["value"]?["alt_present"]?.boolValue == true)
    }
}
