import Foundation
import Testing
import TiyanConfig
import TiyanCore
@testable import TiyanProbes

/// An indicator of an existing kind is a YAML-only change: a copy of probes/ with one more
/// login method and one more service entry loads, runs their examples and reports them.
@Suite struct RuleKindTests {
    /// probes/ copied to a temporary folder, with `edit` applied to one file.
    static func probesCopy(editing file: String, _ edit: (String) -> String) throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tiyan-kinds-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Fixtures.probesDirectory, toPath: copy.path)
        let path = copy.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return copy.path
    }

    static let wechatMethod = """
      wechat_text:
        regex: '微信(扫码)?登录|WeChat\\s*log\\s*in'
        source: {standard: test, clause: a login method no Swift names, tag: G}

    """

    static let wechatIndicator = """

      LG-13:
        kind: login_method
        name: 微信登录
        source: {standard: test, clause: a further login method, tag: G}
        settings:
          method: {text: wechat, source: {standard: test, clause: the method key, tag: G}}
          label: {text: WeChat login, source: {standard: test, clause: reasons, tag: G}}
        examples:
          triggering:
            - url: https://www.example.gov.cn/
              html: "<html><body><a href='/login.html'>登录</a></body></html>"
              records:
                - role: login
                  url: https://www.example.gov.cn/login.html
                  html: "<html><body><ul class='tabs'><li>账号密码登录</li></ul><form><input type='password'></form></body></html>"
          non_triggering:
            - url: https://www.example.gov.cn/
              html: "<html><body><a href='/login.html'>登录</a></body></html>"
              records:
                - role: login
                  url: https://www.example.gov.cn/login.html
                  html: "<html><body><ul class='tabs'><li>账号密码登录</li><li id='wx'>微信登录</li></ul></body></html>"
          outcomes:
            - expect: pass
              url: https://www.example.gov.cn/
              html: "<html><body><a href='/login.html'>登录</a></body></html>"
              records:
                - role: login
                  url: https://www.example.gov.cn/login.html
                  html: "<html><body><div><span>扫码</span><span id='wx'>微信登录</span></div></body></html>"
              evidence: {snippet: 微信登录}
            - expect: blocked
              url: https://www.example.gov.cn/
              html: "<html><body><a href='/login.html'>登录</a></body></html>"
              records:
                - role: login
                  url: https://www.example.gov.cn/login.html
                  error: challenge
                  status: 412

    """

    static func withWechat(_ text: String) -> String {
        text.replacingOccurrences(of: "\nshared:\n", with: "\nshared:\n" + wechatMethod) + wechatIndicator
    }

    @Test func aLoginMethodAddedInYAMLAloneIsAnIndicator() throws {
        let directory = try Self.probesCopy(editing: "login.yaml", Self.withWechat)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let runner = try ProbeRunner(configuration: ProbeConfiguration.load(directory: directory))
        let rule = try #require(runner.rules.first { $0.id == "LG-13" })
        #expect(rule.kind == "login_method")
        #expect(rule.swiftFile == "Sources/TiyanProbes/Login/LoginMethodPresence.swift")
        #expect(runner.indicators.contains { $0.indicator == "LG-13" && $0.module == "login" })
        #expect(rule.examples.map(\.expectedStatus) == [.fail, .pass, .pass, .blocked])
        for example in rule.examples {
            let result = try #require(runner.evaluate(example.site(), indicators: ["LG-13"]).first)
            #expect(result.status == example.expectedStatus, "\(example.kind) [\(example.index)]: \(result.reason ?? "")")
            #expect(example.evidence?.mismatch(in: result.evidence) == nil)
        }
    }

    @Test func anUnknownKindIsAConfigurationErrorWithItsLine() throws {
        let directory = try Self.probesCopy(editing: "login.yaml") {
            Self.withWechat($0).replacingOccurrences(of: "kind: login_method\n    name: 微信登录", with: "kind: login_methd\n    name: 微信登录")
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let failure = try #require(throws: ConfigurationErrors.self) {
            try ProbeRunner(configuration: ProbeConfiguration.load(directory: directory))
        }
        let error = try #require(failure.errors.first { $0.field == "rules.LG-13.kind" })
        #expect(error.message.contains("unknown kind"))
        #expect(error.message.contains("login_method"))
        #expect(error.line != nil)
    }

    @Test func aMissingOrMistypedSettingOfAKindNamesItsField() throws {
        let directory = try Self.probesCopy(editing: "login.yaml") {
            Self.withWechat($0).replacingOccurrences(
                of: "label: {text: WeChat login,", with: "labels: {text: WeChat login,")
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let failure = try #require(throws: ConfigurationErrors.self) {
            try ProbeRunner(configuration: ProbeConfiguration.load(directory: directory))
        }
        let fields = failure.errors.compactMap(\.field)
        #expect(fields.contains("rules.LG-13.settings.label"))
        #expect(fields.contains("rules.LG-13.settings.labels"))
    }

    @Test func anOutcomesExampleMustStateAKnownStatus() throws {
        let directory = try Self.probesCopy(editing: "login.yaml") {
            Self.withWechat($0).replacingOccurrences(of: "- expect: blocked", with: "- expect: blockd")
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let failure = try #require(throws: ConfigurationErrors.self) {
            try ProbeRunner(configuration: ProbeConfiguration.load(directory: directory))
        }
        #expect(failure.errors.contains { $0.field == "rules.LG-13.examples.outcomes[1].expect" })
    }

    @Test func settingNamesAreTheSnakeCaseOfTheirProperties() {
        #expect(SettingsDecoder.yamlKey("entryText") == "entry_text")
        #expect(SettingsDecoder.yamlKey("maxEntryLength") == "max_entry_length")
        #expect(SettingsDecoder.yamlKey("label") == "label")
    }

    /// `tiyan validate --list` names a file for every indicator; it must be there.
    @Test func everyIndicatorsSwiftFileExists() throws {
        let root = URL(fileURLWithPath: Fixtures.probesDirectory).deletingLastPathComponent()
        for rule in try Fixtures.runner().rules {
            let path = root.appendingPathComponent(rule.swiftFile).path
            #expect(FileManager.default.fileExists(atPath: path), "\(rule.id): \(rule.swiftFile)")
        }
    }
}

@Suite struct IndicatorListingTests {
    @Test func eachIndicatorIsOneAlignedLineWithItsKindFilesAndExamples() throws {
        let rules = try Fixtures.runner().rules
        let lines = IndicatorListing.lines(rules)
        #expect(lines.count == rules.count + 1)
        #expect(lines[0].hasPrefix("indicator"))
        let sms = try #require(lines.first { $0.hasPrefix("LG-02 ") })
        let columns = sms.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(columns[1] == "login_method")
        #expect(columns[2] == "Sources/TiyanProbes/Login/LoginMethodPresence.swift")
        #expect(columns[3].hasSuffix("login.yaml:\(rules.first { $0.id == "LG-02" }?.line ?? 0)"))
        #expect(Int(columns[4]) == rules.first { $0.id == "LG-02" }?.examples.count)
        let reachability = try #require(lines.first { $0.hasPrefix("SB-01 ") })
        #expect(reachability.contains(" rule ") && reachability.contains("Basics/Reachability.swift"))
        // Aligned: the kind column starts at the same offset on every line.
        let kindColumn = try #require(lines[0].range(of: "kind")).lowerBound.utf16Offset(in: lines[0])
        for line in lines {
            let characters = Array(line.utf16)
            #expect(characters[kindColumn - 1] == 0x20 && characters[kindColumn] != 0x20, "\(line)")
        }
    }
}
