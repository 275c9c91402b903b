import Foundation
import Testing
import TiyanConfig
import TiyanScoring

@Suite struct ScoringRulesReaderTests {
    static let probes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("probes").path

    /// Every indicator id of indicators.md, plus generated accessibility ids.
    static let catalogue: [String] =
        (1...13).map { String(format: "SB-%02d", $0) } + (1...5).map { String(format: "EN-%02d", $0) }
        + (1...13).map { String(format: "EL-%02d", $0) } + (1...12).map { String(format: "PR-%02d", $0) }
        + (1...12).map { String(format: "LG-%02d", $0) } + (1...7).map { String(format: "SR-%02d", $0) }
        + ["ACT-b5c3f8-home", "ACT-23a2a8-elder", "ACT-e086e5-login", "ACT-bf051a-home_mobile"]

    static func repositoryRules() throws -> ScoringRules {
        try ScoringRules.load(from: ProbeConfiguration.load(directory: probes))
    }

    static func load(_ yaml: String) -> Result<ScoringRules, ConfigurationErrors> {
        let configuration = ProbeConfiguration(directory: "probes", files: ["scoring.yaml": yaml])
        do { return .success(try ScoringRules.load(from: configuration)) } catch let errors as ConfigurationErrors {
            return .failure(errors)
        } catch {
            return .failure(ConfigurationErrors([]))
        }
    }

    static func errors(_ yaml: String) -> [String] {
        if case let .failure(errors) = load(yaml) { return errors.errors.map(\.description) }
        return []
    }

    @Test func theRepositoryRulesCoverEveryIndicatorOfTheCatalogue() throws {
        let rules = try Self.repositoryRules()
        #expect(!rules.algorithmVersion.isEmpty)
        #expect(rules.dimensions.map(\.name) == ["可用", "管用", "好用", "爱用", "敢用"])
        #expect(rules.items.map(\.name).contains("查询精准度") && rules.items.map(\.name).contains("无障碍服务"))
        for id in Self.catalogue {
            let module = rules.modules.first { $0.idShape?.matches(id) == true }
            #expect(module != nil, "\(id) fits no module's ids")
            #expect(rules.dimensions.contains { $0.weight(of: id) != nil }, "\(id) is mapped onto no 掌上好办 dimension")
        }
        #expect(rules.vetoes.contains { $0.indicator == "SB-01" && $0.statuses == ["fail"] && $0.cap == 0 })
        #expect(rules.module(named: "english")?.weight(of: "EN-05") == 0)
        #expect(rules.module(named: "accessibility")?.weight(of: "ACT-b5c3f8-home") == 2)
        #expect(rules.indicatorWeight("ACT-b5c3f8-register", module: "accessibility") == 1)
        #expect(rules.moduleWeight("some-new-module") == rules.defaultModuleWeight)
    }

    static let minimal = """
        module: scoring
        version: 1
        algorithm_version: "1"
        grades:
          bands: [{grade: A, floor: 80}]
          lowest: B
        modules:
          basics:
            weight: 1
            ids: "^SB-\\\\d{2}$"
            indicators:
              SB-01: {weight: 2, reason: veto}
        """

    @Test func aMinimalFileLoads() throws {
        let rules = try Self.load(Self.minimal).get()
        #expect(rules.algorithmVersion == "1")
        #expect(rules.indicatorWeight("SB-01", module: "basics") == 2)
        #expect(rules.indicatorWeight("SB-02", module: "basics") == 1)
        #expect(rules.grades.grade(for: 79.9) == "B")
    }

    @Test func theCoverageRuleIsReadAndCheckedWithItsLines() throws {
        #expect(try Self.load(Self.minimal).get().coverage == CoverageRule())
        let repository = try Self.repositoryRules()
        #expect(repository.coverage.minimum == 50 && repository.coverage.homeIndicator == "SB-01")
        let good = Self.minimal + """

            coverage: {minimum: 40, home_page: SB-01, reason: r, source: {standard: s, clause: c, tag: G}}
            """
        #expect(try Self.load(good).get().coverage == CoverageRule(minimum: 40, homeIndicator: "SB-01"))
        let bad = Self.minimal + """

            coverage: {minimum: 140, home_page: "SB-*", reason: r, source: {standard: s, clause: c, tag: G}, floor: 1}
            """
        let errors = Self.errors(bad)
        #expect(errors.contains { $0.contains(":13: coverage.minimum: expected a percentage from 0 to 100") }, "\(errors)")
        #expect(errors.contains { $0.contains(":13: coverage.home_page: expected the one indicator") }, "\(errors)")
        #expect(errors.contains { $0.contains("coverage.floor") }, "\(errors)")
    }

    @Test func anIndicatorOutsideItsModulesShapeIsAnErrorWithItsLine() {
        let errors = Self.errors(Self.minimal + "\n      SB-1: {weight: 1, reason: typo}\n      PR-01: {weight: 1, reason: wrong module}")
        #expect(errors.contains { $0.hasPrefix("probes/scoring.yaml:13: modules.basics.indicators.SB-1:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("probes/scoring.yaml:14: modules.basics.indicators.PR-01:") }, "\(errors)")
    }

    @Test func unknownFieldsStatusesAndIndicatorShapesAreErrors() {
        let yaml = Self.minimal + """

            vetoes:
              - {indicator: SB-1, statuses: [failed], cap: 0, reason: x, source: {standard: s, tag: V}}
            dimensions:
              可用:
                framework: 掌上好办
                source: {standard: s, tag: Q}
                indicators:
                  - {id: XX-01, reason: r, source: {standard: s, tag: G}}
                  - {id: SB-01, reason: r, source: {standard: s, tag: G}, wieght: 2}
            colour: red
            """
        let errors = Self.errors(yaml)
        #expect(errors.contains { $0.hasPrefix("probes/scoring.yaml:14: vetoes[0].indicator:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("probes/scoring.yaml:14: vetoes[0].statuses:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("probes/scoring.yaml:18: dimensions.可用.source.tag:") }, "\(errors)")
        #expect(errors.contains { $0.contains(":20: dimensions.可用.indicators[0].id: XX-01 is not the id shape") }, "\(errors)")
        #expect(errors.contains { $0.contains(":21: dimensions.可用.indicators[1].wieght: unknown field") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("probes/scoring.yaml:22: colour: unknown field") }, "\(errors)")
    }

    @Test func missingPiecesAreNamed() {
        let errors = Self.errors("module: scoring\nversion: 1\nmodules:\n  basics: {weight: -1, ids: \"^SB-\"}\n")
        #expect(errors.contains { $0.contains("algorithm_version: missing required key") }, "\(errors)")
        #expect(errors.contains { $0.contains("grades: missing required key") }, "\(errors)")
        #expect(errors.contains { $0.contains(":4: modules.basics.weight: expected a weight") }, "\(errors)")
        let none = ProbeConfiguration(directory: "probes", files: ["basics.yaml": "module: basics\nversion: 1\n"])
        #expect(throws: ConfigurationErrors.self) { try ScoringRules.load(from: none) }
    }

    @Test func problemsAgainstTheBuildNameIndicatorsNoModuleImplements() throws {
        let configuration = ProbeConfiguration(directory: "probes", files: ["scoring.yaml": Self.minimal])
        let none = ScoringRules.problems(in: configuration, implemented: ["basics": ["SB-01", "SB-02"]])
        #expect(none.isEmpty)
        let missing = ScoringRules.problems(in: configuration, implemented: ["basics": ["SB-02", "X-1"]])
        #expect(missing.map(\.description).contains { $0.hasPrefix("probes/scoring.yaml:12: modules.basics.indicators.SB-01:") })
        #expect(missing.map(\.description).contains { $0.contains("indicator X-1 of module basics does not match") })
        // A contract module this build does not implement is left alone; an unknown one is not.
        #expect(ScoringRules.problems(in: configuration, implemented: [:]).isEmpty)
        let typo = ProbeConfiguration(directory: "probes", files: [
            "scoring.yaml": Self.minimal.replacingOccurrences(of: "  basics:", with: "  basix:"),
        ])
        #expect(ScoringRules.problems(in: typo, implemented: ["basics": ["SB-01"]]).map(\.description)
            == ["probes/scoring.yaml:8: modules.basix: unknown module basix (this build implements: basics)"])
    }

    @Test func theRepositoryFileMatchesTheRulesThisBuildHas() throws {
        let configuration = try ProbeConfiguration.load(directory: Self.probes)
        // basics is on every build; its ids are the catalogue's.
        let basics = Self.catalogue.filter { $0.hasPrefix("SB-") }
        #expect(ScoringRules.problems(in: configuration, implemented: ["basics": basics]).isEmpty)
    }
}
