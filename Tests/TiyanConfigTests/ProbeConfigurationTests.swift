import Foundation
import Testing
@testable import TiyanConfig

@Suite struct ProbeConfigurationTests {
    private func directory(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tiyan-probes-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
        }
        return path
    }

    @Test func findsTheFileDeclaringAModuleWithoutParsingWhenTheLineIsPlain() {
        let configuration = ProbeConfiguration(directory: "probes", files: [
            "a.yaml": "# comment\nmodule: \"basics\"  # quoted\nversion: 1\n",
            "b.yaml": "version: 1\nmodule: elder\n",
            "c.yaml": "{module: flow, version: 1}\n",
            "d.yaml": "rules:\n  module: nested\nmodule: search\n",
        ])
        #expect(configuration.file(declaringModule: "basics") == "a.yaml")
        #expect(configuration.file(declaringModule: "elder") == "b.yaml")
        #expect(configuration.file(declaringModule: "flow") == "c.yaml", "flow style falls back to the parser")
        #expect(configuration.file(declaringModule: "nested") == nil, "only the top-level key declares")
        #expect(configuration.file(declaringModule: "search") == "d.yaml")
    }

    @Test func loadsEveryYAMLFileSorted() throws {
        let path = try directory([
            "b.yaml": "module: b\nversion: 1\n", "a.yaml": "module: a\nversion: 1\n", "notes.txt": "ignored",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try ProbeConfiguration.load(directory: path)
        #expect(configuration.fileNames == ["a.yaml", "b.yaml"])
        #expect(configuration.file(declaringModule: "b") == "b.yaml")
        #expect(configuration.files["a.yaml"] == "module: a\nversion: 1\n")
    }

    @Test func reportsBadFilesWithFileAndLine() throws {
        let path = try directory([
            "good.yaml": "module: good\nversion: 1\n",
            "broken.yaml": "module: broken\nversion: 1\nrules:\n  - [unclosed\n",
            "nomodule.yaml": "version: 1\nrules: {}\n",
            "list.yaml": "- a\n- b\n",
            "twin.yaml": "module: good\nversion: x\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ProbeConfiguration.load(directory: path)
            Issue.record("expected errors")
        } catch let failure as ConfigurationErrors {
            let text = failure.errors.map(\.description)
            #expect(text.contains { $0.hasPrefix("\(path)/broken.yaml:") && $0.contains("YAML") })
            #expect(text.contains("\(path)/nomodule.yaml:1: module: missing required key"))
            #expect(text.contains { $0.hasPrefix("\(path)/list.yaml:1: expected a mapping") })
            #expect(
                text.contains {
                    $0.hasPrefix("\(path)/twin.yaml:1: module: module \"good\" is also declared by good.yaml")
                })
            #expect(text.contains { $0.hasPrefix("\(path)/twin.yaml:2: version: expected a whole number") })
            #expect(failure.errors.count == 5, "\(text.joined(separator: "\n"))")
        }
    }

    private struct Module: Decodable {
        struct Rule: Decodable { var name: String; var weight: Double }
        var module: String
        var rules: [String: Rule]
    }

    @Test func decodeNamesFileLineAndField() throws {
        let configuration = ProbeConfiguration(
            directory: "probes",
            files: [
                "m.yaml": "module: m\nversion: 1\nrules:\n  R1:\n    name: one\n    weight: heavy\n"
            ])
        do {
            _ = try configuration.decode(Module.self, from: "m.yaml")
            Issue.record("expected a decoding error")
        } catch let failure as ConfigurationErrors {
            let error = try #require(failure.errors.first)
            #expect(error.file == "probes/m.yaml")
            #expect(error.line == 6)
            #expect(error.field == "rules.R1.weight")
        }
    }

    @Test func hashesFilesAndDirectories() throws {
        let path = try directory(["a.yaml": "abc", "b.yaml": "x"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            try ContentHash.sha256(ofFile: path + "/a.yaml")
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let first = try ContentHash.sha256(ofDirectory: path)
        #expect(first.count == 64)
        try Data("y".utf8).write(to: URL(fileURLWithPath: path + "/.hidden"))
        #expect(try ContentHash.sha256(ofDirectory: path) == first)
        try Data("y".utf8).write(to: URL(fileURLWithPath: path + "/b.yaml"))
        #expect(try ContentHash.sha256(ofDirectory: path) != first)
        #expect(throws: ConfigurationErrors.self) { try ContentHash.sha256(ofFile: path + "/none") }
    }
}
