import Foundation
import Testing
import TiyanCore
import TiyanTestSupport

/// What a person meets on the command line: one line that says what is wrong, in words, with the
/// exit status the help promises (issue 19, "The command line, as a person meets it").
@Suite struct CommandLineMessageTests {
    private let probes = TiyanProcess.repositoryRoot + "/probes"

    @Test func checkOnADirectoryIsAUsageErrorInOneLine() async throws {
        let folder = try temporaryFolder("tiyan-dir")
        let outcome = try await TiyanProcess.run(["check", "--probes", probes, folder])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("\(folder) is a directory"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func checkOnAMissingFileSaysWhy() async throws {
        let outcome = try await TiyanProcess.run(["check", "--probes", probes, "/nonexistent/page.html"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot read /nonexistent/page.html: No such file or directory"), "\(outcome.stderr)")
    }

    @Test func checkOnA404OrARefusedConnectionExitsOneWithOneLine() async throws {
        let server = try await FixtureServer.start { request in
            switch request.path {
            case "/missing":
                FixtureResponse(status: 404, headers: [HTTPHeader(name: "Content-Type", value: "text/html")],
                                body: Array("<html><body>404</body></html>".utf8))
            case "/policy.pdf":
                FixtureResponse(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "application/pdf")],
                                body: Array("%PDF-1.4\n隐私政策\n%%EOF\n".utf8))
            default:
                FixtureResponse(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html")],
                                body: Array("<html lang=zh><head><title>首页</title></head><body>办事</body></html>".utf8))
            }
        }
        defer { Task { try? await server.shutdown() } }
        let base = "http://127.0.0.1:\(server.port)"
        let missing = try await TiyanProcess.run(["check", "--probes", probes, base + "/missing"])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty, "no page of unreachable results: \(missing.stdout.prefix(300))")
        let lines = missing.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("http_4xx") && lines[0].contains("404"), "\(missing.stderr)")

        // A free port: bound and closed again, so nothing listens on it.
        let refused = try await TiyanProcess.run(["check", "--probes", probes, "--timeout", "3", "http://127.0.0.1:\(try closedPort())/"])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("connect"), "\(refused.stderr)")

        // A body that is not HTML is a finding, not a failure: a policy published as a PDF.
        let pdf = try await TiyanProcess.run(["check", "--role", "privacy", "--probes", probes, base + "/policy.pdf"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(pdf.stdout.contains("PR-01"), "\(pdf.stdout.prefix(500))")

        // The good input is still judged, and JSON keeps one shape: a list with one entry per input.
        let mixed = try await TiyanProcess.run(["check", "--format", "json", "--probes", probes, base + "/", base + "/missing"])
        #expect(mixed.status == 1)
        let entries = try JSONValue.parse(mixed.stdout).arrayValue ?? []
        #expect(entries.count == 2)
        #expect(entries.first?["indicators"]?.arrayValue?.isEmpty == false)
        #expect(entries.last?["error"]?.stringValue == "http_4xx")
        #expect(entries.last?["indicators"]?.arrayValue?.isEmpty == true)
    }

    @Test func checkFormatJSONIsAListEvenForOneInput() async throws {
        let file = FixturePortals().root + "/www.yi-bianmin.com/index.html"
        let outcome = try await TiyanProcess.run(["check", "--format", "json", "--probes", probes, file])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let entries = try #require(try JSONValue.parse(outcome.stdout).arrayValue)
        #expect(entries.count == 1)
        #expect(entries.first?["file"]?.stringValue == file)
    }

    @Test(.enabled(if: TLSFixture.isAvailable)) func checkSaysABadCertificateInTextOutput() async throws {
        let tls = try await TLSFixture.start()
        defer { tls.stop() }
        // No --cacert: the self-signed certificate does not verify.
        let outcome = try await TiyanProcess.run(["check", "--probes", probes, "https://localhost:\(tls.port)/"])
        #expect(outcome.status == 0, "the content was fetched without verification and judged: \(outcome.stderr)")
        let header = outcome.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("certificate did not verify"), "\(header)")
        #expect(header.contains("without verification"))
    }

    @Test func crawlOnlyWithAnUnknownIDIsAUsageError() async throws {
        let workspace = try temporaryFolder("tiyan-only")
        try FixturePortals.targetsYAML(ids: ["jia"]).write(toFile: workspace + "/targets.yaml", atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.run(["crawl", "--render", "never", "--targets", workspace + "/targets.yaml", "--probes", probes,
                                            "--out", workspace + "/reports", "--only", "jia,nosuch"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("nosuch"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace + "/reports"), "a usage error touches nothing")
    }

    @Test func crawlOutOnAFileOrAnUnwritableFolderSaysSoInWords() async throws {
        let workspace = try temporaryFolder("tiyan-out")
        try FixturePortals.targetsYAML(ids: ["jia"]).write(toFile: workspace + "/targets.yaml", atomically: true, encoding: .utf8)
        let file = workspace + "/a-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        func crawl(out: String) async throws -> TiyanProcess.Outcome {
            try await TiyanProcess.run(["crawl", "--render", "never", "--targets", workspace + "/targets.yaml", "--probes", probes, "--out", out,
                                  "--connect-to", "::127.0.0.1:9"])
        }
        let onFile = try await crawl(out: file)
        #expect(onFile.status == 1)
        #expect(onFile.stderr.contains("\(file) is a file, not a folder"), "\(onFile.stderr)")
        let under = try await crawl(out: file + "/reports")
        #expect(under.status == 1)
        #expect(under.stderr.contains("\(file) is a file, not a folder"), "\(under.stderr)")
        // Not writable even by root: /proc refuses new folders.
        let unwritable = try await crawl(out: "/proc/tiyan-reports")
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot create folder /proc/tiyan-reports: "), "\(unwritable.stderr)")
        for outcome in [onFile, under, unwritable] {
            #expect(!outcome.stderr.contains("NSCocoaErrorDomain") && !outcome.stderr.contains("Error Domain"))
        }
    }

    @Test func keepBelowOneSaysWhatIsWrong() async throws {
        for value in ["-1", "0"] {
            let outcome = try await TiyanProcess.run(["crawl", "--keep", value])
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("--keep \(value): N is how many completed runs to keep, and must be at least 1"),
                    "\(outcome.stderr)")
        }
    }

    @Test func rankAndDiffOnAnIncompleteRunSayItIsIncomplete() async throws {
        let folder = try temporaryFolder("tiyan-incomplete") + "/20261123T020000Z"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id,name,region,basics,total,grade\nyi,乙,110000,50.0,50.0,D\n"
            .write(toFile: folder + "/scores.csv", atomically: true, encoding: .utf8)
        let rank = try await TiyanProcess.run(["rank", folder])
        #expect(rank.status == 1)
        #expect(rank.stderr.contains("\(folder) is an incomplete run (no run.json)"), "\(rank.stderr)")
        let diff = try await TiyanProcess.run(["diff", folder, folder])
        #expect(diff.status == 1 && diff.stderr.contains("incomplete run"), "\(diff.stderr)")
    }

    @Test func cannotReadErrorsNameThePathAndTheReason() async throws {
        let outcome = try await TiyanProcess.run(["validate", "/nonexistent/targets.yaml", "/nonexistent/probes"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("/nonexistent/targets.yaml: cannot read file: No such file or directory"),
                "\(outcome.stderr)")
        #expect(outcome.stderr.contains("/nonexistent/probes: cannot read directory: No such file or directory"))
        let folder = try temporaryFolder("tiyan-notafile")
        let directory = try await TiyanProcess.run(["validate", folder, probes])
        #expect(directory.stderr.contains("\(folder): cannot read file: is a directory"), "\(directory.stderr)")
    }

    @Test func schemaValidatorOnAMissingFolderPrintsOneLine() async throws {
        let script = TiyanProcess.repositoryRoot + "/schemas/validate.py"
        let outcome = try await TiyanProcess.runProgram("/usr/bin/env", ["python3", script, "/nonexistent/run"])
        guard !outcome.stderr.contains("jsonschema is not installed") else { return }
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "validate.py: /nonexistent/run: no such folder\n", "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Traceback"))
    }

    /// A loopback port nothing listens on.
    private func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw TestFailure("bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
