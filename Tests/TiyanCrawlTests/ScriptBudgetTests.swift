import Foundation
import Testing
import TiyanConfig
import TiyanCore
import TiyanHTML
@testable import TiyanCrawl

/// The script budget is spent on scripts that write page parts, never on libraries.
@Suite struct ScriptBudgetTests {
    static let rules: DiscoveryRules? = {
        let probes = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        return try? DiscoveryRules.load(directory: "/" + probes + "/probes")
    }()

    @Test func librariesAreSkippedAndHeaderAndFooterScriptsComeFirst() throws {
        let budget = try #require(Self.rules).scriptBudget
        let base = "https://www.example.gov.cn/js/"
        let urls = ["jquery-1.8.3.min.js", "layui.all.js", "swiper.min.js?v=4", "a1.js", "a2.js", "index.js",
                    "common.js", "footer.js", "chunk-vendors.3f2a.js", "head_2019.js"].map { base + $0 }
        let plan = ScriptBudgetPlan.choose(urls, budget: budget, limit: 3)
        // Chosen by value, fetched in document order.
        #expect(plan.fetch == ["common.js", "footer.js", "head_2019.js"].map { base + $0 })
        #expect(plan.skipped.filter { $0.reason == "library" }.map(\.url)
                == ["jquery-1.8.3.min.js", "layui.all.js", "swiper.min.js?v=4", "chunk-vendors.3f2a.js"].map { base + $0 })
        #expect(plan.skipped.filter { $0.reason == "budget" }.map(\.url) == ["a1.js", "a2.js", "index.js"].map { base + $0 })
        // Within the budget every non-library script is fetched, in document order.
        #expect(ScriptBudgetPlan.choose(urls, budget: budget, limit: 12).fetch.count == 6)
        #expect(budget.isPagePart(base + "footer.js") && !budget.isPagePart(base + "jquery.min.js"))
        #expect(!budget.isLibrary(base + "app.9c1e7d.js") && !budget.isLibrary(base + "jqueryfooter.js"))
    }

    @Test func aLocalPageReadsOnlyFilesInsideItsFolder() throws {
        let rules = try #require(Self.rules)
        let document = HTMLDocument(
            html: "<html><head><script src='page_files/footer.js'></script><script src='../../etc/x.js'></script>"
                + "<script src='https://cdn.example.com/a.js'></script><link rel='stylesheet' href='page_files/a%20b.css'></head></html>",
            url: "file:///home/u/saved/page.html")
        let plan = PageResources.plan(for: document, rules: rules)
        #expect(plan.map(\.role) == [.script, .script, .stylesheet])
        #expect(plan.map { PageResources.localPath(of: $0.url, inside: "/home/u/saved") } == [
            "/home/u/saved/page_files/footer.js", nil, "/home/u/saved/page_files/a b.css",
        ])
        #expect(PageResources.localPath(of: "file:///home/u/saved/../x.js", inside: "/home/u/saved") == nil)
    }
}
