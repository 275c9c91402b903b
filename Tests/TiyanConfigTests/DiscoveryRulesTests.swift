import Foundation
import Testing
import TiyanConfig
import TiyanCore

/// probes/discovery.yaml is validated like every probe file: errors name file, line and field.
@Suite struct DiscoveryRulesTests {
    @Test func aBadPatternNamesItsLine() throws {
        let directory = NSTemporaryDirectory() + "tiyan-discovery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "module: discovery\nversion: 1\nroles:\n  login:\n    text: '登录'\n    href: 'login(['\n  homepage:\n    text: x\n"
        try text.write(toFile: directory + "/discovery.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try DiscoveryRules.load(directory: directory)
            Issue.record("a bad pattern must not load")
        } catch let errors as ConfigurationErrors {
            let lines = errors.errors.map(\.description)
            #expect(lines.contains { $0.contains("discovery.yaml:6: roles.login.href: invalid regular expression") }, "\(lines)")
            #expect(lines.contains { $0.contains("discovery.yaml:7: roles.homepage") }, "\(lines)")
        }
    }

    @Test func theShippedRulesLoad() throws {
        let probes = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/probes"
        let rules = try DiscoveryRules.load(directory: probes)
        #expect(rules.roles.count == 8)
        #expect(rules.roles[.progress] != nil && rules.roles[.messages] != nil)
        #expect(rules.cityLink?.matches("锡林郭勒盟") == true && rules.cityLink?.matches("市场监管局") == false)
        #expect(rules.limits.guides == 3 && rules.limits.cityChecks == 20)
        #expect(rules.maxTextLength == 16)
    }
}
