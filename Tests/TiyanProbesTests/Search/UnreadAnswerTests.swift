import Foundation
import Testing
import TiyanCore
@testable import TiyanProbes

/// An answer tiyan could not read is neither a hit nor a miss: the shares are over the answers
/// read, and the status is pass or fail only when the unread ones could not change it.
@Suite struct UnreadAnswerTests {
    static let services = [("公积金提取", "住房公积金提取"), ("居住证", "居住证办理"), ("结婚登记", "结婚登记"), ("护照", "普通护照签发")]

    func record(_ index: Int, _ html: String, query: String, gold: String) -> ExampleRecord {
        var record = Fixtures.record(.searchResults, url: "https://www.example.gov.cn/s?q=\(index)", html: html)
        record.searchQuery = SearchQuery(text: query, base: query, gold: gold, synonyms: [], relevantLink: "bszn", k: 5)
        return record
    }

    func page(_ titles: [String], says: String = "") -> String {
        let items = titles.enumerated().map { "<li><a href='/bszn/\($0.offset).html'>\($0.element)</a><span>办事指南</span></li>" }
        return "<html><body><div class='head'><a href='/'>首页</a><a href='/bszn/'>办事服务</a></div><p>\(says)</p><ul class='lb'>\(items.joined())</ul></body></html>"
    }

    /// Three answers with their service first and one page that says 共找到 12 条结果 where only
    /// one result was read: 3 of 4 with results could be 0.75 (fail) or 1 (pass) for SR-03, so it
    /// is undetermined; Hit@1 is at least 3/4 = 0.75 ≥ 0.6 whatever the fourth, so SR-04 passes,
    /// over the three read.
    @Test func anUnreadAnswerLeavesUndecidedWhatItCouldChange() throws {
        let runner = try Fixtures.runner()
        var records = [Fixtures.record(.home, html: "<html><body><form action='/s'><input name='q'></form></body></html>")]
        for (index, service) in Self.services.prefix(3).enumerated() {
            records.append(record(index, page([service.1, "其他\(index)"]), query: service.0, gold: service.1))
        }
        records.append(record(3, page(["普通护照签发"], says: "共找到 12 条结果"), query: "护照", gold: "普通护照签发"))
        let rate = try #require(Fixtures.result(runner, "SR-03", records))
        #expect(rate.status == .undetermined, "\(rate)")
        #expect(rate.value.doubleValue == 1)
        #expect(rate.reason?.contains("1 of 4 answers could not be read") == true, "\(rate.reason ?? "")")
        #expect(rate.reason?.contains("the page says \"共找到 12 条\"") == true, "\(rate.reason ?? "")")
        let ranking = try #require(Fixtures.result(runner, "SR-04", records))
        #expect(ranking.status == .pass, "\(ranking)")
        #expect(ranking.value["queries"]?.doubleValue == 3 && ranking.value["hit_at_1"]?.doubleValue == 1)
    }
}
