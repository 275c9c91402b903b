import ArgumentParser
import Foundation
import TiyanReport

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Indicators whose status or value changed between two runs.",
        discussion: """
            Compares results.jsonl of RUN_A (before) and RUN_B (after), indicator by indicator, grouped \
            by target. A change is a regression when the score falls (pass 1, fail 0, partial its score; \
            at equal scores pass > partial > fail), an improvement when it rises, and a plain change when \
            only the value moved or a status that carries no score (not_applicable, undetermined, \
            blocked, unreachable, error) is involved: an unmeasured indicator is not a failing one. \
            Targets only one run has are listed as added or removed.
            Exit status: 0 nothing changed; 3 changes, none a regression; 4 at least one regression; \
            1 a run folder cannot be read or is incomplete (no run.json); 2 usage errors.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The earlier run folder.")
    var runA: String

    @Argument(help: "The later run folder.")
    var runB: String

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let diff: RunDiff
        do {
            let before = try CompletedRun.open(runA), after = try CompletedRun.open(runB)
            var names: [String: String] = [:]
            for folder in [before, after] {
                for row in (try? folder.scores().rows) ?? [] { names[row.id] = row.name }
            }
            diff = RunDiff.compare(before: before, try before.results(), after: after, try after.results(), names: names)
        } catch let failure as ReadFailure {
            Progress.error("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
        print(format == .json ? diff.renderJSON() : diff.renderText(), terminator: "")
        if diff.exitStatus != 0 { throw ExitCode(diff.exitStatus) }
    }
}
