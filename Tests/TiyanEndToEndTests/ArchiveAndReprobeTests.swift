import Foundation
import Testing

/// The archive is readable by standard WARC tools, and reprobe rebuilds the results from it alone.
@Suite struct ArchiveAndReprobeTests {
    @Test func warcioReadsTheArchive() async throws {
        let run = try await FixtureRun.shared.value
        let script = """
            import sys
            from warcio.archiveiterator import ArchiveIterator
            counts = {}
            uris = set()
            with open(sys.argv[1], 'rb') as stream:
                for record in ArchiveIterator(stream):
                    counts[record.rec_type] = counts.get(record.rec_type, 0) + 1
                    uri = record.rec_headers.get_header('WARC-Target-URI')
                    if uri: uris.add(uri)
                    record.content_stream().read()
            print(counts.get('warcinfo', 0), counts.get('request', 0), counts.get('response', 0), counts.get('metadata', 0))
            print('http://www.jiazwfw.gov.cn/' in uris)
            """
        let outcome = try await TiyanProcess.runProgram("/usr/bin/env", ["python3", "-c", script, run.directory + "/archive.warc.gz"])
        if outcome.status != 0, outcome.stderr.contains("No module named 'warcio'"),
           ProcessInfo.processInfo.environment["CI"] == nil {
            Issue.record("warcio is not installed (pip install warcio); the CI installs it")
            return
        }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        let counts = lines.first?.split(separator: " ").compactMap { Int($0) } ?? []
        #expect(counts.count == 4)
        #expect(counts.first == 1)
        #expect(counts.count == 4 && counts[1] > 20 && counts[2] > 20 && counts[3] > counts[1])
        #expect(lines.last == "True")
    }

    @Test func reprobeReproducesResultsByteForByte() async throws {
        let run = try await FixtureRun.shared.value
        let copy = run.workspace + "/reprobe-copy"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: run.directory + "/archive.warc.gz", toPath: copy + "/archive.warc.gz")
        // Profiled, so that the profile's trip from the probe worker is shown to change nothing.
        let outcome = try await TiyanProcess.run(["reprobe", copy, "--probes", TiyanProcess.repositoryRoot + "/probes",
                                                  "--profile"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("rule PR-06") && outcome.stderr.contains("artifact parse"),
                "the worker's profile reached the supervisor: \(outcome.stderr.suffix(2000))")
        for name in ["results.jsonl", "scores.csv"] {
            let original = FileManager.default.contents(atPath: run.directory + "/" + name)
            let again = FileManager.default.contents(atPath: copy + "/" + name)
            #expect(original != nil && original == again, "\(name) differs after reprobe")
        }
        let report = FileManager.default.contents(atPath: copy + "/index.html").map { String(decoding: $0, as: UTF8.self) }
        #expect(report?.contains("甲省政务服务网") == true, "reprobe writes the evaluators' report")
    }
}
