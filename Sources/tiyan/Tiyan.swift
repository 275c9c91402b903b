import ArgumentParser
import Foundation

@main
struct Tiyan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiyan",
        abstract: "An automated 体验官: probes Chinese government service portals and reports evidence-backed indicators.",
        discussion: """
            The pipeline is crawl → archive → probe → score → report. A crawl writes a run folder under \
            reports/<run-id>/ with run.json, pages.jsonl, results.jsonl, scores.csv, archive.warc.gz and \
            index.html. Exit status: 0 when the run completed (failing sites are results), 1 when it could \
            not be done, 2 for usage errors.
            """,
        version: "tiyan \(ToolVersion.current)",
        subcommands: [CrawlCommand.self, CheckCommand.self, ReprobeCommand.self, RankCommand.self, DiffCommand.self,
                      MergeCommand.self, ValidateCommand.self, ExportCommand.self]
    )

    /// ArgumentParser reports usage errors with EX_USAGE (64); SPEC.md promises 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
