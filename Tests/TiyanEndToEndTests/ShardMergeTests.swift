import Foundation
import Testing
import TiyanArchive
import TiyanCore
import TiyanTestSupport

/// Past one machine: shards of a crawl merged into one run equal the unsharded crawl, and merge
/// refuses a set of shards that is not one whole crawl.
@Suite(.serialized) struct ShardMergeTests {
    static let shards = 3

    /// The shard runs of the fixture crawl, made once for the suite.
    static let shardRuns = Task<(workspace: String, runs: [String]), Error> {
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let root = fixtures.workspace + "/shards"
        var runs: [String] = []
        for index in 1...shards {
            // The same targets file as the unsharded run: merge checks its hash.
            let unsharded = try await FixtureRun.shared.value
            let outcome = try await TiyanProcess.run(fixtures.crawlArguments(
                out: root, targets: unsharded.workspace + "/targets.yaml") + ["--shard", "\(index)/\(shards)"])
            guard outcome.status == 0 else { throw TestFailure("shard \(index): \(outcome.stderr.suffix(2000))") }
            runs.append(outcome.lastLine)
        }
        return (fixtures.workspace, runs)
    }

    @Test func shardsTakeDisjointBlocksAndNameThemselves() async throws {
        let (_, runs) = try await Self.shardRuns.value
        var seen: [String] = []
        for (offset, run) in runs.enumerated() {
            #expect(run.hasSuffix("-shard\(offset + 1)-of-\(Self.shards)"))
            let targets = try String(contentsOfFile: run + "/scores.csv", encoding: .utf8).split(separator: "\n")
                .dropFirst().map { String($0.split(separator: ",").first ?? "") }
            seen += targets
        }
        #expect(seen == FixturePortals.targets.map(\.id), "the shards together take every target once, in order")
    }

    @Test func mergedShardsEqualTheUnshardedCrawl() async throws {
        let unsharded = try await FixtureRun.shared.value
        let (workspace, runs) = try await Self.shardRuns.value
        let out = workspace + "/merged"
        let outcome = try await TiyanProcess.run(["merge", "--out", out] + runs.reversed())
        #expect(outcome.status == 0, "stderr: \(outcome.stderr.suffix(2000))")
        let merged = outcome.lastLine
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/latest")
            == (merged as NSString).lastPathComponent)
        let mergedResults = try String(contentsOfFile: merged + "/results.jsonl", encoding: .utf8)
        let mergedLines = FixtureCrawl.withoutTimings(mergedResults).split(separator: "\n")
        let unshardedLines = FixtureCrawl.withoutTimings(try unsharded.file("results.jsonl")).split(separator: "\n")
        #expect(mergedLines.count == unshardedLines.count)
        let firstDifference = zip(mergedLines, unshardedLines).first { $0 != $1 }
        #expect(firstDifference == nil, "merged: \(firstDifference?.0 ?? "")\nunsharded: \(firstDifference?.1 ?? "")")

        // Every pages.jsonl offset names a resource of the concatenated archive.
        let contents = try WARCReader.read(path: merged + "/archive.warc.gz", bodies: false)
        let archived = Set(contents.resources.compactMap { record in record.warcOffset.map { "\(record.url) \($0)" } })
        let pages = try String(contentsOfFile: merged + "/pages.jsonl", encoding: .utf8).split(separator: "\n")
            .map { try JSONValue.parse(String($0)) }
        let listed = Set(pages.compactMap { page in
            page["warc_offset"]?.doubleValue.map { "\(page["url"]?.stringValue ?? "") \(Int64($0))" }
        })
        #expect(!listed.isEmpty && listed == archived)
        #expect(pages.count == (try unsharded.jsonLines("pages.jsonl").count))
        #expect(contents.targets.map(\.id) == FixturePortals.targets.map(\.id))

        let manifest = try JSONValue.parse(try String(contentsOfFile: merged + "/run.json", encoding: .utf8))
        #expect(manifest["target_count"]?.doubleValue == Double(FixturePortals.targets.count))
        #expect(manifest["options"]?["merged_from"]?.stringValue?.contains("shard3-of-3") == true)
        #expect(manifest["counts_by_status"] == (try JSONValue.parse(try unsharded.file("run.json")))["counts_by_status"])
        // Recomputed by the Scorer from the joined results: the statuses are equal, so the scores are.
        #expect(try String(contentsOfFile: merged + "/scores.csv", encoding: .utf8) == (try unsharded.file("scores.csv")))
        #expect(try String(contentsOfFile: merged + "/index.html", encoding: .utf8).contains("丙省政务服务网"))

        // The merged run is a run like any other: reprobe rebuilds it from its archive alone.
        let reprobe = try await TiyanProcess.run(["reprobe", merged, "--probes", TiyanProcess.repositoryRoot + "/probes"])
        #expect(reprobe.status == 0, "stderr: \(reprobe.stderr.suffix(2000))")
        #expect(try String(contentsOfFile: merged + "/results.jsonl", encoding: .utf8) == mergedResults)
        let header = try String(contentsOfFile: merged + "/index.html", encoding: .utf8).components(separatedBy: "</header>")[0]
        #expect(header.contains("<code>\((merged as NSString).lastPathComponent)</code>"), "the report names the merged run")
    }

    @Test func mergeRefusesSetsThatAreNotOneCrawl() async throws {
        let (workspace, runs) = try await Self.shardRuns.value
        let out = workspace + "/refused"
        let missing = try await TiyanProcess.run(["merge", "--out", out, runs[0], runs[2]])
        #expect(missing.status == 1 && missing.stderr.contains("shards missing"), "\(missing.stderr)")
        let twice = try await TiyanProcess.run(["merge", "--out", out] + runs + [runs[0]])
        #expect(twice.status == 1 && twice.stderr.contains("given twice"), "\(twice.stderr)")
        let otherSplit = try copy(runs[1], to: workspace + "/other-split") { $0.replacingOccurrences(of: "\"2/3\"", with: "\"2/4\"") }
        let split = try await TiyanProcess.run(["merge", "--out", out, runs[0], otherSplit, runs[2]])
        #expect(split.status == 1 && split.stderr.contains("different splits"), "\(split.stderr)")
        let otherProbes = try copy(runs[1], to: workspace + "/other-probes") {
            $0.replacingOccurrences(of: #""probes_sha256": "[0-9a-f]+""#, with: #""probes_sha256": "0000""#,
                                    options: .regularExpression)
        }
        let probes = try await TiyanProcess.run(["merge", "--out", out, runs[0], otherProbes, runs[2]])
        #expect(probes.status == 1 && probes.stderr.contains("probes_sha256"), "\(probes.stderr)")
        let notShard = try await TiyanProcess.run(["merge", "--out", out, try await FixtureRun.shared.value.directory])
        #expect(notShard.status == 1 && notShard.stderr.contains("not a shard run"), "\(notShard.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/latest"))
    }

    @Test func deployMergeScriptTakesEachShardsNewestCompleteRun() async throws {
        let (workspace, runs) = try await Self.shardRuns.value
        let manager = FileManager.default
        let batch = workspace + "/deploy/shards/tiyan-crawl-29380440"
        try manager.createDirectory(atPath: batch, withIntermediateDirectories: true)
        for run in runs {
            try manager.copyItem(atPath: run, toPath: batch + "/" + (run as NSString).lastPathComponent)
        }
        // A batch merged ten days ago: the cleanup step removes it once this batch is merged.
        let old = workspace + "/deploy/shards/tiyan-crawl-29370000"
        try manager.createDirectory(atPath: old + "/20261113T020000Z-shard1-of-3", withIntermediateDirectories: true)
        try "".write(toFile: old + "/.merged", atomically: true, encoding: .utf8)
        let tenDaysAgo = Date().addingTimeInterval(-10 * 86_400)
        try manager.setAttributes([.modificationDate: tenDaysAgo], ofItemAtPath: old + "/.merged")
        try manager.setAttributes([.modificationDate: tenDaysAgo], ofItemAtPath: old)
        // A retried pod's killed attempt: newer, but incomplete, so the script must pass it over.
        try manager.createDirectory(atPath: batch + "/29991231T000000Z-shard2-of-3", withIntermediateDirectories: true)
        guard let binary = TiyanProcess.binary else { throw TestFailure("tiyan not built") }
        let script = TiyanProcess.repositoryRoot + "/deploy/merge-batch.sh"
        let command = "PATH=\"$0:$PATH\" SHARDS=3 KEEP=5 \"$1\" \"$2\" \"$3\""
        let outcome = try await TiyanProcess.runProgram("/bin/sh", [
            "-c", command, (binary as NSString).deletingLastPathComponent, script,
            workspace + "/deploy/shards", workspace + "/deploy/reports"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(manager.fileExists(atPath: batch + "/.merged"))
        #expect(manager.fileExists(atPath: workspace + "/deploy/reports/latest/run.json"))
        #expect(!manager.fileExists(atPath: old), "a batch merged more than SHARD_RETENTION_DAYS ago is removed")
        #expect(manager.fileExists(atPath: batch + "/.merged"), "the batch just merged is kept")
        let again = try await TiyanProcess.runProgram("/bin/sh", [
            "-c", command, (binary as NSString).deletingLastPathComponent, script,
            workspace + "/deploy/shards", workspace + "/deploy/reports"])
        #expect(again.status == 0 && again.stderr.contains("no unmerged batch"), "a merged batch is not merged twice")
    }

    /// A copy of a run folder with its run.json edited.
    private func copy(_ run: String, to destination: String, editing edit: (String) -> String) throws -> String {
        try? FileManager.default.removeItem(atPath: destination)
        try FileManager.default.copyItem(atPath: run, toPath: destination)
        let manifest = try String(contentsOfFile: destination + "/run.json", encoding: .utf8)
        let edited = edit(manifest)
        #expect(edited != manifest, "the edit changed nothing")
        try edited.write(toFile: destination + "/run.json", atomically: true, encoding: .utf8)
        return destination
    }
}
