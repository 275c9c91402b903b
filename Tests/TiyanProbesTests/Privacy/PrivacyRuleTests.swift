import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

/// The privacy rules' decisions beyond their YAML examples: PR-06's statement-versus-mention
/// judgement, the value shapes, and what a PDF, a frame or a broken chain of links gives.
@Suite struct PrivacyRuleTests {
    private func policy(_ body: String, url: String = "https://www.example.gov.cn/yszc.html") -> [ExampleRecord] {
        [Fixtures.record(.home), Fixtures.record(.privacy, url: url, html: "<html><body>\(body)</body></html>")]
    }

    private func present(_ result: IndicatorResult?) -> [String] {
        result?.value["present"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test func coverageValueHasTheFixedShape() throws {
        let runner = try Fixtures.runner()
        let result = try #require(Fixtures.result(runner, "PR-06", policy("<p>我们会收集您的手机号码，用于登录验证。</p>")))
        let value = result.value
        let present = present(result)
        let missing = value["missing"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(Set(present + missing) == Set(PolicyElement.allCases.map(\.rawValue)))
        #expect(value["coverage"]?.doubleValue == (Double(present.count) / 12 * 100).rounded() / 100)
        for key in present {
            #expect(result.evidence.contains { $0.json["element"]?.stringValue == key }, "\(key) has no evidence")
        }
    }

    @Test func aSectionHeadingRanksTheSentenceThatStatesTheElementFirst() throws {
        let runner = try Fixtures.runner()
        let body = """
            <div class="content"><h1>某某市政务服务网隐私政策</h1>
            <p>涉及第三方服务的内容，请查阅本政策所述的相关条款。</p>
            <h2>三、我们如何共享您的个人信息</h2>
            <p>我们仅在办理事项需要时，与该事项的主管部门共享您的申请材料。</p></div>
            """
        let result = try #require(Fixtures.result(runner, "PR-06", policy(body)))
        let sharing = result.evidence.filter { $0.json["element"]?.stringValue == "sharing" }
        // The cross-reference names 第三方 but says nothing; the sentence under the heading does.
        #expect(sharing.first?.snippet.contains("主管部门共享") == true, "\(sharing.map(\.snippet))")
    }

    @Test func aSentenceUnderAHeadingAboutOneElementStatesItWithoutCueWords() throws {
        let runner = try Fixtures.runner()
        let body = """
            <div class="content"><h1>隐私政策</h1><p>本平台由某某市大数据局运营。</p>
            <h2>三、我们如何共享您的个人信息</h2>
            <p>我们仅在取得您的同意后，向办理事项的主管部门提供您的申请材料。</p></div>
            """
        let result = try #require(Fixtures.result(runner, "PR-06", policy(body)))
        #expect(present(result).contains("sharing"))
        let sharing = result.evidence.filter { $0.json["element"]?.stringValue == "sharing" }
        #expect(sharing.contains { $0.snippet.contains("主管部门提供") }, "\(sharing.map(\.snippet))")
    }

    @Test func theSiteFooterIsNotThePolicysContact() throws {
        let runner = try Fixtures.runner()
        let body = """
            <div class="container"><div class="article"><h1>隐私声明</h1><p>本网站尊重并保护所有使用服务用户的个人隐私权。</p>
            <p>未经您的许可，本网站不会将您的资料用于其他用途。</p><p>本声明的最终解释权归本网站所有。</p></div>
            <div class="footer">主办单位：某某市人民政府办公室 联系电话：0571-87654321</div></div>
            """
        let result = try #require(Fixtures.result(runner, "PR-06", policy(body)))
        #expect(!present(result).contains("contact"))
        #expect(result.status == .fail)
    }

    @Test func aPDFPolicyExistsButItsTextIsUndetermined() throws {
        let runner = try Fixtures.runner()
        let records = [
            Fixtures.record(.home),
            Fixtures.record(.privacy, url: "https://www.example.gov.cn/yszc.pdf",
                            headers: [HTTPHeader(name: "Content-Type", value: "application/octet-stream")],
                            html: "%PDF-1.7 ...", error: .notHTML),
        ]
        let presence = try #require(Fixtures.result(runner, "PR-01", records))
        #expect(presence.status == .pass)
        #expect(presence.value["form"]?.stringValue == "pdf")
        for id in ["PR-06", "PR-07", "PR-10", "PR-11"] {
            #expect(Fixtures.result(runner, id, records)?.status == .undetermined, "\(id)")
        }
    }

    @Test func aFramedPolicyIsReportedAsAFrame() throws {
        let runner = try Fixtures.runner()
        let records = policy("<iframe src='/static/yszc/index.html' width='100%'></iframe>")
        let presence = try #require(Fixtures.result(runner, "PR-01", records))
        #expect(presence.value["form"]?.stringValue == "frame")
        #expect(Fixtures.result(runner, "PR-06", records)?.status == .undetermined)
    }

    @Test func aBrokenChainOfLinksLeavesTheDepthUndetermined() throws {
        let runner = try Fixtures.runner()
        let records = [
            Fixtures.record(.home),
            Fixtures.record(.privacy, url: "https://www.example.gov.cn/yszc.html",
                            discoveredFrom: "https://www.example.gov.cn/elsewhere.html /html/body/a «隐私政策»"),
        ]
        #expect(Fixtures.result(runner, "PR-03", records)?.status == .undetermined)
    }

    @Test func aForwardToTheIdentityHostIsNotAClick() throws {
        let runner = try Fixtures.runner()
        let home = Fixtures.homeURL
        let records = [
            Fixtures.record(.home),
            Fixtures.record(.login, url: home + "login", discoveredFrom: home + " /html/body/a «登录»"),
            // The portal's login page forwards by meta refresh: a bare URL, no link followed.
            Fixtures.record(.login, url: "https://tyrz.example.gov.cn/login", discoveredFrom: home + "login"),
            Fixtures.record(.privacy, url: "https://tyrz.example.gov.cn/privacy",
                            discoveredFrom: "https://tyrz.example.gov.cn/login /html/body/form/a «隐私政策»"),
        ]
        let result = try #require(Fixtures.result(runner, "PR-03", records))
        #expect(result.status == .pass)
        #expect(result.value.doubleValue == 2)
    }

    @Test func aTrackerInsideALoadedScriptFileCounts() throws {
        let runner = try Fixtures.runner()
        let records = [
            Fixtures.record(.home, html: "<html><head><script src='/js/common.js'></script></head><body><p>首页</p></body></html>"),
            Fixtures.record(.script, url: Fixtures.homeURL + "js/common.js",
                            headers: [HTTPHeader(name: "Content-Type", value: "application/javascript")],
                            html: "var s=document.createElement('script');s.src='//hm.baidu.com/hm.js?1';document.head.appendChild(s);"),
            Fixtures.record(.privacy, url: Fixtures.homeURL + "yszc.html",
                            html: "<html><body><p>我们仅收集办理事项所必需的个人信息，并采取安全措施加以保护。</p></body></html>"),
        ]
        let result = try #require(Fixtures.result(runner, "PR-09", records))
        #expect(result.status == .fail)
        #expect(result.value.doubleValue == 1)
        #expect(result.evidence.first?.url == Fixtures.homeURL + "js/common.js")
    }

    @Test func cancellationDaysAreReadInChineseNumerals() {
        #expect(ChineseNumber.value("十五") == 15)
        #expect(ChineseNumber.value("三十") == 30)
        #expect(ChineseNumber.value("七") == 7)
        #expect(ChineseNumber.value("二十一") == 21)
        #expect(ChineseNumber.value("15") == 15)
        #expect(ChineseNumber.value("个") == nil)
    }

    @Test func styleSelectorsBecomeXPaths() {
        #expect(PolicyReadability.xpath(of: ".main .article p") == "//body//p")
        #expect(PolicyReadability.xpath(of: "div.con.txt")
                == "//body//div[contains(concat(' ', normalize-space(@class), ' '), ' con ') and contains(concat(' ', normalize-space(@class), ' '), ' txt ')]")
        #expect(PolicyReadability.xpath(of: "#policy") == "//*[@id='policy']")
        #expect(PolicyReadability.xpath(of: "a:hover") == nil)
        #expect(PolicyReadability.xpath(of: "input[type=text]") == nil)
    }

    @Test func sentencesKeepTheirMarks() {
        #expect(PolicyText.split("我们收集信息。用于办事！是否同意？好") == ["我们收集信息。", "用于办事！", "是否同意？", "好"])
    }
}
