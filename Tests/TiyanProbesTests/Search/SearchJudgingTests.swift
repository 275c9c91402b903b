import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

@Suite struct SearchJudgingTests {
    @Test func normalisationRemovesTagsFoldsWidthAndDropsWhiteSpace() {
        #expect(SearchText.normalised("<em>住房公积金</em> 提取\u{3000}") == "住房公积金提取")
        #expect(SearchText.normalised("ＩＤ　Ｃａｒｄ") == "IDCard")
    }

    @Test func dottedPathsReachNestedListsAndIndexes() throws {
        let value = try JSONValue.parse(#"{"data":{"list":[{"t":"a"},{"t":"b"}]}}"#)
        #expect(ResultExtractor.follow("data.list", in: value)?.arrayValue?.count == 2)
        #expect(ResultExtractor.follow("data.list.1.t", in: value)?.stringValue == "b")
        #expect(ResultExtractor.follow("data.none", in: value) == nil)
    }

    /// A configured JSON API: one service first, then news; P@5 counts over 5 whatever the count.
    @Test func aConfiguredJSONAnswerIsJudgedByItsPaths() throws {
        let query = SearchQuery(text: "公积金提取", base: "公积金提取", gold: "住房公积金提取", synonyms: ["公积金提取"],
                                relevantLink: "bszn|guide", k: 5)
        let body = #"{"data":{"list":[{"title":"住房<em>公积金提取</em>","url":"/bszn/1.html"},{"title":"公积金提取新闻","url":"/art/2.html"}]}}"#
        let record = FetchRecord(target: "t", role: .searchResults, url: "https://www.example.gov.cn/api?q=x", status: 200,
                                 headers: [HTTPHeader(name: "Content-Type", value: "application/json")],
                                 body: Data(body.utf8), configured: true, searchQuery: query)
        let target = Target(id: "t", name: "t", region: "000000", url: "https://www.example.gov.cn/",
                            search: .init(url: "https://www.example.gov.cn/api?q={query}", results: .json,
                                          item: "data.list", title: "title", link: "url"))
        let home = FetchRecord(target: "t", role: .home, url: "https://www.example.gov.cn/", status: 200,
                               headers: [HTTPHeader(name: "Content-Type", value: "text/html")],
                               body: Data("<html><body><p>首页</p></body></html>".utf8))
        var second = record
        second.sequence = 1
        let site = SiteContext(site: ArchivedSite(target: target, runStart: Date(), resources: [home, second]))
        var judging = try SearchSettings.judging()
        judging.extractor = ResultExtractor(itemXPath: "//li", titleXPath: ".//a")
        let run = try SearchRun.collect(site, settings: judging)
        let outcome = try #require(run.outcomes.first)
        #expect(outcome.items.map(\.link) == ["https://www.example.gov.cn/bszn/1.html", "https://www.example.gov.cn/art/2.html"])
        #expect(outcome.relevant == [true, false])
        #expect(outcome.firstRelevantRank == 1 && outcome.precisionAtFive == 0.2)
    }

    /// A result page that is the same whatever the query holds no server-rendered results.
    @Test func oneEmptyPageForEveryQueryIsUndetermined() throws {
        let home = FetchRecord(target: "t", role: .home, url: "https://www.example.gov.cn/", status: 200,
                               headers: [HTTPHeader(name: "Content-Type", value: "text/html")],
                               body: Data("<html><body><form action='/s'><input name='q'></form></body></html>".utf8))
        var records = [home]
        for (index, text) in ["居住证", "护照"].enumerated() {
            let page = "<html><body><div class='search-result'><ul id='list'></ul></div><p>正在搜索“\(text)”</p>"
                + "<script>$.get('/api/s', render)</script></body></html>"
            records.append(FetchRecord(
                target: "t", role: .searchResults, sequence: index + 1, url: "https://www.example.gov.cn/s?q=\(index)",
                status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html")], body: Data(page.utf8),
                searchQuery: SearchQuery(text: text, base: text, gold: text, synonyms: [], relevantLink: "bszn", k: 5)))
        }
        let site = SiteContext(site: ArchivedSite(target: Target(id: "t", name: "t", region: "0", url: home.url),
                                                  runStart: Date(), resources: records))
        do {
            _ = try SearchRun.collect(site, settings: try SearchSettings.judging())
            Issue.record("an empty script-filled result page was judged")
        } catch let unavailable as PageUnavailable {
            #expect(unavailable.status == .undetermined)
            #expect(unavailable.reason.contains("same result page"), "\(unavailable.reason)")
        }
    }
}
