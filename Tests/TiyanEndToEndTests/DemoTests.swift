import Foundation
import Testing

/// scripts/demo as README promises it: a report from the fixture portals, and nothing left in the
/// temporary directory afterwards (its own folder, the TLS helper's certificate folder).
@Suite struct DemoTests {
    @Test func demoWritesAReportAndLeavesNoTemporaryFolder() async throws {
        guard let binary = TiyanProcess.binary else { throw TestFailure("tiyan not built") }
        let workspace = try temporaryFolder("tiyan-demo")
        let temporary = workspace + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let outcome = try await TiyanProcess.runProgram(TiyanProcess.repositoryRoot + "/scripts/demo", [], environment: [
            "TIYAN_DEMO_BIN": (binary as NSString).deletingLastPathComponent,
            "TIYAN_DEMO_OUT": workspace + "/reports",
            "TMPDIR": temporary,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr.suffix(2000))")
        #expect(outcome.lastLine.hasPrefix(workspace + "/reports/") && outcome.lastLine.hasSuffix("/index.html"))
        #expect(FileManager.default.fileExists(atPath: outcome.lastLine))
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary)
        #expect(left.isEmpty, "left in TMPDIR: \(left)")
    }
}
