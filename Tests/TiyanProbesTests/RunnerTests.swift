import Foundation
import Testing
import TiyanConfig
import TiyanCore
@testable import TiyanProbes

private struct Exploding: Rule {
    static let id = "XX-01"
    struct Boom: Error {}
    init(settings: RuleSettings) throws {}
    func evaluate(_ site: SiteContext) throws -> Finding { throw Boom() }
}

private struct Steady: Rule {
    static let id = "XX-02"
    init(settings: RuleSettings) throws {}
    func evaluate(_ site: SiteContext) throws -> Finding { Finding(.pass, value: true) }
}

@Suite struct RunnerTests {
    private func description(_ id: String) -> RuleDescription {
        RuleDescription(id: id, module: "test", name: id, sources: [], examples: [], file: "test.yaml", line: 1)
    }

    @Test func aThrowingProbeAffectsOnlyItsOwnIndicator() {
        let settings = RuleSettings(ruleID: "x", file: "t", own: [], ownField: "x", shared: [], sharedField: "shared")
        guard let exploding = try? Exploding(settings: settings), let steady = try? Steady(settings: settings) else {
            Issue.record("rules did not configure")
            return
        }
        let module = LoadedModule(
            name: "test", probeVersion: "7",
            rules: [
                LoadedRule(description: description("XX-02"), rule: steady),
                LoadedRule(description: description("XX-01"), rule: exploding),
            ])
        let runner = ProbeRunner(loaded: [module])
        let results = runner.evaluate(Fixtures.site([Fixtures.record(.home)]))
        #expect(results.map(\.indicator) == ["XX-01", "XX-02"])
        #expect(results[0].status == .error)
        #expect(results[0].reason?.contains("Boom") == true)
        #expect(results[1].status == .pass)
        #expect(results[1].probeVersion == "7")
    }

    @Test func evaluationIsDeterministic() throws {
        let runner = try Fixtures.runner()
        let html = """
            <html><head><meta name="SiteName" content="某某"><meta name="viewport" content="width=device-width"></head>
            <body><ul><li>发布日期：2025-06-20</li></ul><div class="footer">主办单位：某某 电话：0571-12345678
            浙ICP备05015370号 网站标识码：3300000001</div></body></html>
            """
        let records = [
            Fixtures.record(.home, html: html),
            Fixtures.record(.linkCheck, url: "https://www.example.gov.cn/x", html: nil),
            Fixtures.record(.ipv6Probe, html: nil),
        ]
        let first = runner.evaluate(Fixtures.site(records)).map { $0.json.serialized() }
        let second = runner.evaluate(Fixtures.site(records)).map { $0.json.serialized() }
        #expect(first == second)
        // One result per indicator: a rule judged per page role reports one per role.
        #expect(first.count == runner.rules.flatMap(\.indicators).count)
        #expect(first.filter { $0.contains("\"module\":\"basics\"") }.count == 13)
        let again = try Fixtures.runner().evaluate(Fixtures.site(records)).map { $0.json.serialized() }
        #expect(first == again)
    }

    @Test func aScriptShellIsUndeterminedNotFailed() throws {
        // Relies on PageNature recognising the mount point; rules must never say `fail` on a shell.
        let shell = """
            <html><head><title>政务服务网</title><script src="/static/js/app.3f9a.js"></script></head>
            <body><div id="app"></div></body></html>
            """
        let results = try Fixtures.runner().evaluate(Fixtures.site([Fixtures.record(.home, html: shell)]))
        let context = SiteContext(site: Fixtures.site([Fixtures.record(.home, html: shell)]), pageNature: Fixtures.pageNature)
        let page = try context.page(.home)
        #expect(page.shellReason != nil)
        for result in results
        where ["SB-05", "SB-06", "SB-07", "SB-08", "SB-09", "SB-10", "SB-11", "SB-12", "SB-13"].contains(
            result.indicator)
        {
            #expect(result.status == .undetermined, "\(result.indicator)")
        }
    }

    @Test func freshnessUsesBeijingDateAndIgnoresFutureDates() throws {
        let runner = try Fixtures.runner()
        // 2025-06-30T02:00Z is 10:00 on 30 June in Beijing.
        let html =
            "<html><body><ul><li>发布时间：2025-06-16</li><li>2025-07-01 活动</li><li>2025-06-29 新闻</li></ul></body></html>"
        let result = try #require(Fixtures.result(runner, "SB-12", [Fixtures.record(.home, html: html)]))
        #expect(result.status == .pass)
        #expect(result.value == .object([("newest", "2025-06-16"), ("age_days", 14)]))
        #expect(result.confidence == .high)
    }

    @Test func metadataCoverage() throws {
        let runner = try Fixtures.runner()
        let html =
            "<html><head><meta name='SiteName' content='x'><meta name='ColumnName' content=''></head><body>x</body></html>"
        let result = try #require(Fixtures.result(runner, "SB-10", [Fixtures.record(.home, html: html)]))
        #expect(result.status == .partial)
        #expect(result.value["coverage"] == .number(0.25))
        #expect(result.value["missing"] == .array(["SiteDomain", "SiteIDCode", "ColumnName"]))
    }

    @Test func civilDates() {
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 9_223_372_036_854_775_000, month: 1, day: 1) == nil, "would overflow the day count")
        let date = CivilDate(beijingDateOf: Date(timeIntervalSince1970: 1_751_302_800))  // 2025-06-30T17:00Z
        #expect(date.description == "2025-07-01")
        if let a = CivilDate(year: 2024, month: 12, day: 31), let b = CivilDate(year: 2025, month: 3, day: 1) {
            #expect(a.days(until: b) == 60)
        }
    }
}

@Suite struct ModuleConfigurationTests {
    private func errors(editing edit: (String) -> String) throws -> [String] {
        let original = try String(contentsOfFile: Fixtures.probesDirectory + "/basics.yaml", encoding: .utf8)
        // The other modules' files as they are, so that only the edit can cause an error.
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.probesDirectory)
        where name.hasSuffix(".yaml") {
            files[name] = try String(contentsOfFile: Fixtures.probesDirectory + "/" + name, encoding: .utf8)
        }
        files["basics.yaml"] = edit(original)
        let configuration = ProbeConfiguration(directory: "probes", files: files)
        do {
            _ = try ProbeRunner(configuration: configuration)
            return []
        } catch let failure as ConfigurationErrors {
            // Other modules' files are not in this configuration: only basics.yaml's errors count.
            return failure.errors.map(\.description).filter { !$0.contains("no probes file declares") }
        }
    }

    @Test func aBadRegexNamesFileLineAndRule() throws {
        // Only basics.yaml is given: other modules' "no probes file" errors are not this test's.
        let found = try errors { $0.replacingOccurrences(of: "regex: 'bszs\\.conac\\.cn'", with: "regex: 'bszs(['") }
            .filter { $0.hasPrefix("probes/basics.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("probes/basics.yaml:") == true)
        #expect(
            found.first?.contains("rules.SB-06.settings.link_href.regex: invalid regular expression") == true,
            "\(found)")
    }

    @Test func unknownAndUnusedSettingsAreErrors() throws {
        let found = try errors {
            $0.replacingOccurrences(of: "      max_dead:\n", with: "      max_deadd:\n")
        }
        #expect(found.contains { $0.contains("rules.SB-11.settings.max_dead: missing setting") }, "\(found)")
        #expect(found.contains { $0.contains("rules.SB-11.settings.max_deadd: unused setting") }, "\(found)")
    }

    @Test func aSettingWithoutSourceIsAnError() throws {
        let found = try errors {
            $0.replacingOccurrences(
                of: "        text: no_ipv6_route\n", with: "        text: no_ipv6_route\n        sauce: x\n")
        }
        #expect(found.contains { $0.contains("rules.SB-03.settings.no_route_detail.sauce: unknown field") }, "\(found)")
    }

    @Test func aMissingModuleFileIsAnError() {
        #expect(throws: ConfigurationErrors.self) {
            try ProbeRunner(configuration: ProbeConfiguration(directory: "probes", files: [:]))
        }
    }
}
