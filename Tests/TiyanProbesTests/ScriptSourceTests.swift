import Testing
import TiyanCore
@testable import TiyanProbes

/// Footer marks written by scripts are a second source, with lower confidence than the DOM.
@Suite struct ScriptSourceTests {
    let runner: ProbeRunner
    init() throws { runner = try Fixtures.runner() }

    private let home = """
        <html><head><script src="/js/footer.js"></script></head><body><div class="main">首页</div>
        <div id="footer"><script>writeFooter();</script></div></body></html>
        """
    private let footerScript = """
        function writeFooter() {
          document.write('<p>主办单位：某某市人民政府办公厅 电话：0571-87000000</p>');
          document.write('<p>网站标识码：3301000001 浙ICP备05015370号-1</p>');
        }
        """

    private func records(script: String) -> [ExampleRecord] {
        [
            Fixtures.record(.home, html: home),
            Fixtures.record(
                .script, url: "https://www.example.gov.cn/js/footer.js",
                headers: [HTTPHeader(name: "Content-Type", value: "application/javascript")], html: script),
        ]
    }

    @Test func marksFromAnExternalScriptPassWithLowConfidence() throws {
        let results = runner.evaluate(
            Fixtures.site(records(script: footerScript)), indicators: ["SB-05", "SB-07", "SB-09"])
        #expect(results.map(\.status) == [.pass, .pass, .pass], "\(results.map { $0.json.serialized() })")
        for result in results {
            #expect(result.confidence == .low, "\(result.indicator)")
            #expect(result.evidence.first?.url == "https://www.example.gov.cn/js/footer.js", "\(result.indicator)")
            #expect(result.evidence.first?.json["source"] == "script", "\(result.indicator)")
        }
        #expect(results.first?.value == "3301000001")
    }

    @Test func withoutTheScriptTheMarkIsAbsent() throws {
        let results = runner.evaluate(
            Fixtures.site(records(script: "function writeFooter() {}")), indicators: ["SB-05"])
        #expect(results.first?.status == .fail)
        #expect(results.first?.evidence.first?.locator == "/html/body/div[2]")
    }
}
