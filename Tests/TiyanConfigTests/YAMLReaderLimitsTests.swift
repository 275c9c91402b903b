import Foundation
import Testing
@testable import TiyanConfig

/// Configuration is hand-edited and sometimes hostile: an alias bomb, a huge file or deep flow
/// nesting must end in one error naming the file and line, within bounded memory.
@Suite struct YAMLReaderLimitsTests {
    /// Ten levels of ten aliases each: 10¹⁰ scalars once expanded, from twelve short lines.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...10 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]")
        }
        lines.append("version: 1")
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func anAliasBombIsAConfigurationErrorNamingTheLine() throws {
        let error = try #require(throwsErrors { _ = try YAMLReader.parse(Self.aliasBomb, file: "targets.yaml") }.first)
        #expect(error.file == "targets.yaml")
        #expect(error.line != nil)
        #expect(error.message.contains("expands to more than"))
    }

    @Test func aliasesWithinReasonStillExpand() throws {
        let yaml = "source: &s {standard: GB/T 37668, clause: '5.2'}\nrules:\n  a: {source: *s}\n  b: {source: *s}\n"
        let node = try #require(try YAMLReader.parse(yaml, file: "x.yaml"))
        #expect(node["rules"]?["b"]?["source"]?["clause"]?.scalar == "5.2")
    }

    @Test func deepFlowNestingIsRefusedBeforeComposing() {
        let yaml = "version: 1\ntargets: " + String(repeating: "[", count: 200_000) + "\n"
        let error = throwsErrors { _ = try YAMLReader.parse(yaml, file: "targets.yaml") }.first
        #expect(error?.line == 2)
        #expect(error?.message.contains("nested more than") == true)
    }

    @Test func bracketsInQuotesAndCommentsDoNotCount() throws {
        let deep = String(repeating: "[", count: 600)
        let yaml = "a: '\(deep)'\nb: \"\(deep)\"\n# \(deep)\nc: 1\n"
        let node = try #require(try YAMLReader.parse(yaml, file: "x.yaml"))
        #expect(node["c"]?.scalar == "1")
    }

    @Test func aHugeFileIsRefusedWithoutReadingIt() throws {
        let path = NSTemporaryDirectory() + "tiyan-huge-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line = Data("- {id: a, name: A, region: '110000', url: https://a.gov.cn/}\n".utf8)
        var data = Data()
        while data.count <= YAMLReader.maximumFileBytes { data.append(line) }
        try data.write(to: URL(fileURLWithPath: path))
        let error = throwsErrors { _ = try YAMLReader.readText(path: path) }.first
        #expect(error?.file == path)
        #expect(error?.message.contains("limited to") == true)
    }

    @Test func aBombInAProbesFileIsCaughtWhenDecoded() throws {
        let configuration = ProbeConfiguration(directory: "probes", files: ["discovery.yaml": Self.aliasBomb])
        struct Anything: Decodable {}
        let error = throwsErrors { _ = try configuration.decode(Anything.self, from: "discovery.yaml") }.first
        #expect(error?.message.contains("expands to more than") == true)
    }

    private func throwsErrors(_ body: () throws -> Void) -> [ConfigurationError] {
        do {
            try body()
            return []
        } catch let failure as ConfigurationErrors {
            return failure.errors
        } catch {
            return [ConfigurationError(file: "?", line: nil, field: nil, message: "\(error)")]
        }
    }
}
