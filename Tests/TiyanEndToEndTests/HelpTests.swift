import Foundation
import Testing

/// The help a person reads: every subcommand states its exit statuses, and `tiyan help crawl` is
/// compared verbatim with a golden file. Re-record it after a deliberate change with
/// `TIYAN_RECORD_GOLDEN=1 swift test --filter HelpTests`, and read the diff before committing.
@Suite struct HelpTests {
    /// ArgumentParser wraps help to the terminal's width: fixed here so the golden file holds.
    private let environment = ["COLUMNS": "100"]

    @Test func helpCrawlMatchesTheGoldenFile() async throws {
        let outcome = try await TiyanProcess.run(["help", "crawl"], environment: environment)
        #expect(outcome.status == 0)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/help-crawl.txt")
        if ProcessInfo.processInfo.environment["TIYAN_RECORD_GOLDEN"] != nil {
            try outcome.stdout.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(outcome.stdout == expected, """
            tiyan help crawl differs from Golden/help-crawl.txt (re-record with TIYAN_RECORD_GOLDEN=1):
            \(outcome.stdout)
            """)
    }

    @Test(arguments: ["crawl", "check", "reprobe", "rank", "diff", "merge", "validate", "probes", "probes path", "probes export"])
    func everySubcommandsHelpStatesItsExitStatuses(_ command: String) async throws {
        let outcome = try await TiyanProcess.run(["help"] + command.split(separator: " ").map(String.init), environment: environment)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Exit status: 0"), "tiyan help \(command):\n\(outcome.stdout)")
    }

    @Test func topLevelHelpPointsToTheSubcommands() async throws {
        let outcome = try await TiyanProcess.run(["--help"], environment: environment)
        #expect(outcome.stdout.contains("Exit status"))
        #expect(outcome.stdout.contains("probes"))
    }
}
