import Testing
import TiyanCore
import TiyanScoring

/// Randomised inputs from a seeded generator, so a failure reproduces: statuses that weigh 0
/// never change a score, and a module with nothing scored is nil, never 0.
@Suite struct ScorerPropertyTests {
    /// SplitMix64: small, fast and the same on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let modules = ["basics", "english", "privacy", "search"]
    static let prefixes = ["basics": "SB", "english": "EN", "privacy": "PR", "search": "SR"]
    static let unscored: [Status] = [.notApplicable, .undetermined, .blocked, .unreachable, .error]
    static let targets = (0..<6).map { Target(id: "t\($0)", name: "T\($0)", region: "000000", url: "https://t\($0).gov.cn/") }

    static func rules(_ random: inout SeededGenerator) -> ScoringRules {
        ScoringRules(
            algorithmVersion: "p",
            modules: modules.map { module in
                ModuleRules(name: module, weight: Double(Int.random(in: 0...5, using: &random)),
                            defaultWeight: Double.random(in: 0...3, using: &random),
                            indicators: (1...3).map {
                                IndicatorWeight(pattern: IndicatorPattern("\(prefixes[module] ?? "")-0\($0)"),
                                                weight: Double(Int.random(in: 0...4, using: &random)))
                            })
            },
            grades: GradeBands(bands: [.init(grade: "A", floor: 80), .init(grade: "B", floor: 60)], lowest: "C"),
            vetoes: [Veto(indicator: "SB-01", statuses: ["fail"], cap: 0, reason: "down")],
            dimensions: [Assessment(name: "d", members: [Assessment.Member(pattern: IndicatorPattern("*-0*"))])])
    }

    static func randomResult(_ random: inout SeededGenerator, statuses: [Status]) -> IndicatorResult {
        let module = modules.randomElement(using: &random) ?? "basics"
        let status = statuses.randomElement(using: &random) ?? .pass
        return IndicatorResult(
            target: targets.randomElement(using: &random)?.id ?? "t0",
            indicator: "\(prefixes[module] ?? "")-0\(Int.random(in: 1...6, using: &random))", module: module,
            status: status, score: status == .partial ? Double.random(in: 0...1, using: &random) : nil)
    }

    static func same(_ a: [TargetScore], _ b: [TargetScore]) -> Bool {
        func close(_ x: Double?, _ y: Double?) -> Bool {
            switch (x, y) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x - y) < 1e-9
            default: return false
            }
        }
        return a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.targetID == y.targetID && close(x.total, y.total) && x.grade == y.grade
                && zip(x.moduleScores, y.moduleScores).allSatisfy { close($0.score, $1.score) }
                && zip(x.dimensions, y.dimensions).allSatisfy { close($0.score, $1.score) }
        }
    }

    @Test(arguments: 1...40)
    func weightZeroStatusesNeverChangeAScore(seed: Int) {
        var random = SeededGenerator(state: UInt64(seed))
        let scorer = Scorer(rules: Self.rules(&random))
        let scored = (0..<Int.random(in: 0...40, using: &random)).map { _ in
            Self.randomResult(&random, statuses: [.pass, .fail, .partial])
        }
        let noise = (0..<Int.random(in: 1...40, using: &random)).map { _ in
            Self.randomResult(&random, statuses: Self.unscored)
        }
        var mixed = scored + noise
        mixed.shuffle(using: &random)
        let before = scorer.score(results: scored, targets: Self.targets, modules: Self.modules)
        let after = scorer.score(results: mixed, targets: Self.targets, modules: Self.modules)
        #expect(Self.same(before, after), "seed \(seed)")
    }

    @Test(arguments: 1...40)
    func aModuleWithNothingScoredIsNilNotZero(seed: Int) {
        var random = SeededGenerator(state: UInt64(seed) &+ 1000)
        let scorer = Scorer(rules: Self.rules(&random))
        let results = (0..<Int.random(in: 0...60, using: &random)).map { _ in
            Self.randomResult(&random, statuses: Self.unscored)
        }
        for score in scorer.score(results: results, targets: Self.targets, modules: Self.modules) {
            #expect(score.moduleScores.allSatisfy { $0.score == nil }, "seed \(seed)")
            #expect(score.total == nil && score.grade == nil && score.vetoes.isEmpty, "seed \(seed)")
            #expect(score.dimensions.allSatisfy { $0.score == nil }, "seed \(seed)")
        }
    }

    @Test(arguments: 1...20)
    func scoresStayWithin0And100(seed: Int) {
        var random = SeededGenerator(state: UInt64(seed) &+ 2000)
        let scorer = Scorer(rules: Self.rules(&random))
        let results = (0..<80).map { _ in
            Self.randomResult(&random, statuses: Status.allCases)
        }
        for score in scorer.score(results: results, targets: Self.targets, modules: Self.modules) {
            let values = score.moduleScores.compactMap(\.score) + [score.total].compactMap { $0 }
            #expect(values.allSatisfy { (0...100).contains($0) }, "seed \(seed)")
        }
    }
}
