import Dispatch
import Foundation

/// SIGINT (Ctrl-C) and SIGTERM (kill, a Kubernetes pod stopping): the first one says what was
/// interrupted and where the incomplete run folder is, and cancels the command's task so the
/// crawl stops fetching and the command returns through its cleanup (lock released, partial
/// archive closed under its `.partial` name). If that takes longer than `gracePeriod`, or a
/// second signal comes, the process exits at once: every file of a run is written under a
/// temporary name and renamed, run.json last, so even that leaves nothing that looks whole, and
/// the kernel drops the lock with the process.
///
/// Exit status 128 + the signal's number, as a shell reports a process a signal ended:
/// 130 for SIGINT, 143 for SIGTERM.
enum Interruption {
    static let gracePeriod: Double = 10

    private static let lock = NSLock()
    nonisolated(unsafe) private static var received: Int32?
    nonisolated(unsafe) private static var cancel: (@Sendable () -> Void)?
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var criticalDepth = 0

    /// The signal received, if any.
    static var signal: Int32? { lock.withLock { received } }

    static func status(for signal: Int32) -> Int32 { 128 + signal }

    /// Routes SIGINT and SIGTERM to `cancel` (the command's task) instead of the default
    /// immediate death.
    static func install(cancel: @escaping @Sendable () -> Void) {
        lock.withLock { self.cancel = cancel }
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { receive(number) }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    /// Runs `body` (rewriting files that must change together, as reprobe does) with the first
    /// signal held until it returns; a second signal still exits at once.
    static func critical<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock { criticalDepth += 1 }
        defer {
            let pending = lock.withLock { () -> Int32? in
                criticalDepth -= 1
                return criticalDepth == 0 ? received : nil
            }
            if let pending { exitNow(pending, why: "the files are consistent again") }
        }
        return try body()
    }

    private static func receive(_ number: Int32) {
        let (first, inCritical, cancel) = lock.withLock { () -> (Bool, Bool, (@Sendable () -> Void)?) in
            defer { if received == nil { received = number } }
            return (received == nil, criticalDepth > 0, self.cancel)
        }
        guard first else { exitNow(number, why: "a second signal") }
        let state = Progress.current
        var message = "tiyan: interrupted by \(name(number))"
        if state.phase != nil { message += " during \(state.summary)" }
        if state.phase == .report {
            // Everything is fetched and judged: stopping now would only lose the run.
            message += "; finishing the run folder first (again to quit at once)"
        } else if inCritical {
            message += "; finishing the files being written, then stopping (again to quit at once)"
        } else {
            message += "; stopping (again to quit at once)"
        }
        Progress.error(message)
        cancel?()
        DispatchQueue.global().asyncAfter(deadline: .now() + gracePeriod) {
            // Files that must change together are left to finish: `critical` exits after them.
            guard lock.withLock({ criticalDepth == 0 }) else { return }
            exitNow(number, why: "did not stop within \(Int(gracePeriod)) s")
        }
    }

    /// The message for a command that stopped on the signal: where the incomplete run is.
    static func stoppedMessage(runFolder: String?) -> String {
        guard let runFolder else { return "tiyan: stopped" }
        return "tiyan: stopped; the incomplete run is left in \(runFolder) (no run.json; "
            + "a later `tiyan crawl --keep N` never prunes it); the lock is released"
    }

    private static func exitNow(_ number: Int32, why: String) -> Never {
        let folder = Progress.current.runFolder
        Progress.error("tiyan: exiting at once (\(why))"
            + (folder.map { "; the incomplete run is left in \($0) (no run.json)" } ?? ""))
        _exit(status(for: number))
    }

    private static func name(_ number: Int32) -> String {
        number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)"
    }
}

/// A command stopped by SIGINT / SIGTERM after cleaning up.
struct Interrupted: Error {}
