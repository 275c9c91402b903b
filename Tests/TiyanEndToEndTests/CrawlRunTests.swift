import Foundation
import Testing
import TiyanCore
import TiyanArchive
import TiyanTestSupport

/// A crawl of the fixture portals leaves a complete run folder that cron, an evaluator and a
/// ranking engine can each rely on.
@Suite struct CrawlRunTests {
    @Test func crawlCompletesAndPrintsTheRunFolder() async throws {
        let run = try await FixtureRun.shared.value
        #expect(run.outcome.status == 0, "stderr: \(run.outcome.stderr.suffix(2000))")
        #expect(run.directory.hasPrefix(run.workspace + "/reports/"))
        for name in ["run.json", "pages.jsonl", "results.jsonl", "scores.csv", "archive.warc.gz", "index.html"] {
            #expect(FileManager.default.fileExists(atPath: run.directory + "/" + name), "\(name) missing")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: run.directory)
            .filter { $0.contains("tmp") || $0.contains("partial") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func everyTargetHasEveryBasicsIndicator() async throws {
        let run = try await FixtureRun.shared.value
        let results = try run.jsonLines("results.jsonl")
        let statuses = Set(Status.allCases.map(\.rawValue))
        for target in ["jia", "yi", "challenge", "shell", "loop", "slow", "down", "huge", "bomb"] {
            let ids = Set(results.filter { $0["target"]?.stringValue == target }.compactMap { $0["indicator"]?.stringValue })
            for number in 1...13 {
                #expect(ids.contains(String(format: "SB-%02d", number)), "\(target) lacks SB-\(number)")
            }
        }
        for line in results {
            #expect(statuses.contains(line["status"]?.stringValue ?? ""), "bad status in \(line.serialized())")
        }
    }

    @Test func runJSONNamesVersionsHashesAndCounts() async throws {
        let run = try await FixtureRun.shared.value
        let manifest = try JSONValue.parse(try run.file("run.json"))
        let serialized = manifest.serialized()
        #expect(serialized.contains(run.directory.split(separator: "/").last.map(String.init) ?? "?"))
        #expect(serialized.contains("algorithm_version"))
        #expect(serialized.contains("sha256") || serialized.contains("SHA256"))
    }

    @Test func scoresCSVHasOneRowPerTarget() async throws {
        let run = try await FixtureRun.shared.value
        let lines = try run.file("scores.csv").split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,name,region") == true)
        #expect(lines.count == 1 + FixturePortals.targets.count)
    }

    @Test func oneTargetsFailureNeverStopsTheOthers() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try run.status("jia", "SB-01") == "pass")
        #expect(try run.status("yi", "SB-01") == "pass")
        #expect(try run.status("challenge", "SB-01") == "blocked")
        #expect(try run.status("challenge", "SB-05") == "blocked")
        for target in ["loop", "slow", "down", "huge", "bomb"] {
            #expect(try run.status(target, "SB-01") == "fail", "\(target)")
            #expect(try run.status(target, "SB-05") == "unreachable", "\(target)")
        }
        #expect(try run.status("shell", "SB-05") == "undetermined")
    }

    @Test func fetchErrorsAreClassified() async throws {
        let run = try await FixtureRun.shared.value
        let expected = ["challenge": "challenge", "loop": "too_many_redirects", "slow": "timeout",
                        "down": "http_5xx", "huge": "too_large", "bomb": "too_large"]
        for (target, error) in expected {
            let home = try run.pages(target, role: "home")
            #expect(home.first?["error"]?.stringValue == error, "\(target): \(home.first?.serialized() ?? "no home")")
        }
    }
}

/// The archive holds what was observed; a page's nature is the probes' reading of it.
@Suite struct PageNatureReadingTests {
    @Test func theArchiveKeepsNoChallengeVerdict() async throws {
        let run = try await FixtureRun.shared.value
        let contents = try WARCReader.read(path: run.directory + "/archive.warc.gz", bodies: false)
        let home = contents.resources.first { $0.target == "challenge" && $0.role == .home }
        // The fetcher saw HTTP 412; that it is a bot challenge is derived from the bytes by
        // probes/page-nature.yaml, in pages.jsonl and the results.
        #expect(home?.status == 412)
        #expect(home?.error == .http4xx, "\(String(describing: home?.error))")
        #expect(try run.pages("challenge", role: "home").first?["error"]?.stringValue == "challenge")
        #expect(try run.status("challenge", "SB-05") == "blocked")
    }
}
