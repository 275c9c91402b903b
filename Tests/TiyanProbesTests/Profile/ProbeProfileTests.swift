import Foundation
import Testing
import TiyanConfig
import TiyanCore
@testable import TiyanProbes

/// A rule that burns CPU inside an artifact it shares, and a little outside it.
private struct Parsing: Rule {
    static let id = "XX-11"
    init(settings: RuleSettings) throws {}
    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.page(.home)
        _ = site.measure("spin") { spin(iterations: 3_000_000) }
        _ = page.document
        return Finding(.pass, value: true)
    }
}

private func spin(iterations: Int) -> Int {
    var accumulator = 0
    for index in 0..<iterations { accumulator = accumulator &* 31 &+ index }
    return accumulator
}

@Suite struct ProbeProfileTests {
    @Test func aRulesSelfTimeLeavesOutTheArtifactsItNeeded() throws {
        let settings = RuleSettings(ruleID: "x", file: "t", own: [], ownField: "x", shared: [], sharedField: "shared")
        let rule = try Parsing(settings: settings)
        let module = LoadedModule(
            name: "test", probeVersion: "1",
            rules: [LoadedRule(
                description: RuleDescription(id: "XX-11", module: "test", name: "x", sources: [], examples: [],
                                             file: "t.yaml", line: 1),
                rule: rule)])
        var runner = ProbeRunner(loaded: [module])
        let profile = ProbeProfile()
        runner.profile = profile
        let site = Fixtures.site([Fixtures.record(.home, html: "<html><body><p>x</p></body></html>")])
        let first = runner.evaluate(site)
        _ = runner.evaluate(site)
        let entries = profile.snapshot
        let ruleEntry = try #require(entries["rule XX-11"])
        let spinEntry = try #require(entries["artifact spin"])
        let parseEntry = try #require(entries["artifact parse"])
        #expect(ruleEntry.calls == 2 && spinEntry.calls == 2 && parseEntry.calls == 2, "\(entries)")
        #expect(spinEntry.totalNanoseconds > 0)
        #expect(ruleEntry.totalNanoseconds >= spinEntry.totalNanoseconds + parseEntry.totalNanoseconds)
        #expect(ruleEntry.selfNanoseconds == ruleEntry.totalNanoseconds - spinEntry.totalNanoseconds
                - parseEntry.totalNanoseconds)
        // Profiling changes nothing that is decided.
        runner.profile = nil
        #expect(runner.evaluate(site).map { $0.json.serialized() } == first.map { $0.json.serialized() })
        let table = profile.table()
        #expect(table.contains("artifact spin") && table.contains("rule XX-11"))
    }

    @Test func profilesOfSeveralWorkersAddUp() {
        let profile = ProbeProfile()
        profile.merge(["rule A": .init(calls: 2, totalNanoseconds: 10, selfNanoseconds: 4)])
        profile.merge(["rule A": .init(calls: 1, totalNanoseconds: 5, selfNanoseconds: 5),
                       "artifact parse": .init(calls: 3, totalNanoseconds: 6, selfNanoseconds: 6)])
        #expect(profile.snapshot["rule A"] == .init(calls: 3, totalNanoseconds: 15, selfNanoseconds: 9))
        #expect(profile.snapshot["artifact parse"]?.calls == 3)
        // The costliest by self time first.
        let rows = profile.table().split(separator: "\n").filter { $0.contains("rule A") || $0.contains("artifact parse") }
        #expect(rows.first?.contains("rule A") == true)
    }
}
