import Foundation
import TiyanCore
import TiyanProbes
#if canImport(Glibc)
import Glibc
#endif

/// One probe worker process from start to exit: it reads the worker's lines as they come and
/// kills it when a site's probes outlast the budget.
struct WorkerRun {
    let executable: String
    let archive: String
    let probes: String
    let budgetSeconds: Double
    let sites: [Int]
    /// Where the worker's profile rows go (`--profile`); nil when not profiling.
    var profile: ProbeProfile? = nil

    enum End {
        case completed
        /// Killed because these sites' probes outlasted the budget.
        case overBudget([Int])
        /// Exited without finishing (a signal or a non-zero status), in words.
        case died(String)
        /// Stopped because the task that ran it was cancelled.
        case cancelled
    }

    struct Outcome {
        var started: Set<Int> = []
        var ended: [Int] = []
        var results: [Int: [IndicatorResult]] = [:]
        var charsets: [Int: [Int64: RunPipeline.Charset]] = [:]
        var judgedErrors: [Int: [Int64: RunPipeline.JudgedError]] = [:]
        var end: End = .completed

        func output(for site: Int, sorted: Bool) -> RunPipeline.SiteOutput {
            let results = results[site] ?? []
            return RunPipeline.SiteOutput(
                results: sorted ? results.sorted { $0.indicator < $1.indicator } : results,
                charsets: charsets[site] ?? [:], judgedErrors: judgedErrors[site] ?? [:])
        }
    }

    func execute(onSiteEnded: @escaping @Sendable (Int) -> Void = { _ in }) -> Outcome {
        let state = State(onSiteEnded: onSiteEnded, profile: profile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["probe-worker", "--archive", archive, "--probes", probes,
                             "--sites", sites.map(String.init).joined(separator: ",")]
            + (profile == nil ? [] : ["--profile"])
        var environment = ProcessInfo.processInfo.environment
        // The runtime's backtracer takes seconds and pages of stderr per crash; the supervisor
        // says in one line which target died.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            var outcome = Outcome()
            outcome.end = .died("cannot start \(executable): \(error)")
            return outcome
        }
        let reader = Thread {
            state.read(pipe.fileHandleForReading)
        }
        reader.start()
        var overBudget: [Int] = []
        var cancelled = false
        while process.isRunning {
            usleep(100_000)
            if Task.isCancelled {
                cancelled = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            overBudget = state.sites(runningLongerThan: budgetSeconds)
            if !overBudget.isEmpty {
                kill(process.processIdentifier, SIGKILL)
                break
            }
        }
        process.waitUntilExit()
        state.waitForEndOfOutput()
        // Ctrl-C reaches the whole process group: a worker gone with it was not a fault.
        if Task.isCancelled { cancelled = true }
        var outcome = state.outcome
        if cancelled {
            outcome.end = .cancelled
        } else if !overBudget.isEmpty {
            outcome.end = .overBudget(overBudget)
        } else if !state.sawDone || process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
            outcome.end = .died(Self.describe(process))
        }
        return outcome
    }

    private static func describe(_ process: Process) -> String {
        guard process.terminationReason == .uncaughtSignal else { return "exit status \(process.terminationStatus)" }
        let signal = process.terminationStatus
        let name = strsignal(signal).map { String(cString: $0) } ?? "signal"
        return "signal \(signal): \(name)"
    }

    /// What the reader thread has seen so far, shared with the watchdog loop.
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var collected = Outcome()
        private var startedAt: [Int: Date] = [:]
        private var done = false
        private let finished = DispatchSemaphore(value: 0)
        private let onSiteEnded: @Sendable (Int) -> Void
        private let profile: ProbeProfile?

        init(onSiteEnded: @escaping @Sendable (Int) -> Void, profile: ProbeProfile?) {
            self.onSiteEnded = onSiteEnded
            self.profile = profile
        }

        var outcome: Outcome { lock.withLock { collected } }
        var sawDone: Bool { lock.withLock { done } }

        func sites(runningLongerThan seconds: Double) -> [Int] {
            let now = Date()
            return lock.withLock {
                startedAt.filter { now.timeIntervalSince($0.value) > seconds }.map(\.key).sorted()
            }
        }

        func read(_ handle: FileHandle) {
            defer { finished.signal() }
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                var start = buffer.startIndex
                while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    consume(line: buffer[start..<newline])
                    start = buffer.index(after: newline)
                }
                buffer.removeSubrange(buffer.startIndex..<start)
            }
        }

        func waitForEndOfOutput() { finished.wait() }

        private func consume(line bytes: Data) {
            guard let event = ProbeWorkerLine.parse(Substring(String(decoding: bytes, as: UTF8.self))) else { return }
            lock.withLock {
                switch event {
                case let .started(site):
                    collected.started.insert(site)
                    startedAt[site] = Date()
                case let .charset(site, offset, bytes, name, source):
                    collected.charsets[site, default: [:]][offset] = RunPipeline.Charset(
                        name: name, source: source, bytes: bytes)
                case let .verdict(site, offset, error):
                    collected.judgedErrors[site, default: [:]][offset] = RunPipeline.JudgedError(error: error)
                case let .result(site, result):
                    collected.results[site, default: []].append(result)
                case let .ended(site):
                    collected.ended.append(site)
                    startedAt[site] = nil
                    onSiteEnded(site)
                case let .profile(name, entry):
                    profile?.merge([name: entry])
                case .done:
                    done = true
                }
            }
        }
    }
}
