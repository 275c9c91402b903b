import Foundation

/// Progress goes to stderr so that stdout carries only results (SPEC.md). On a terminal one
/// status line is rewritten in place (phase, targets done / total, pages, elapsed, estimate);
/// in a log (cron) one plain line per event; with `--quiet` only errors.
enum Progress {
    enum Phase: String, Sendable {
        case fetch, probe, report
    }

    /// What the run is doing, for the status line and for the message an interruption prints.
    struct State: Sendable {
        var phase: Phase?
        var total = 0
        var done = 0
        var pages = 0
        var runFolder: String?
        var phaseStartedAt = Date()
        var startedAt = Date()

        /// "fetch 12/33 targets, 340 pages, 1m12s, about 2m30s left"
        var summary: String {
            var parts = ["\(phase?.rawValue ?? "start") \(done)/\(total) targets", "\(pages) pages",
                         Progress.duration(Date().timeIntervalSince(startedAt))]
            let inPhase = Date().timeIntervalSince(phaseStartedAt)
            if done > 0, done < total, inPhase > 1 {
                parts.append("about \(Progress.duration(inPhase / Double(done) * Double(total - done))) left")
            }
            return parts.joined(separator: ", ")
        }
    }

    private static let isTerminal = isatty(STDERR_FILENO) == 1
    private static let lock = NSLock()
    nonisolated(unsafe) private static var state = State()
    nonisolated(unsafe) private static var quietMode = false
    nonisolated(unsafe) private static var lastDrawn = Date.distantPast
    /// Redraws the status line each second on a terminal, so elapsed time moves while a slow
    /// host keeps every counter still.
    nonisolated(unsafe) private static var ticker: DispatchSourceTimer?

    /// `--quiet`: errors and the run path only, for cron.
    static var quiet: Bool {
        get { lock.withLock { quietMode } }
        set { lock.withLock { quietMode = newValue } }
    }

    static var current: State { lock.withLock { state } }

    /// A message that stays; suppressed by --quiet.
    static func line(_ text: String) {
        lock.withLock {
            guard !quietMode else { return }
            write(clearStatus + text + "\n")
            redrawStatus()
        }
    }

    /// An error or warning: printed whatever --quiet says.
    static func error(_ text: String) {
        lock.withLock {
            write(clearStatus + text + "\n")
            redrawStatus()
        }
    }

    /// The run folder being written, named by an interruption.
    static func begin(runFolder: String) {
        lock.withLock { state.runFolder = runFolder }
    }

    /// A new phase over `total` targets.
    static func begin(_ phase: Phase, total: Int) {
        lock.withLock {
            state.phase = phase
            state.total = total
            state.done = 0
            state.phaseStartedAt = Date()
            lastDrawn = .distantPast
            redrawStatus()
            if isTerminal, !quietMode, ticker == nil {
                let timer = DispatchSource.makeTimerSource(queue: .global())
                timer.schedule(deadline: .now() + 1, repeating: 1)
                timer.setEventHandler { lock.withLock { redrawStatus(force: true) } }
                timer.resume()
                ticker = timer
            }
        }
    }

    /// One target through the current phase: a line in a log, the status line on a terminal.
    static func targetDone(_ id: String) {
        lock.withLock {
            state.done += 1
            guard !quietMode, state.phase != nil else { return }
            if isTerminal {
                redrawStatus(force: state.done == state.total)
            } else {
                write("tiyan: \(state.phase?.rawValue ?? "") \(state.done)/\(state.total) targets (\(id) done)\n")
            }
        }
    }

    /// One fetched resource: a line in a log, a counter on a terminal.
    static func fetch(_ text: String) {
        lock.withLock {
            state.pages += 1
            guard !quietMode else { return }
            if isTerminal {
                redrawStatus()
            } else {
                write(text + "\n")
            }
        }
    }

    /// The end of the status line before the final summary.
    static func finish() {
        lock.withLock {
            ticker?.cancel()
            ticker = nil
            if isTerminal, !quietMode, state.phase != nil { write(clearStatus) }
            state.phase = nil
        }
    }

    /// "3m05s", "42s"
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h\(String(format: "%02d", whole / 60 % 60))m"
    }

    /// The process's peak resident memory so far, in bytes (getrusage: kilobytes on Linux).
    static var peakMemoryBytes: Int {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return usage.ru_maxrss * 1024
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return usage.ru_maxrss
        #endif
    }

    private static var clearStatus: String { isTerminal && state.phase != nil ? "\r\u{1B}[K" : "" }

    /// Rewrites the status line, at most ten times a second unless `force`.
    private static func redrawStatus(force: Bool = false) {
        guard isTerminal, !quietMode, state.phase != nil else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        write("\r\u{1B}[K" + String(state.summary.prefix(120)))
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A run that could not be done: printed to stderr, exit status 1.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A command line that names something that does not exist (an unknown target id): exit 2.
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
