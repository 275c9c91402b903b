import Foundation
import TiyanArchive
import TiyanCore
import TiyanProbes
#if canImport(Glibc)
import Glibc
#endif

/// How the probe stage is protected from its own faults.
struct ProbeIsolation: Sendable {
    /// The probes directory the worker loads (the one the pipeline was built from).
    var probesDirectory: String
    /// Seconds one target's probes may take before the rest of its indicators are `error`.
    var budgetSeconds: Double

    static let defaultBudgetSeconds = 300.0
}

/// Runs the probes in child processes (`tiyan probe-worker`), as browsers isolate renderers: a
/// trap, a stack overflow or a rule that never ends takes down one worker, not the run. What the
/// worker decided before it died is kept; the target it was judging gets `error` for the rest,
/// with the reason; every other target is judged again in a fresh worker. One worker judges all
/// targets while nothing goes wrong, so isolation costs one process and one read of the index.
///
/// Chosen over a watchdog thread because Swift cannot recover from a trap in-process: only a
/// process boundary keeps the other targets' results.
struct ProbeSupervisor {
    let executable: String
    let isolation: ProbeIsolation
    let archive: String
    let runner: ProbeRunner

    /// Nil when this process cannot name its own executable (then the probes run in-process).
    init?(isolation: ProbeIsolation, archive: String, runner: ProbeRunner) {
        guard let executable = Self.ownExecutable() else { return nil }
        self.executable = executable
        self.isolation = isolation
        self.archive = archive
        self.runner = runner
    }

    private static func ownExecutable() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            FileManager.default.isExecutableFile(atPath: path)
        {
            return path
        }
        let argument = CommandLine.arguments.first ?? ""
        return argument.contains("/") && FileManager.default.isExecutableFile(atPath: argument) ? argument : nil
    }

    /// Every site's output, in site order. Throws `CancellationError` when the task is
    /// cancelled (a signal): the worker is stopped and no site is judged again.
    func judge(_ sites: [ArchivedSite], info: ArchiveRunInfo) throws -> [RunPipeline.SiteOutput] {
        var finished = [RunPipeline.SiteOutput?](repeating: nil, count: sites.count)
        var pending = Array(sites.indices)
        var alone: [Int] = []
        while !pending.isEmpty {
            let batch = alone.isEmpty ? pending : [alone.removeFirst()]
            let run = WorkerRun(executable: executable, archive: archive, probes: isolation.probesDirectory,
                                budgetSeconds: isolation.budgetSeconds, sites: batch, profile: runner.profile)
            let outcome = run.execute(onSiteEnded: { Progress.targetDone(sites[$0].target.id) })
            if case .cancelled = outcome.end { throw CancellationError() }
            for site in outcome.ended { finished[site] = outcome.output(for: site, sorted: true) }
            var settled = Set(outcome.ended)
            let inFlight = batch.filter { outcome.started.contains($0) && !outcome.ended.contains($0) }
            switch outcome.end {
            case .completed, .cancelled:
                break
            case let .overBudget(sitesOverBudget):
                for site in sitesOverBudget {
                    finished[site] = filled(
                        outcome, site: site, target: sites[site].target.id,
                        reason: "the probes of this target ran out of their time budget "
                            + "(\(Int(isolation.budgetSeconds)) s); the indicators not decided by then are errors")
                    settled.insert(site)
                    Progress.targetDone(sites[site].target.id)
                }
            case let .died(description):
                if inFlight.count == 1, let culprit = inFlight.first {
                    finished[culprit] = filled(
                        outcome, site: culprit, target: sites[culprit].target.id,
                        reason: "the probe process died (\(description)) while judging this target; "
                            + "the other targets were judged in a fresh process")
                    settled.insert(culprit)
                    Progress.targetDone(sites[culprit].target.id)
                    Progress.line("tiyan: the probes of \(sites[culprit].target.id) died (\(description)); "
                                  + "its undecided indicators are errors, the other targets go on")
                } else if inFlight.count > 1 {
                    alone += inFlight.filter { !alone.contains($0) }
                } else if outcome.started.isEmpty {
                    // The worker could not even start (exec, archive or configuration): judge here.
                    Progress.line("tiyan: the probe worker did not start (\(description)); judging in this process")
                    for site in batch where finished[site] == nil {
                        finished[site] = inProcess(sites[site], info: info)
                        settled.insert(site)
                    }
                }
            }
            pending.removeAll { settled.contains($0) }
        }
        return finished.compactMap { $0 }
    }

    /// What the worker decided for a target, and `error` with `reason` for every indicator it
    /// did not get to.
    private func filled(_ outcome: WorkerRun.Outcome, site: Int, target: String, reason: String)
        -> RunPipeline.SiteOutput
    {
        var output = outcome.output(for: site, sorted: false)
        let decided = Set(output.results.map(\.indicator))
        for missing in runner.indicators where !decided.contains(missing.indicator) {
            output.results.append(IndicatorResult(
                target: target, indicator: missing.indicator, module: missing.module, status: .error,
                probeVersion: missing.probeVersion, reason: reason))
        }
        output.results.sort { $0.indicator < $1.indicator }
        return output
    }

    private func inProcess(_ index: ArchivedSite, info: ArchiveRunInfo) -> RunPipeline.SiteOutput {
        do {
            let (site, charsets) = try RunPipeline.load(index, info: info, path: archive)
            return RunPipeline.judge(site, charsets: charsets, runner: runner)
        } catch {
            let reason = "the archive could not be read for this target: \(error)"
            return RunPipeline.SiteOutput(
                results: runner.indicators.map {
                    IndicatorResult(target: index.target.id, indicator: $0.indicator, module: $0.module,
                                    status: .error, probeVersion: $0.probeVersion, reason: reason)
                }, charsets: [:])
        }
    }
}
