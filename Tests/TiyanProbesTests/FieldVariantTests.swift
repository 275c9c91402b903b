import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

/// Outcomes of the real-portal variants (issue 17) that YAML examples cannot state: values,
/// evidence and the undetermined answers.
@Suite struct FieldVariantTests {
    private let home = Fixtures.homeURL

    private func homePage(_ body: String, head: String = "") -> ExampleRecord {
        Fixtures.record(.home, html: "<html><head>\(head)</head><body>\(body)</body></html>")
    }

    @Test func aFooterCodeThatDisagreesWithTheMetaIsReportedWithBothSources() throws {
        let runner = try Fixtures.runner()
        let page = homePage("<div class='footer'>网站标识码：3300000001</div>",
                            head: "<meta name='SiteIDCode' content='3300000002'>")
        let result = try #require(Fixtures.result(runner, "SB-05", [page]))
        #expect(result.status == .pass)
        #expect(result.value.stringValue == "3300000001")
        #expect(result.confidence == .medium)
        #expect(result.evidence.map { $0.json["code_source"]?.stringValue } == ["footer", "meta"])
        #expect(result.evidence.map { $0.json["code"]?.stringValue } == ["3300000001", "3300000002"])
        #expect(result.reason?.contains("3300000002") == true)
        // Agreeing sources stay one plain answer.
        let agreeing = homePage("<div class='footer'>网站识别码：3300000001</div>",
                                head: "<meta name='SiteIDCode' content='3300000001'>")
        let plain = try #require(Fixtures.result(runner, "SB-05", [agreeing]))
        #expect(plain.evidence.count == 1 && plain.confidence == .high && plain.reason == nil)
    }

    @Test func aPolicyFoundOnlyByItsLinkCarriesTheAddress() throws {
        let runner = try Fixtures.runner()
        let result = try #require(Fixtures.result(runner, "PR-01", [homePage("<a href='/zt/ysbh.html'>隐私政策</a>")]))
        #expect(result.status == .pass)
        #expect(result.value["url"]?.stringValue == "https://www.example.gov.cn/zt/ysbh.html")
    }

    private func login(_ body: String) -> [ExampleRecord] {
        [
            homePage("<a href='https://tyrz.example.gov.cn/login'>登录</a>"),
            Fixtures.record(.login, url: "https://tyrz.example.gov.cn/login", html: "<html><body>\(body)</body></html>"),
        ]
    }

    @Test func theSocialSecurityCardIsNamedWhenItScansButNotAsATabOfItsOwn() throws {
        let runner = try Fixtures.runner()
        let scans = login("<div class='ewm'><div id='qrcode'></div><p>请使用电子社保卡扫码登录</p></div>")
        #expect(Fixtures.result(runner, "LG-03", scans)?.value.arrayValue?.compactMap(\.stringValue) == ["电子社保卡"])
        let tabs = login(
            "<ul class='tabs'><li>电子社保卡登录</li><li>扫码登录</li></ul><div class='qrcode'><p>请使用支付宝扫码</p></div>")
        #expect(Fixtures.result(runner, "LG-03", tabs)?.value.arrayValue?.compactMap(\.stringValue) == ["支付宝"])
        #expect(Fixtures.result(runner, "LG-04", tabs)?.status == .pass)
    }

    @Test func aShareQRCodeNamesNoApp() throws {
        let runner = try Fixtures.runner()
        let records = login(
            "<div class='qrcode-box'><img src='/qr/login.png'><p>请使用浙里办扫码登录</p></div>"
                + "<div class='share'><div class='qrcode'></div><span>微信扫一扫分享</span></div>")
        #expect(Fixtures.result(runner, "LG-03", records)?.value.arrayValue?.compactMap(\.stringValue) == ["浙里办"])
    }

    @Test func aHomePageWhoseOnlyLoginBoxIsTheStaffsHasNoCitizenLogin() throws {
        let runner = try Fixtures.runner()
        let records = [homePage(
            "<div class='oa'><h3>办公系统登录</h3><form action='http://oa.example.gov.cn/login'><input name='u'><input type='password' name='p'></form></div>")]
        #expect(Fixtures.result(runner, "LG-01", records)?.status == .undetermined)
        let citizen = [homePage("<div class='login'><form><input name='u'><input type='password' name='p'><a href='/reg'>注册</a></form></div>")]
        #expect(Fixtures.result(runner, "LG-01", citizen)?.status == .pass)
    }

    @Test func aSliderBesideAHiddenCaptchaTokenIsASlider() throws {
        let runner = try Fixtures.runner()
        let records = [
            homePage("<a href='/login'>登录</a>"),
            Fixtures.record(.login, url: "https://www.example.gov.cn/login", html: """
                <html><body><form><input type='hidden' name='captchaVerification'><input type='password' name='p'>
                <div class='verify-slider'><span>向右滑动完成验证</span></div></form></body></html>
                """),
        ]
        let result = try #require(Fixtures.result(runner, "EL-12", records))
        #expect(result.value["captcha_type"]?.stringValue == "slider")
        #expect(result.status == .fail)
    }

    @Test func anUnreadFooterScriptLeavesTheFooterMarksUndetermined() throws {
        let runner = try Fixtures.runner()
        let page = homePage("<div id='footer'></div><script src='/js/footer.js'></script><script src='/js/jquery.min.js'></script>")
        for id in ["SB-05", "SB-07", "SB-08", "SB-09"] {
            let result = try #require(Fixtures.result(runner, id, [page]))
            #expect(result.status == .undetermined, "\(id)")
            #expect(result.reason?.contains("footer.js") == true, "\(id)")
            let unread = result.evidence.first?.json["scripts_not_read"]?.arrayValue ?? []
            #expect(unread.map { $0["why"]?.stringValue } == ["not_fetched", "library"], "\(id)")
        }
        // A library alone is named but decides nothing: the footer is in the page, and empty.
        let library = homePage("<div id='footer'>版权所有</div><script src='/js/jquery.min.js'></script>")
        let result = try #require(Fixtures.result(runner, "SB-07", [library]))
        #expect(result.status == .fail)
        #expect(result.evidence.first?.json["scripts_not_read"]?.arrayValue?.first?["url"]?.stringValue
                == "https://www.example.gov.cn/js/jquery.min.js")
        // An empty footer element and an unread script of any name: undetermined too.
        let placeholder = homePage("<div id='footer'></div><script src='/js/gg.js'></script>")
        let filled = try #require(Fixtures.result(runner, "SB-07", [placeholder]))
        #expect(filled.status == .undetermined)
        #expect(filled.reason?.contains("gg.js") == true)
        // The footer script read: its marks count.
        let read = [page, Fixtures.record(.script, url: "https://www.example.gov.cn/js/footer.js",
                                          headers: [HTTPHeader(name: "Content-Type", value: "application/javascript")],
                                          html: "document.write('<p>滇ICP备05000221号-2</p>');")]
        #expect(Fixtures.result(runner, "SB-07", read)?.status == .pass)
    }

    /// `tiyan check --role login FILE`: the one page is judged for its marks and entries too.
    @Test func aSiteOfOneLoginPageJudgesItsMarksAndEntries() throws {
        let runner = try Fixtures.runner()
        let records = [ExampleRecord(
            role: .login, url: "https://tyrz.example.gov.cn/login",
            html: "<html><body><div class='top'><a href='/care/'>关怀版</a></div><form><input type='password' name='p'></form>"
                + "<div class='footer'>黔ICP备 2021001234号 黔公网安备 52010302000109号 网站标识码：5200000001</div></body></html>")]
        let site = Fixtures.site(records)
        let results = runner.evaluate(site, indicators: ["SB-05", "SB-07", "SB-08", "EL-01", "LG-01"])
        #expect(results.map(\.status) == [.pass, .pass, .pass, .pass, .pass], "\(results.map { ($0.indicator, $0.status, $0.reason) })")
    }

    @Test func aToolbarLoaderAddedWithCreateElementNamesItsVendor() throws {
        let runner = try Fixtures.runner()
        let page = homePage(
            "<script>var s = document.createElement('script'); s.src = '//wza.zj.gov.cn/cniil/assist.js?sid=11963&pos=left'; document.body.appendChild(s);</script>")
        let result = try #require(Fixtures.result(runner, "EL-02", [page]))
        #expect(result.status == .pass)
        #expect(result.value["vendor"]?.stringValue == "zhejiang")
    }

    @Test func aSearchBoxOutsideAFormIsAnEntryThatCannotBeReplayed() throws {
        let runner = try Fixtures.runner()
        let page = homePage("<div class='ss'><input type='text' placeholder='请输入关键字'><button onclick='doSearch()'>搜索</button></div>")
        let result = try #require(Fixtures.result(runner, "SR-01", [page]))
        #expect(result.status == .pass)
        #expect(result.value["source"]?.stringValue == "box")
        #expect(result.value["replayable"]?.boolValue == false)
    }
}
