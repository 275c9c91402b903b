import Testing
import TiyanCore
import TiyanScoring

@Suite struct ScorerTests {
    private let targets = [Target(id: "a", name: "A", region: "110000", url: "https://a.gov.cn/"),
                           Target(id: "b", name: "B", region: "120000", url: "https://b.gov.cn/")]

    private func result(_ target: String, _ module: String, _ status: Status, score: Double? = nil) -> IndicatorResult {
        IndicatorResult(target: target, indicator: "X-01", module: module, status: status, score: score)
    }

    @Test func moduleScoreIsTheMeanOfScoredIndicatorsTimes100() {
        let results = [result("a", "basics", .pass), result("a", "basics", .fail),
                       result("a", "basics", .partial, score: 0.7), result("a", "basics", .blocked)]
        let scores = Scorer.score(results: results, targets: targets, modules: ["basics"])
        let basics = scores[0].score(of: "basics")
        #expect(basics.map { abs($0 - 170.0 / 3) < 1e-9 } == true)
    }

    @Test func unscoredModulesAreNilAndLeftOutOfTheTotal() {
        let results = [result("a", "basics", .pass), result("a", "privacy", .unreachable),
                       result("a", "search", .undetermined), result("a", "english", .fail)]
        let scores = Scorer.score(results: results, targets: targets, modules: ["basics", "privacy", "search", "english"])
        #expect(scores.map(\.targetID) == ["a", "b"])
        #expect(scores[0].moduleScores.map(\.module) == ["basics", "privacy", "search", "english"])
        #expect(scores[0].moduleScores.map(\.score) == [100, nil, nil, 0])
        #expect(scores[0].total == 50)
        #expect(scores[0].grade == "D")
    }

    @Test func aTargetWithNothingScoredHasNoTotalAndNoGrade() {
        let scores = Scorer.score(results: [result("b", "basics", .blocked)], targets: targets, modules: ["basics"])
        #expect(scores[1].score(of: "basics") == nil)
        #expect(scores[1].total == nil)
        #expect(scores[1].grade == nil)
    }

    @Test func resultsOutsideTheListedModulesAndTargetsAreIgnored() {
        let results = [result("a", "basics", .pass), result("a", "other", .fail), result("z", "basics", .fail)]
        let scores = Scorer.score(results: results, targets: targets, modules: ["basics"])
        #expect(scores.count == 2)
        #expect(scores[0].total == 100)
    }

    @Test(arguments: [(100.0, "A+"), (90, "A+"), (89.96, "A+"), (89.94, "A"), (80, "A"), (79.9, "B"), (70, "B"),
                      (60, "C"), (59.9, "D"), (0, "D")])
    func gradeBands(total: Double, grade: String) {
        #expect(GradeBands.grade(for: total) == grade)
    }
}
