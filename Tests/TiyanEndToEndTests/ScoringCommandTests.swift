import Foundation
import Testing
import TiyanCore

/// rank, diff, reprobe under new scoring rules and the published schemas, on the fixture crawl.
@Suite struct ScoringCommandTests {
    /// A copy of the fixture run that a test may rewrite.
    static func copyOfRun(_ name: String) async throws -> (run: FixtureRun, copy: String) {
        let run = try await FixtureRun.shared.value
        let copy = run.workspace + "/" + name
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: run.directory, toPath: copy)
        return (run, copy)
    }

    @Test func runJSONAndScoresCSVNameTheAlgorithmVersionOfScoringYAML() async throws {
        let run = try await FixtureRun.shared.value
        let manifest = try JSONValue.parse(try run.file("run.json"))
        let yaml = try String(contentsOfFile: TiyanProcess.repositoryRoot + "/probes/scoring.yaml", encoding: .utf8)
        let version = yaml.split(separator: "\n").first { $0.hasPrefix("algorithm_version:") }?
            .split(separator: "\"").dropFirst().first.map(String.init)
        #expect(version != nil && manifest["algorithm_version"]?.stringValue == version)
        let csv = try run.file("scores.csv").split(separator: "\n")
        #expect(csv.first?.hasSuffix(",veto,algorithm_version") == true)
        #expect(csv.first?.contains("dimension:可用") == true && csv.first?.contains("item:查询精准度") == true)
        #expect(csv.dropFirst().allSatisfy { $0.hasSuffix("," + (version ?? "?")) })
    }

    @Test func reprobeWithANewScoringFileRescoresAnOldRun() async throws {
        let (run, copy) = try await Self.copyOfRun("rescore-copy")
        let probes = run.workspace + "/probes-rescored"
        try? FileManager.default.removeItem(atPath: probes)
        try FileManager.default.copyItem(atPath: TiyanProcess.repositoryRoot + "/probes", toPath: probes)
        var yaml = try String(contentsOfFile: probes + "/scoring.yaml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: #"algorithm_version: "[^"]+""#, with: "algorithm_version: \"rescored-test\"",
                                         options: .regularExpression)
        // Every grade band but a perfect score out of reach, and a new name for the rest.
        yaml = yaml.replacingOccurrences(of: "lowest: D", with: "lowest: Z")
        for floor in ["90", "80", "70", "60"] {
            yaml = yaml.replacingOccurrences(of: "floor: \(floor)}", with: "floor: 100.5}")
        }
        try yaml.write(toFile: probes + "/scoring.yaml", atomically: true, encoding: .utf8)
        let validate = try await TiyanProcess.run(["validate", TiyanProcess.repositoryRoot + "/targets.yaml", probes])
        #expect(validate.status == 1 && validate.stderr.contains("grades.bands[0].floor"), "\(validate.stderr)")
        yaml = yaml.replacingOccurrences(of: "floor: 100.5}", with: "floor: 100}")
        try yaml.write(toFile: probes + "/scoring.yaml", atomically: true, encoding: .utf8)

        let outcome = try await TiyanProcess.run(["reprobe", copy, "--probes", probes])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let results = FileManager.default.contents(atPath: copy + "/results.jsonl")
        #expect(results != nil && results == FileManager.default.contents(atPath: run.directory + "/results.jsonl"),
                "probes unchanged: results unchanged")
        let manifest = try JSONValue.parse(String(decoding: FileManager.default.contents(atPath: copy + "/run.json") ?? Data(),
                                                  as: UTF8.self))
        #expect(manifest["algorithm_version"]?.stringValue == "rescored-test")
        #expect(manifest["run_id"]?.stringValue == (try JSONValue.parse(try run.file("run.json")))["run_id"]?.stringValue)
        #expect(manifest["rescored_at"]?.stringValue != nil)
        let rows = String(decoding: FileManager.default.contents(atPath: copy + "/scores.csv") ?? Data(), as: UTF8.self)
            .split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasSuffix(",rescored-test") })
        let before = try run.file("scores.csv")
        #expect(before.contains(",A") || before.contains(",B") || before.contains(",C"), "some grade above D before")
        let mixed = try await TiyanProcess.run(["rank", run.directory, copy])
        #expect(mixed.status == 0 && mixed.stderr.contains("warning") && mixed.stderr.contains("rescored-test"),
                "comparing runs scored by different rules warns: \(mixed.stderr)")
        let rank = try await TiyanProcess.run(["rank", "--format", "csv", copy])
        #expect(rank.status == 0, "\(rank.stderr)")
        let grades = rank.stdout.split(separator: "\n").dropFirst().compactMap { line -> String? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count > 5 ? String(fields[5]) : nil
        }
        #expect(grades.contains("Z") && grades.allSatisfy { $0 == "Z" || $0 == "A+" || $0.isEmpty }, "\(grades)")
    }

    @Test func rankPrintsEveryFormatAndMovement() async throws {
        let (run, copy) = try await Self.copyOfRun("rank-copy")
        for format in ["text", "csv", "json", "md"] {
            let outcome = try await TiyanProcess.run(["rank", "--format", format, run.directory])
            #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.contains("jia"), "\(format)")
        }
        let json = try JSONValue.parse(try await TiyanProcess.run(["rank", "--format", "json", "--by", "dimension", run.directory]).stdout)
        #expect(json["columns"]?.arrayValue?.compactMap(\.stringValue).starts(with: ["可用", "管用", "好用", "爱用", "敢用"]) == true)
        // The copy plays a later run.
        try Self.rewriteRunID(copy, to: "29991231T000000Z")
        let moved = try await TiyanProcess.run(["rank", "--format", "json", run.directory, copy])
        #expect(moved.status == 0, "\(moved.stderr)")
        let table = try JSONValue.parse(moved.stdout)
        #expect(table["run"]?["run_id"]?.stringValue == "29991231T000000Z")
        #expect(table["rows"]?.arrayValue?.allSatisfy { $0["movement"]?["kind"]?.stringValue == "moved" } == true)
        let usage = try await TiyanProcess.run(["rank", run.directory, copy, copy])
        #expect(usage.status == 2)
        let missing = try await TiyanProcess.run(["rank", run.workspace + "/no-such-run"])
        #expect(missing.status == 1)
    }

    @Test func diffExitStatusTellsScriptsWhatChanged() async throws {
        let (run, copy) = try await Self.copyOfRun("diff-copy")
        let same = try await TiyanProcess.run(["diff", run.directory, copy])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        // One pass turns into a fail in the "later" run.
        let lines = try run.file("results.jsonl").split(separator: "\n").map(String.init)
        guard let index = lines.firstIndex(where: { $0.contains("\"status\":\"pass\"") && $0.contains("\"score\":1,") }) else {
            Issue.record("no pass with score 1 in the fixture run")
            return
        }
        var edited = lines
        edited[index] = edited[index].replacingOccurrences(of: "\"status\":\"pass\"", with: "\"status\":\"fail\"")
            .replacingOccurrences(of: "\"score\":1,", with: "\"score\":0,")
        try (edited.joined(separator: "\n") + "\n").write(toFile: copy + "/results.jsonl", atomically: true, encoding: .utf8)
        let worse = try await TiyanProcess.run(["diff", run.directory, copy])
        #expect(worse.status == 4, "\(worse.stdout)\(worse.stderr)")
        #expect(worse.stdout.contains("regression"))
        let better = try await TiyanProcess.run(["diff", "--format", "json", copy, run.directory])
        #expect(better.status == 3, "\(better.stdout)\(better.stderr)")
        #expect(try JSONValue.parse(better.stdout)["summary"]?["improvements"]?.doubleValue == 1)
        let help = try await TiyanProcess.run(["diff", "--help"])
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("0 nothing changed; 3 changes, none a regression; 4 at least one regression"))
    }

    @Test func runFolderOutputsMatchThePublishedSchemas() async throws {
        let run = try await FixtureRun.shared.value
        let outcome = try await TiyanProcess.runProgram(
            "/usr/bin/env", ["python3", TiyanProcess.repositoryRoot + "/schemas/validate.py", run.directory])
        if outcome.status == 2, outcome.stderr.contains("jsonschema is not installed"),
           ProcessInfo.processInfo.environment["CI"] == nil {
            print("notice: python3-jsonschema is not installed; schema validation skipped (the CI installs it)")
            return
        }
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stderr.contains("0 problems"))
    }

    @Test func theSchemasRejectWhatTheContractForbids() async throws {
        let run = try await FixtureRun.shared.value
        let folder = run.workspace + "/schema-negative"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try run.file("run.json").replacingOccurrences(of: "\"blocked\":", with: "\"blockd\":")
            .write(toFile: folder + "/run.json", atomically: true, encoding: .utf8)
        try (try run.file("pages.jsonl").split(separator: "\n").prefix(1).map {
            $0.replacingOccurrences(of: "\"role\":\"", with: "\"role\":\"bogus-")
        }.joined(separator: "\n") + "\n").write(toFile: folder + "/pages.jsonl", atomically: true, encoding: .utf8)
        let results = [
            #"{"target":"a","indicator":"SB-01","module":"basics","status":"maybe","value":null,"score":null,"confidence":"high","evidence":[],"probe_version":"1"}"#,
            #"{"target":"a","indicator":"PR-06","module":"privacy","status":"partial","value":{"present":["colour"],"missing":[],"coverage":0.5},"score":0.5,"confidence":"high","evidence":[],"probe_version":"1"}"#,
            #"{"target":"a","indicator":"SB-02","module":"basics","status":"blocked","value":null,"score":1,"confidence":"high","evidence":[],"probe_version":"1"}"#,
        ]
        try (results.joined(separator: "\n") + "\n").write(toFile: folder + "/results.jsonl", atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.runProgram(
            "/usr/bin/env", ["python3", TiyanProcess.repositoryRoot + "/schemas/validate.py", folder])
        if outcome.status == 2, ProcessInfo.processInfo.environment["CI"] == nil {
            print("notice: python3-jsonschema is not installed; schema validation skipped (the CI installs it)")
            return
        }
        #expect(outcome.status == 1)
        for expected in ["run.json", "pages.jsonl:1", "results.jsonl:1", "results.jsonl:2", "results.jsonl:3"] {
            #expect(outcome.stdout.contains(expected + ":"), "\(expected) not reported:\n\(outcome.stdout)")
        }
    }

    static func rewriteRunID(_ folder: String, to id: String) throws {
        let path = folder + "/run.json"
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        guard let range = text.range(of: #""run_id": "[^"]*""#, options: .regularExpression),
              let started = text.range(of: #""started_at": "[^"]*""#, options: .regularExpression) else {
            throw TestFailure("no run_id in \(path)")
        }
        var edited = text
        edited.replaceSubrange(started, with: "\"started_at\": \"2999-12-31T00:00:00Z\"")
        if let again = edited.range(of: #""run_id": "[^"]*""#, options: .regularExpression) {
            edited.replaceSubrange(again, with: "\"run_id\": \"\(id)\"")
        }
        _ = range
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
