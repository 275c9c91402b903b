import Testing
import TiyanCore
@testable import TiyanProbes

/// SwiftLint style: every example of every rule in probes/*.yaml is a test case. A triggering
/// example must make its rule fail, a non-triggering one must make it pass.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    var rule: RuleDescription
    var example: RuleExample

    var testDescription: String {
        "\(rule.id) \(example.kind.rawValue)[\(example.index)] (\(example.file):\(example.line))"
    }

    static let all: [ExampleCase] = {
        guard let runner = try? Fixtures.runner() else { return [] }
        return runner.rules.flatMap { rule in rule.examples.map { ExampleCase(rule: rule, example: $0) } }
    }()
}

@Suite struct RuleExampleTests {
    @Test func everyRuleHasBothKindsOfExamples() throws {
        let runner = try Fixtures.runner()
        #expect(runner.modules == ["basics", "english", "elder", "accessibility", "privacy", "login", "search", "services"])
        let ids = runner.rules.map(\.id)
        #expect(ids.filter { $0.hasPrefix("SB-") } == (1...13).map { String(format: "SB-%02d", $0) })
        #expect(runner.modules.contains("english"))
        #expect(ids.filter { $0.hasPrefix("EN-") } == (1...5).map { String(format: "EN-%02d", $0) })
        #expect(runner.modules.contains("login"))
        #expect(ids.filter { $0.hasPrefix("LG-") } == (1...12).map { String(format: "LG-%02d", $0) })
        #expect(runner.modules.contains("search"))
        #expect(ids.filter { $0.hasPrefix("SR-") } == (1...7).map { String(format: "SR-%02d", $0) })
        #expect(runner.modules.contains("elder"))
        #expect(ids.filter { $0.hasPrefix("EL-") } == (1...13).map { String(format: "EL-%02d", $0) })
        #expect(runner.modules.contains("privacy"))
        #expect(ids.filter { $0.hasPrefix("PR-") } == (1...12).map { String(format: "PR-%02d", $0) })
        #expect(ids.filter { $0.hasPrefix("SV-") } == (1...15).map { String(format: "SV-%02d", $0) })
        for rule in runner.rules {
            #expect(rule.examples.contains { $0.kind == .triggering }, "\(rule.id) has no triggering example")
            #expect(rule.examples.contains { $0.kind == .nonTriggering }, "\(rule.id) has no non-triggering example")
            #expect(!rule.sources.isEmpty, "\(rule.id) names no source")
        }
    }

    @Test(arguments: ExampleCase.all)
    func exampleDecidesItsRule(_ testCase: ExampleCase) throws {
        let runner = try Fixtures.runner()
        let results = runner.evaluate(testCase.example.site(), indicators: [testCase.rule.id])
        // Rules judged per page role report `<id>-<role>`; examples are home pages.
        let result = try #require(
            results.first { $0.indicator == testCase.rule.id || $0.indicator == "\(testCase.rule.id)-home" },
            "\(testCase.testDescription): no result")
        #expect(
            result.status == testCase.example.expectedStatus,
            """
            \(testCase.testDescription): expected \(testCase.example.expectedStatus.rawValue), \
            got \(result.status.rawValue) value=\(result.value.serialized()) reason=\(result.reason ?? "-")
            """)
        #expect(!result.evidence.isEmpty, "\(testCase.testDescription): no evidence")
        if let mismatch = testCase.example.evidence?.mismatch(in: result.evidence) {
            Issue.record("\(testCase.testDescription): \(mismatch)")
        }
    }
}
