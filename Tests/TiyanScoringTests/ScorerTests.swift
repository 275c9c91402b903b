import Testing
import TiyanCore
import TiyanScoring

@Suite struct ScorerTests {
    private let targets = [Target(id: "a", name: "A", region: "110000", url: "https://a.gov.cn/"),
                           Target(id: "b", name: "B", region: "120000", url: "https://b.gov.cn/")]

    private func result(_ target: String, _ indicator: String, _ module: String, _ status: Status,
                        score: Double? = nil) -> IndicatorResult {
        IndicatorResult(target: target, indicator: indicator, module: module, status: status, score: score)
    }

    private func rules(modules: [ModuleRules] = [], vetoes: [Veto] = [], dimensions: [Assessment] = [],
                       defaultModuleWeight: Double = 1) -> ScoringRules {
        ScoringRules(algorithmVersion: "t", modules: modules, defaultModuleWeight: defaultModuleWeight,
                     grades: GradeBands(bands: [.init(grade: "A+", floor: 90), .init(grade: "A", floor: 80),
                                                .init(grade: "B", floor: 70), .init(grade: "C", floor: 60)],
                                        lowest: "D"),
                     vetoes: vetoes, dimensions: dimensions)
    }

    @Test func unweightedModuleScoreIsTheMeanOfScoredIndicatorsTimes100() {
        let results = [result("a", "SB-01", "basics", .pass), result("a", "SB-02", "basics", .fail),
                       result("a", "SB-03", "basics", .partial, score: 0.7), result("a", "SB-04", "basics", .blocked)]
        let scores = Scorer(rules: rules()).score(results: results, targets: targets, modules: ["basics"])
        #expect(scores[0].score(of: "basics").map { abs($0 - 170.0 / 3) < 1e-9 } == true)
    }

    @Test func indicatorWeightsExactBeforeGlobBeforeModuleDefault() {
        let module = ModuleRules(name: "accessibility", weight: 1, defaultWeight: 0.5, indicators: [
            IndicatorWeight(pattern: IndicatorPattern("ACT-*-home"), weight: 2),
            IndicatorWeight(pattern: IndicatorPattern("ACT-aaaaaa-home"), weight: 7),
        ])
        #expect(module.weight(of: "ACT-aaaaaa-home") == 7)
        #expect(module.weight(of: "ACT-bbbbbb-home") == 2)
        #expect(module.weight(of: "ACT-bbbbbb-login") == 0.5)
        // pass (1) weighing 2 and fail (0) weighing 0.5 → 80.
        let results = [result("a", "ACT-bbbbbb-home", "accessibility", .pass),
                       result("a", "ACT-bbbbbb-login", "accessibility", .fail)]
        let scores = Scorer(rules: rules(modules: [module])).score(results: results, targets: targets,
                                                                   modules: ["accessibility"])
        #expect(scores[0].score(of: "accessibility").map { abs($0 - 80) < 1e-9 } == true)
    }

    @Test func valueWeightMultipliesTheIndicatorWeightByTheResultsOwnNumber() {
        // An ACT rule whose failure blocks four of five groups (0.8) outweighs one that blocks one (0.2).
        let module = ModuleRules(name: "accessibility", weight: 1, valueWeight: "weight")
        func act(_ indicator: String, _ status: Status, weight: JSONValue) -> IndicatorResult {
            IndicatorResult(target: "a", indicator: indicator, module: "accessibility", status: status,
                            value: .object([("weight", weight)]))
        }
        let results = [act("ACT-aaaaaa-home", .fail, weight: 0.8), act("ACT-bbbbbb-home", .pass, weight: 0.2),
                       act("ACT-cccccc-home", .pass, weight: .string("heavy"))]
        let scores = Scorer(rules: rules(modules: [module])).score(results: results, targets: targets,
                                                                   modules: ["accessibility"])
        // (0 × 0.8 + 1 × 0.2 + 1 × 1) / 2.0 = 60: a value that is not a number leaves the weight as is.
        #expect(scores[0].score(of: "accessibility").map { abs($0 - 60) < 1e-9 } == true)
        let plain = Scorer(rules: rules(modules: [ModuleRules(name: "accessibility", weight: 1)]))
            .score(results: results, targets: targets, modules: ["accessibility"])
        #expect(plain[0].score(of: "accessibility").map { abs($0 - 200.0 / 3) < 1e-9 } == true)
    }

    @Test func probeScoreIsUsedForPassAndFailAndClampedTo0Through1() {
        let results = [result("a", "LG-12", "login", .pass, score: 0.7), result("a", "LG-01", "login", .fail, score: 3)]
        #expect(Scorer.indicatorScore(results[0]) == 0.7)
        #expect(Scorer.indicatorScore(results[1]) == 1)
        #expect(Scorer.indicatorScore(result("a", "LG-02", "login", .notApplicable, score: 1)) == nil)
    }

    @Test func totalIsTheWeightedMeanOfScoredModulesAndUnscoredModulesAreNil() {
        let rules = rules(modules: [ModuleRules(name: "basics", weight: 3), ModuleRules(name: "privacy", weight: 1),
                                    ModuleRules(name: "search", weight: 5)])
        let results = [result("a", "SB-01", "basics", .pass), result("a", "PR-01", "privacy", .fail),
                       result("a", "SR-01", "search", .undetermined), result("a", "EN-01", "english", .fail)]
        let scores = Scorer(rules: rules).score(results: results, targets: targets,
                                                modules: ["basics", "privacy", "search", "english"])
        #expect(scores.map(\.targetID) == ["a", "b"])
        #expect(scores[0].moduleScores.map(\.score) == [100, 0, nil, 0])
        // english is not in the rules: default module weight 1 → (300 + 0 + 0) / 5.
        #expect(scores[0].total == 60)
        #expect(scores[0].grade == "C")
        #expect(scores[1].total == nil && scores[1].grade == nil)
    }

    @Test func aVetoCapsTheTotalAndIsNamed() {
        let vetoes = [Veto(indicator: "SB-01", statuses: ["fail"], cap: 0, reason: "unreachable"),
                      Veto(indicator: "SB-12", statuses: ["fail"], cap: 59, reason: "stale")]
        let scorer = Scorer(rules: rules(vetoes: vetoes))
        let stale = [result("a", "SB-12", "basics", .fail), result("a", "PR-01", "privacy", .pass)]
        let down = [result("b", "SB-01", "basics", .fail), result("b", "PR-01", "privacy", .pass)]
        let scores = scorer.score(results: stale + down, targets: targets, modules: ["basics", "privacy"])
        #expect(scores[0].total == 50)  // below the cap already
        #expect(scores[0].vetoes.map(\.indicator) == ["SB-12"])
        #expect(scores[1].total == 0 && scores[1].grade == "D")
        #expect(scores[1].vetoes.map(\.reason) == ["unreachable"])
        let fine = scorer.score(results: [result("a", "SB-12", "basics", .pass), result("a", "SB-01", "basics", .unreachable)],
                                targets: targets, modules: ["basics"])
        #expect(fine[0].total == 100 && fine[0].vetoes.isEmpty)
        let capped = scorer.score(results: [result("a", "SB-12", "basics", .fail)] + (1...9).map {
            result("a", "SB-0\($0)", "basics", .pass)
        }, targets: targets, modules: ["basics", "privacy"])
        #expect(capped[0].total == 59 && capped[0].grade == "D")
    }

    /// A portal that fails a veto item fails as a whole: its dimensions and items are capped like
    /// its total (a stale portal with no ads no longer reads 爱用 = 100); without a veto they are not.
    @Test func aVetoCapsTheDimensionsToo() {
        let vetoes = [Veto(indicator: "SB-12", statuses: ["fail"], cap: 59, reason: "stale")]
        let dimensions = [Assessment(name: "爱用", members: [Assessment.Member(pattern: IndicatorPattern("EL-03"))]),
                          Assessment(name: "管用", members: [Assessment.Member(pattern: IndicatorPattern("SB-12"))])]
        let scorer = Scorer(rules: rules(vetoes: vetoes, dimensions: dimensions))
        let stale = scorer.score(results: [result("a", "SB-12", "basics", .fail), result("a", "EL-03", "elder", .pass)],
                                 targets: targets, modules: ["basics", "elder"])
        #expect(stale[0].dimensions.map(\.score) == [59, 0])
        let fresh = scorer.score(results: [result("a", "SB-12", "basics", .pass), result("a", "EL-03", "elder", .pass)],
                                 targets: targets, modules: ["basics", "elder"])
        #expect(fresh[0].dimensions.map(\.score) == [100, 100])
    }

    @Test func dimensionsAreWeightedMeansOfTheirMappedIndicators() {
        let dimensions = [
            Assessment(name: "可用", members: [Assessment.Member(pattern: IndicatorPattern("EN-*")),
                                             Assessment.Member(pattern: IndicatorPattern("SB-01"), weight: 3)]),
            Assessment(name: "爱用", members: [Assessment.Member(pattern: IndicatorPattern("EL-03"))]),
        ]
        let results = [result("a", "EN-01", "english", .fail), result("a", "SB-01", "basics", .pass),
                       result("a", "EL-03", "elder", .blocked)]
        let scores = Scorer(rules: rules(dimensions: dimensions)).score(results: results, targets: targets,
                                                                         modules: ["english", "basics", "elder"])
        #expect(scores[0].dimensions.map(\.name) == ["可用", "爱用"])
        #expect(scores[0].dimensions.map(\.score) == [75, nil])
        #expect(scores[0].assessmentScore(of: "可用") == 75)
    }

    @Test(arguments: [(100.0, "A+"), (90, "A+"), (89.96, "A+"), (89.94, "A"), (80, "A"), (79.9, "B"), (70, "B"),
                      (60, "C"), (59.9, "D"), (0, "D")])
    func gradeBands(total: Double, grade: String) {
        #expect(rules().grades.grade(for: total) == grade)
    }

    @Test(arguments: [("ACT-*-home", "ACT-b5c3f8-home", true), ("ACT-*-home", "ACT-b5c3f8-home_mobile", false),
                      ("EN-*", "EN-01", true), ("EN-*", "EL-01", false), ("SB-01", "SB-01", true),
                      ("SB-01", "SB-011", false), ("*", "anything", true), ("a*b*c", "abc", true),
                      ("a*b*c", "acb", false), ("ab*ba", "aba", false)])
    func globs(pattern: String, id: String, matches: Bool) {
        #expect(IndicatorPattern(pattern).matches(id) == matches)
    }
}
