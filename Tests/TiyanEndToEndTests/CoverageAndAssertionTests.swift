import Foundation
import Testing
import TiyanCore

/// Coverage beside every score, "not rankable" for portals that could not be measured, the
/// `--assert` thresholds with their exit status, and a diff that ignores timing noise.
@Suite struct CoverageAndAssertionTests {
    /// RFC 4180 fields (quotes, doubled quotes); scores.csv quotes reasons that hold commas.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previous: Character?
        for character in line {
            switch character {
            case "\"" where quoted: quoted = false
            case "\"" where previous == "\"": field.append("\""); quoted = true
            case "\"": quoted = true
            case "," where !quoted: fields.append(field); field = ""
            default: field.append(character)
            }
            previous = character
        }
        return fields + [field]
    }

    static func row(_ csv: String, _ id: String) -> [String: String] {
        let lines = csv.split(separator: "\n").map(fields)
        guard let header = lines.first, let row = lines.first(where: { $0.first == id }) else { return [:] }
        return Dictionary(zip(header, row).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func theScriptShellIsNotRankableAndEveryScoreCarriesItsCoverage() async throws {
        let run = try await FixtureRun.shared.value
        let csv = try run.file("scores.csv")
        let header = csv.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains(",coverage:basics,") && header.contains(",coverage:total,")
                && header.contains(",coverage:dimension:可用,") && header.contains(",not_rankable,veto,algorithm_version"))
        let shell = Self.row(csv, "shell")
        #expect(shell["total"] == "" && shell["grade"] == "", "\(shell)")
        #expect(shell["not_rankable"]?.contains("total: ") == true, "\(shell)")
        #expect(shell["coverage:total"].flatMap(Double.init).map { $0 < 50 } == true)
        // A portal that is down: the veto grades its total 0, but no dimension rests on a .gov.cn domain alone.
        let down = Self.row(csv, "down")
        #expect(down["total"] == "0.0" && down["dimension:敢用"] == "", "\(down)")
        #expect(down["not_rankable"]?.contains("dimension:敢用: home page not fetched (SB-01 fail)") == true, "\(down)")
        let jia = Self.row(csv, "jia")
        #expect(jia["total"].flatMap(Double.init) != nil && jia["coverage:total"].flatMap(Double.init).map { $0 >= 50 } == true)

        let text = try await TiyanProcess.run(["rank", run.directory])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let shellLine = lines.first { $0.contains(" shell ") } ?? ""
        #expect(shellLine.hasPrefix("   –"), "the shell has no rank: \(shellLine)")
        let firstRanked = lines.first { $0.hasPrefix("   1 ") } ?? ""
        #expect(!firstRanked.contains("shell") && firstRanked.contains("%"), "\(firstRanked)")
        #expect(text.stdout.contains("Not rankable") && lines.contains { $0.hasPrefix("  shell  ") })
        let json = try JSONValue.parse(try await TiyanProcess.run(["rank", "--format", "json", run.directory]).stdout)
        let shellRow = json["rows"]?.arrayValue?.first { $0["id"]?.stringValue == "shell" }
        #expect(shellRow?["rank"] == .null && shellRow?["not_rankable"]?.stringValue?.contains("measured") == true)
        #expect(shellRow?["scores"]?["basics"]?["coverage"]?.doubleValue != nil)
        let rankCSV = try await TiyanProcess.run(["rank", "--format", "csv", run.directory]).stdout
        #expect(rankCSV.hasPrefix("rank,id,name,region,total,grade,total_coverage,total_not_rankable,basics,basics_rank,basics_coverage,"))
        let markdown = try await TiyanProcess.run(["rank", "--format", "md", run.directory]).stdout
        #expect(markdown.contains("| measured |") && markdown.contains("Not rankable"))
    }

    @Test func evidenceLinksToArchivedCopiesThatShowTheSourceAsText() async throws {
        let run = try await FixtureRun.shared.value
        let html = try run.file("index.html")
        let links = Set(html.matches(of: /href="(archived\/[0-9]+\.html)"/).map { String($0.1) })
        #expect(links.count > 100, "\(links.count) archived copies linked")
        for link in links {
            #expect(FileManager.default.fileExists(atPath: run.directory + "/" + link), "\(link) missing")
        }
        // 注入省's home page carries script payloads: its copy shows them escaped, under the report's CSP.
        let pages = try run.file("pages.jsonl").split(separator: "\n")
        let inject = try #require(pages.first { $0.contains(#""target":"inject""#) && $0.contains(#""role":"home""#) })
        let offset = try #require(try JSONValue.parse(String(inject))["warc_offset"]?.doubleValue)
        let copy = try String(contentsOfFile: run.directory + "/archived/\(Int(offset)).html", encoding: .utf8)
        #expect(copy.contains("default-src 'none'"))
        #expect(copy.contains("&lt;script") && copy.components(separatedBy: "<script").count == 1)
        #expect(copy.contains("北京时间") && copy.contains("WARC offset"))
        let manifest = try JSONValue.parse(try run.file("run.json"))
        #expect(manifest["archive_sha256"]?.stringValue?.count == 64)
    }

    @Test func aBreachedAssertionExitsWith5AfterTheRunIsComplete() async throws {
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let root = fixtures.workspace + "/asserted"
        let file = fixtures.workspace + "/assert.yaml"
        try """
            assertions:
              - {score: total, min: 60}
              - {indicator: SB-01, never: [fail]}
              - {coverage: total, min: 50}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.run(fixtures.crawlArguments(out: root) + ["--only", "jia,down,shell", "--assert", file])
        #expect(outcome.status == 5, "\(outcome.stderr)")
        let directory = outcome.lastLine
        #expect(FileManager.default.fileExists(atPath: directory + "/run.json"), "the run folder is complete")
        #expect(outcome.stderr.contains("assertion failure"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("line 3: SB-01 of every target never fail: down has SB-01 fail"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("total of every target ≥ 60: shell has no total (not rankable:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("coverage of total of every target ≥ 50%: shell has"), "\(outcome.stderr)")

        // Rules that hold exit 0; reprobe takes the same file; a bad file is a configuration error.
        try "assertions:\n  - {score: total, min: 10, targets: [jia]}\n  - {indicator: SB-01, never: [fail], targets: [jia]}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let holds = try await TiyanProcess.run(["reprobe", directory, "--probes", TiyanProcess.repositoryRoot + "/probes",
                                          "--assert", file])
        #expect(holds.status == 0 && holds.stderr.contains("all 2 assertions hold"), "\(holds.stderr)")
        try "assertions:\n  - {score: totl, min: 60}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try await TiyanProcess.run(["reprobe", directory, "--probes", TiyanProcess.repositoryRoot + "/probes",
                                        "--assert", file])
        #expect(bad.status == 1 && bad.stderr.contains("assert.yaml:2: assertions[0].score: unknown column totl"),
                "\(bad.stderr)")
    }

    @Test func twoIdenticalCrawlsDiffToNothing() async throws {
        let fixtures = try await FixtureCrawl.start()
        defer { Task { await fixtures.stop() } }
        let root = fixtures.workspace + "/twice"
        // chou, ren and yin answer their search queries, so SR-07 has a measured median each time.
        let first = try await TiyanProcess.run(fixtures.crawlArguments(out: root) + ["--only", "jia,chou,ren,down"])
        try await Task.sleep(for: .milliseconds(1100))
        let second = try await TiyanProcess.run(fixtures.crawlArguments(out: root) + ["--only", "jia,chou,ren,down"])
        #expect(first.status == 0 && second.status == 0)
        let diff = try await TiyanProcess.run(["diff", first.lastLine, second.lastLine])
        #expect(diff.status == 0, "\(diff.stdout)")
    }
}
