import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

/// The services rules' decisions beyond their YAML examples: the guide layouts SV-11 reads (tabs
/// paired by position, a heading alone in its wrapper, an empty cell that must not borrow the next
/// row), the value shapes, and the crawl paths SV-13 counts.
@Suite struct ServicesRuleTests {
    private func guide(_ body: String, url: String = "https://www.example.gov.cn/bszn/1.html") -> [ExampleRecord] {
        [Fixtures.record(.home), Fixtures.record(.guide, url: url, html: "<html><body>\(body)</body></html>")]
    }

    private func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    @Test func valueListsEveryElementOnceAsPresentOrMissing() throws {
        let runner = try Fixtures.runner()
        let result = try #require(Fixtures.result(runner, "SV-11", guide("<p>受理条件：年满十六周岁</p>")))
        let service = try #require(result.value["services"]?.arrayValue?.first)
        let present = strings(service["present"]), missing = strings(service["missing"])
        #expect(present == ["acceptance_conditions"])
        #expect(Set(present + missing) == Set(GuideElements.keys) && present.count + missing.count == 12)
        #expect(service["coverage"]?.doubleValue == 0.08)
        #expect(result.evidence.first?.json["element"]?.stringValue == "acceptance_conditions")
        #expect(result.evidence.first?.snippet == "受理条件：年满十六周岁")
    }

    /// Tabs without ids: the pane at the tab's position in the block after the tab list.
    @Test func tabsArePairedWithPanesByPosition() throws {
        let runner = try Fixtures.runner()
        let body = """
            <ul class="tab"><li>受理条件</li><li>申请材料</li><li>设定依据</li></ul>
            <div class="panes"><div>持有效证件的居民</div><div>身份证原件</div><div>《某某条例》第五条</div></div>
            """
        let result = try #require(Fixtures.result(runner, "SV-11", guide(body)))
        let evidence = Dictionary(uniqueKeysWithValues: result.evidence.compactMap { item in
            item.json["element"]?.stringValue.map { ($0, item.snippet) }
        })
        #expect(evidence["acceptance_conditions"] == "受理条件：持有效证件的居民")
        #expect(evidence["materials"] == "申请材料：身份证原件")
        #expect(evidence["legal_basis"] == "设定依据：《某某条例》第五条")
    }

    /// An empty value cell states nothing, and the next row's cells are not its value.
    @Test func anEmptyCellIsEmptyNotTheNextRow() throws {
        let runner = try Fixtures.runner()
        let body = "<table><tr><td>收费标准</td><td></td></tr><tr><td>办理地点</td><td>市民中心</td></tr></table>"
        let result = try #require(Fixtures.result(runner, "SV-11", guide(body)))
        let service = try #require(result.value["services"]?.arrayValue?.first)
        #expect(strings(service["present"]) == ["place"])
        #expect(strings(service["empty"]) == ["fees"])
    }

    /// A heading wrapped alone in a title block introduces the block after the wrapper; a title
    /// block holding other text does not.
    @Test func aWrappedHeadingIntroducesTheNextBlock() throws {
        let runner = try Fixtures.runner()
        let body = """
            <div class="t"><h3>办理流程</h3></div><div class="c">网上申请，审核，办结</div>
            <div class="t"><h3>办理结果</h3><span>见下</span></div><div class="c">不应读作结果</div>
            """
        let result = try #require(Fixtures.result(runner, "SV-11", guide(body)))
        let service = try #require(result.value["services"]?.arrayValue?.first)
        #expect(strings(service["present"]).contains("process"))
        #expect(result.evidence.contains { $0.snippet == "办理结果：不应读作结果" } == false)
    }

    /// A guide reached from a search result is two clicks; one reached from a page of the crawl
    /// that the archive does not hold has no known path (undetermined, never a guess).
    @Test func clicksFollowTheCrawlsPath() throws {
        let runner = try Fixtures.runner()
        var search = Fixtures.record(.searchResults, url: "https://www.example.gov.cn/search?q=x",
                                     html: "<html><body><a href='/bszn/1.html'>居民身份证换领</a></body></html>",
                                     discoveredFrom: "form /html/body/form")
        search.searchQuery = nil
        let viaSearch = [Fixtures.record(.home), search,
                         Fixtures.record(.guide, url: "https://www.example.gov.cn/bszn/1.html",
                                         discoveredFrom: "https://www.example.gov.cn/search?q=x /html/body/a")]
        let result = try #require(Fixtures.result(runner, "SV-13", viaSearch))
        #expect(result.status == .pass)
        #expect(result.value["max_clicks"]?.doubleValue == 2)
        let orphan = [Fixtures.record(.home),
                      Fixtures.record(.guide, url: "https://www.example.gov.cn/bszn/1.html",
                                      discoveredFrom: "https://www.example.gov.cn/gone.html /html/body/a")]
        #expect(Fixtures.result(runner, "SV-13", orphan)?.status == .undetermined)
    }

    /// A stated 12345 in a news title is not the hotline's entry; a tel: link is.
    @Test func hotlineIsAnEntryNotAMention() throws {
        let runner = try Fixtures.runner()
        let news = [Fixtures.record(.home, html: "<html><body><a href='/art/1.html'>12345热线工作情况通报</a></body></html>")]
        #expect(Fixtures.result(runner, "SV-03", news)?.status == .fail)
        let tel = [Fixtures.record(.home, html: "<html><body><a href='tel:12345'>政务热线</a></body></html>")]
        let result = try #require(Fixtures.result(runner, "SV-03", tel))
        #expect(result.status == .pass && result.value["entry"]?.stringValue == "tel:12345")
    }
}
