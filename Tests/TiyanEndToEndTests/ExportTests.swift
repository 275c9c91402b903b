import Foundation
import Testing
import TiyanCore

/// `tiyan export` on the fixture crawl: the XLSX reads back in openpyxl (an independent reader)
/// with the very numbers of scores.csv, the CSV carries a BOM on request, and the 整改清单 lists
/// each failing indicator with its name, reason, source and fix.
@Suite struct ExportTests {
    static let openpyxlAvailable = (try? TiyanProcess.runProgramBlocking("/usr/bin/env", ["python3", "-c", "import openpyxl"])) == 0
    static let required = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false

    @Test(.enabled(if: openpyxlAvailable || required, "python3 with openpyxl is not installed (scripts/install-deps)"))
    func theWorkbookReadsBackInOpenpyxlWithTheNumbersOfScoresCSV() async throws {
        try #require(Self.openpyxlAvailable, "CI is set but python3 -c 'import openpyxl' fails")
        let (run, copy) = try await ScoringCommandTests.copyOfRun("export-copy")
        let outcome = try await TiyanProcess.run(["export", copy, "--probes", TiyanProcess.repositoryRoot + "/probes"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let workbook = try #require(outcome.stdout.split(separator: "\n").first { $0.hasSuffix(".xlsx") }.map(String.init))
        let script = """
            import csv, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print('sheets', '|'.join(book.sheetnames))
            rows = list(book['得分 scores'].iter_rows(values_only=True))
            reference = list(csv.reader(open(sys.argv[2], encoding='utf-8')))
            bad = 0
            for got, want in zip(rows, reference):
                for x, y in zip(list(got) + [None] * (len(want) - len(got)), want):
                    if x is None:
                        bad += y != ''
                    elif isinstance(x, (int, float)):
                        bad += abs(float(y) - x) > 1e-9
                    else:
                        bad += str(x) != y
            print('rows', len(rows), len(reference), 'mismatches', bad)
            numbers = sum(isinstance(v, (int, float)) for row in rows[1:] for v in row)
            print('numbers', numbers)
            items = list(book['整改清单'].iter_rows(values_only=True))
            print('items', len(items) - 1)
            print('header', '|'.join(items[0]))
            statuses = {row[7] for row in items[1:]}
            print('statuses', '|'.join(sorted(statuses)))
            print('fixes', sum(1 for row in items[1:] if row[14]))
            print('reasons', sum(1 for row in items[1:] if row[9]))
            """
        let read = try await TiyanProcess.runProgram("/usr/bin/env", ["python3", "-c", script, workbook, run.directory + "/scores.csv"])
        #expect(read.status == 0, "\(read.stderr)")
        let lines = read.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("sheets 得分 scores|整改清单"), "\(read.stdout)")
        let rows = try run.file("scores.csv").split(separator: "\n").count
        #expect(lines.contains("rows \(rows) \(rows) mismatches 0"), "\(read.stdout)")
        #expect(lines.contains { $0.hasPrefix("numbers ") && (Int($0.dropFirst(8)) ?? 0) > 100 }, "\(read.stdout)")
        let items = lines.first { $0.hasPrefix("items ") }.flatMap { Int($0.dropFirst(6)) } ?? 0
        let failing = try run.file("results.jsonl").split(separator: "\n")
            .filter { $0.contains(#""status":"fail""#) || $0.contains(#""status":"partial""#) }.count
        #expect(items == failing, "every fail and partial is an item: \(items) vs \(failing)")
        #expect(lines.contains("statuses fail|partial"), "\(read.stdout)")
        #expect(lines.contains("fixes \(items)"), "every item says what to change: \(read.stdout)")

        let page = try String(contentsOfFile: copy + "/rectification.html", encoding: .utf8)
        #expect(page.contains("整改清单") && page.contains("page-break-before") && !page.contains("<script"))
        #expect(page.contains("id=\"rect-jia\"") && page.contains("整改建议"))
    }

    @Test func csvExportCarriesABOMForExcelOnRequest() async throws {
        let (run, copy) = try await ScoringCommandTests.copyOfRun("export-csv-copy")
        let outcome = try await TiyanProcess.run(["export", copy, "--format", "csv", "--bom",
                                            "--probes", TiyanProcess.repositoryRoot + "/probes"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let data = try #require(FileManager.default.contents(atPath: copy + "/export/scores.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.replacingOccurrences(of: "\r\n", with: "\n") == (try run.file("scores.csv")))
        let plain = try await TiyanProcess.run(["export", copy, "--format", "csv", "--probes", TiyanProcess.repositoryRoot + "/probes"])
        #expect(plain.status == 0)
        #expect(FileManager.default.contents(atPath: copy + "/export/scores.csv").map { Array($0.prefix(3)) } != [0xEF, 0xBB, 0xBF])
        #expect(try await TiyanProcess.run(["export", run.workspace + "/no-such-run"]).status == 1)
    }
}
