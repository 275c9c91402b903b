import Testing
import TiyanCore
import TiyanReport
import TiyanScoring

/// rank in every format, for one run and for two, and diff, from fixed runs.
@Suite struct RankAndDiffGoldenTests {
    @Test(arguments: [LeagueTable.Grouping.module, .dimension], [false, true])
    func rankInEveryFormat(by grouping: LeagueTable.Grouping, twoRuns: Bool) throws {
        let table = try RankFixture.league(by: grouping, twoRuns: twoRuns)
        let stem = "rank-\(grouping.rawValue)-\(twoRuns ? "two-runs" : "one-run")"
        try Golden.check(table.renderText(), named: stem + ".txt")
        try Golden.check(table.renderCSV(), named: stem + ".csv")
        try Golden.check(table.renderJSON(), named: stem + ".json")
        try Golden.check(table.renderMarkdown(), named: stem + ".md")
    }

    @Test func diffInEveryFormat() throws {
        let diff = try RankFixture.diff()
        try Golden.check(diff.renderText(), named: "diff.txt")
        try Golden.check(diff.renderJSON(), named: "diff.json")
    }

    @Test func scoresCSVOfTheLaterRun() throws {
        try Golden.check(RankFixture.scoresCSV(RankFixture.laterResults, targets: RankFixture.laterTargets),
                         named: "scores-later.csv")
    }
}

@Suite struct LeagueTableTests {
    @Test func tiesShareARankAndTheNextRankSkips() {
        let ranked = CompetitionRanking.rank([("d", 50), ("a", 90), ("c", 80.04), ("b", 79.96), ("e", nil), ("f", 50)])
        #expect(ranked.map(\.id) == ["a", "b", "c", "d", "f", "e"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4, 4, nil])
    }

    @Test func movementComparesTheLaterRunWithTheEarlierOne() throws {
        let table = try RankFixture.league(by: .module, twoRuns: true)
        #expect(table.rows.map(\.id) == ["zj", "gd", "sh", "hi", "xz"])
        #expect(table.rows.map(\.rank) == [1, 2, 2, 4, nil])
        guard case let .moved(rank, total)? = table.rows[0].movement else {
            Issue.record("zj should have moved")
            return
        }
        // zj was third (behind two tied at 100) with 81.2 as printed, is first with 93.8.
        #expect(rank == 2 && total.map { abs($0 - 12.6) < 1e-9 } == true)
        if case .new? = table.rows[3].movement {} else { Issue.record("hi is new") }
        #expect(table.dropped.map(\.id) == ["bj"] && table.dropped.first?.rank == 1)
        #expect(table.rows[3].vetoes == ["SB-01"] && table.rows[3].total == 0)
    }

    @Test func scoresCSVReadsBackWithItsColumnKinds() throws {
        let table = try RankFixture.table(earlier: false)
        #expect(table.modules == ReportFixture.modules)
        #expect(table.dimensions == ["可用", "敢用"] && table.items == ["查询精准度"])
        #expect(table.rows.map(\.id) == ["zj", "sh", "gd", "hi", "xz"])
        #expect(table.rows[1].name == "上海 \"一网通办\"")
        #expect(table.rows[4].total == nil && table.rows[4].scores.isEmpty)
        #expect(table.rows.allSatisfy { $0.algorithmVersion == "9.9-test" })
        let old = try ScoreTable.parse("id,name,region,basics,total,grade\na,A,1,50.0,50.0,D\n")
        #expect(old.modules == ["basics"] && old.rows.first?.scores["basics"] == 50 && old.rows.first?.algorithmVersion == nil)
        #expect(throws: ReadFailure.self) { try ScoreTable.parse("not,a,table\n") }
    }

    @Test func scoresCSVParsingSurvivesQuotesLineBreaksAndDamage() throws {
        let text = "id,name,region,basics,total,grade\r\n"
            + "a,\"甲, \"\"乙\"\"\r\n丙\",1,50.0,50.0,D\r\n"
            + "b,B,2,abc,,\r\n"
            + "c,C\n"
            + ",nameless,3,1,1,D\n"
            + "d,\"unterminated,4"
        let table = try ScoreTable.parse(text)
        #expect(table.rows.map(\.id) == ["a", "b", "c", "d"])
        // Inside quotes a line break is data, kept as written.
        #expect(table.rows[0].name == "甲, \"乙\"\r\n丙" && table.rows[0].total == 50)
        #expect(table.rows[1].scores.isEmpty && table.rows[1].total == nil && table.rows[1].grade == nil)
        #expect(table.rows[2].region == "" && table.rows[2].total == nil)
        #expect(table.rows[3].name == "unterminated,4")
    }
}

@Suite struct RunDiffTests {
    @Test func changesAreGroupedAndClassified() throws {
        let diff = try RankFixture.diff()
        let kinds = diff.changes.map { "\($0.target) \($0.indicator) \($0.kind.rawValue)" }
        #expect(kinds == ["zj SB-05 improvement", "zj PR-06 change", "sh SB-05 regression", "sh SR-02 regression",
                          "gd PR-06 improvement", "gd SR-02 change"])
        #expect(diff.addedTargets == ["hi"] && diff.removedTargets == ["bj"])
        #expect(diff.exitStatus == 4)
    }

    @Test func exitStatusSaysWhetherAnythingRegressed() throws {
        let before = try RankFixture.lines(RankFixture.earlierResults)
        let same = RunDiff.compare(before: RankFixture.earlierRun, before, after: RankFixture.laterRun, before)
        #expect(same.exitStatus == 0 && same.changes.isEmpty)
        let better = before.map { line -> ResultLine in
            var line = line
            if line.target == "gd" && line.indicator == "PR-06" { line.status = "pass"; line.score = 1 }
            return line
        }
        #expect(RunDiff.compare(before: RankFixture.earlierRun, before, after: RankFixture.laterRun, better).exitStatus == 3)
        #expect(RunDiff.compare(before: RankFixture.earlierRun, better, after: RankFixture.laterRun, before).exitStatus == 4)
    }

    @Test(arguments: [
        ("pass", 1.0, "fail", 0.0, RunDiff.Kind.regression), ("fail", 0, "pass", 1, .improvement),
        ("partial", 0.5, "partial", 0.7, .improvement), ("pass", 0.7, "pass", 0.4, .regression),
        ("pass", 1, "unreachable", -1, .change), ("blocked", -1, "fail", 0, .change),
        ("partial", 1, "pass", 1, .improvement), ("pass", 1, "pass", 1, .change),
    ])
    func kinds(before: String, beforeScore: Double, after: String, afterScore: Double, kind: RunDiff.Kind) {
        let old = ResultLine(target: "t", indicator: "X", module: "m", status: before, score: beforeScore < 0 ? nil : beforeScore)
        let new = ResultLine(target: "t", indicator: "X", module: "m", status: after, value: "v",
                             score: afterScore < 0 ? nil : afterScore)
        let diff = RunDiff.compare(before: RankFixture.earlierRun, [old], after: RankFixture.laterRun, [new])
        #expect(diff.changes.first?.kind == kind)
    }
}
