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
            index.html. Each subcommand's help (tiyan help COMMAND) lists its exit statuses.
            \(ExitStatus.common)
            """,
        version: "tiyan \(ToolVersion.current)",
        subcommands: [CrawlCommand.self, CheckCommand.self, ReprobeCommand.self, RankCommand.self, DiffCommand.self,
                      MergeCommand.self, ValidateCommand.self, ProbesCommand.self, ExportCommand.self,
                      ProbeWorkerCommand.self]
    )

    /// ArgumentParser reports usage errors with EX_USAGE (64); SPEC.md promises 2.
    static func main() async {
        do {
            let command = try parseAsRoot()
            if let asyncCommand = command as? AsyncParsableCommand {
                try await runInterruptibly(asyncCommand)
            } else {
                var command = command
                try command.run()
            }
            end(0)
        } catch let code as ExitCode {
            end(code.rawValue)
        } catch let failure as UsageFailure {
            FileHandle.standardError.write(Data("tiyan: \(failure.description)\n".utf8))
            Foundation.exit(2)
        } catch is Interrupted {
            Progress.error(Interruption.stoppedMessage(runFolder: Progress.current.runFolder))
            Foundation.exit(Interruption.status(for: Interruption.signal ?? SIGINT))
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

    /// Ends the process without running the C libraries' exit handlers. OpenSSL's cleanup at
    /// exit races with fetch threads still freeing their TLS handles and has crashed a completed
    /// run (SIGABRT in libcrypto) before its last line reached stdout; nothing is left to clean up
    /// once the run folder is written, so only the stdio buffers are flushed.
    private static func end(_ status: Int32) -> Never {
        fflush(nil)  // every output stream
        _exit(status)
    }

    /// Runs the command in a task that SIGINT / SIGTERM cancel (Interruption).
    private static func runInterruptibly(_ command: AsyncParsableCommand) async throws {
        let box = CommandBox(command)
        let task = Task { try await box.run() }
        Interruption.install { task.cancel() }
        do {
            try await task.value
        } catch let exit as ExitCode where exit.isSuccess {
            throw exit
        } catch {
            // A command that failed because its work was cancelled (an aborted fetch, say)
            // was interrupted, whatever error it ended with.
            if Interruption.signal != nil { throw Interrupted() }
            throw error
        }
    }
}

/// Carries the parsed command into the task that runs it; only that task touches it.
private final class CommandBox: @unchecked Sendable {
    var command: AsyncParsableCommand
    init(_ command: AsyncParsableCommand) { self.command = command }
    func run() async throws { try await command.run() }
}
