import Testing
import TiyanCore
import TiyanScoring

/// The coverage rule: a score stands only on what was measured, and says how much that was.
@Suite struct CoverageTests {
    private let targets = [Target(id: "a", name: "A", region: "110000", url: "https://a.gov.cn/")]

    private func result(_ indicator: String, _ module: String, _ status: Status) -> IndicatorResult {
        IndicatorResult(target: "a", indicator: indicator, module: module, status: status)
    }

    private func rules(minimum: Double = 50, home: String? = "SB-01", vetoes: [Veto] = [],
                       dimensions: [Assessment] = []) -> ScoringRules {
        ScoringRules(
            algorithmVersion: "c",
            modules: [ModuleRules(name: "basics", weight: 2,
                                  indicators: [IndicatorWeight(pattern: IndicatorPattern("SB-01"), weight: 3),
                                               IndicatorWeight(pattern: IndicatorPattern("SB-09"), weight: 0)]),
                      ModuleRules(name: "privacy", weight: 1)],
            grades: GradeBands(bands: [.init(grade: "A", floor: 80)], lowest: "B"),
            vetoes: vetoes, dimensions: dimensions,
            coverage: CoverageRule(minimum: minimum, homeIndicator: home))
    }

    private func score(_ results: [IndicatorResult], _ rules: ScoringRules) -> TargetScore {
        Scorer(rules: rules).score(results: results, targets: targets, modules: ["basics", "privacy"])[0]
    }

    @Test func coverageIsTheMeasuredShareOfTheWeightOwed() {
        // basics owes SB-01 (3) + SB-02 (1) + SB-03 (1); SB-04 does not apply and SB-09 weighs 0.
        let results = [result("SB-01", "basics", .pass), result("SB-02", "basics", .undetermined),
                       result("SB-03", "basics", .fail), result("SB-04", "basics", .notApplicable),
                       result("SB-09", "basics", .blocked),
                       result("PR-01", "privacy", .pass), result("PR-02", "privacy", .pass)]
        let score = score(results, rules())
        #expect(score.coverage["basics"] == 80)
        #expect(score.coverage["privacy"] == 100)
        // Module-weighted: (2 × 0.8 + 1 × 1) / 3.
        #expect(score.coverage["total"].map { abs($0 - 260.0 / 3) < 1e-9 } == true)
        #expect(score.withheld.isEmpty && score.total != nil)
    }

    @Test func aModuleBelowTheMinimumIsWithheldWithItsReasonAndLeavesTheTotal() {
        let results = [result("SB-01", "basics", .pass)]
            + (1...4).map { result("PR-0\($0)", "privacy", .undetermined) } + [result("PR-05", "privacy", .fail)]
        let score = score(results, rules())
        #expect(score.score(of: "basics") == 100)
        #expect(score.score(of: "privacy") == nil)
        #expect(score.coverage["privacy"] == 20)
        #expect(score.withheldReason(of: "privacy") == "20% measured (minimum 50%): 4 undetermined")
        // The withheld module counts as unmeasured in the total: (2 × 1 + 1 × 0) / 3 = 66.7% measured.
        #expect(score.total == 100)
        #expect(score.coverage["total"].map { abs($0 - 200.0 / 3) < 1e-9 } == true)
    }

    @Test func aPortalMostlyUndeterminedIsNotRankable() {
        // The script-shell case: a domain and a redirect pass, everything that needs the page is undetermined.
        let results = [result("SB-01", "basics", .pass), result("SB-02", "basics", .pass)]
            + (3...12).map { result(String(format: "SB-%02d", $0), "basics", .undetermined) }
            + (1...9).map { result("PR-0\($0)", "privacy", .undetermined) }
        let score = score(results, rules())
        #expect(score.total == nil && score.grade == nil)
        #expect(score.withheldReason(of: "total")?.hasPrefix("0% measured (minimum 50%)") == true)
        // SB-09 weighs 0 and owes nothing: 4 of 13 measured.
        #expect(score.withheldReason(of: "basics") == "30% measured (minimum 50%): 9 undetermined")
        let ranked = CompetitionRanking.rank([(id: "shell", score: score.total), (id: "poor", score: 12)])
        #expect(ranked.map(\.id) == ["poor", "shell"] && ranked[1].rank == nil)
    }

    @Test func withoutTheHomePageNoDimensionIsScored() {
        let dimensions = [Assessment(name: "敢用", members: [Assessment.Member(pattern: IndicatorPattern("SB-04"))])]
        let down = [result("SB-01", "basics", .fail), result("SB-04", "basics", .pass)]
        let score = score(down, rules(minimum: 0, dimensions: dimensions))
        #expect(score.dimensions.map(\.score) == [nil])
        #expect(score.withheldReason(of: "dimension:敢用") == "home page not fetched (SB-01 fail)")
        let up = [result("SB-01", "basics", .pass), result("SB-04", "basics", .pass)]
        #expect(self.score(up, rules(minimum: 0, dimensions: dimensions)).dimensions.map(\.score) == [100])
    }

    @Test func aVetoThatZeroesTheTotalGradesItHoweverLittleWasMeasured() {
        let vetoes = [Veto(indicator: "SB-01", statuses: ["fail"], cap: 0, reason: "down"),
                      Veto(indicator: "SB-12", statuses: ["fail"], cap: 59, reason: "stale")]
        let down = [result("SB-01", "basics", .fail)] + (2...9).map { result("SB-0\($0)", "basics", .unreachable) }
        let score = score(down, rules(vetoes: vetoes))
        #expect(score.total == 0 && score.grade == "B")
        #expect(score.withheldReason(of: "total") == nil)
        // A cap above 0 only bounds a total that still needs its coverage.
        let stale = [result("SB-12", "basics", .fail)] + (1...9).map { result("PR-0\($0)", "privacy", .undetermined) }
            + (2...9).map { result("SB-0\($0)", "basics", .undetermined) }
        let capped = self.score(stale, rules(vetoes: vetoes))
        #expect(capped.total == nil && capped.vetoes.map(\.indicator) == ["SB-12"])
    }

    @Test func theDefaultRuleGradesEverythingAsBefore() {
        let results = [result("SB-01", "basics", .pass)] + (2...9).map { result("SB-0\($0)", "basics", .undetermined) }
        let score = Scorer(rules: ScoringRules(algorithmVersion: "d", modules: [],
                                               grades: GradeBands(bands: [], lowest: "D")))
            .score(results: results, targets: targets, modules: ["basics"])[0]
        #expect(score.total == 100 && score.withheld.isEmpty)
        #expect(score.coverage["basics"].map { abs($0 - 100.0 / 9) < 1e-9 } == true)
    }
}
