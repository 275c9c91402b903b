import Testing
import TiyanReport
import TiyanScoring

/// Every output file of a run, rendered from a fixed run with a fixed clock and version.
@Suite struct GoldenTests {
    @Test func resultsJSONLines() throws {
        try Golden.check(ResultsFile.render(ReportFixture.results), named: "results.jsonl")
    }

    @Test func pagesJSONLines() throws {
        try Golden.check(PagesFile.render(ReportFixture.pages), named: "pages.jsonl")
    }

    @Test func scoresCSV() throws {
        let csv = ScoresFile.render(targets: ReportFixture.targets, scores: ReportFixture.scores,
                                    modules: ReportFixture.modules,
                                    algorithmVersion: ReportFixture.scorer.algorithmVersion)
        try Golden.check(csv, named: "scores.csv")
    }

    @Test func runJSON() throws {
        try Golden.check(ReportFixture.manifest.render(), named: "run.json")
    }

    @Test func indexHTML() throws {
        try Golden.check(HTMLReport.render(ReportFixture.htmlInput), named: "index.html")
    }
}
