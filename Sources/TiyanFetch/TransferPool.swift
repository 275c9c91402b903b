import Foundation

/// A small pool of dedicated threads for blocking `curl_easy_perform`, so transfers never occupy
/// Swift's cooperative pool. Threads start on demand up to `maxThreads` (the global concurrency),
/// each owns one easy handle for its life, and all exit once the pool is shut down and drained.
final class TransferPool: @unchecked Sendable {
    typealias Job = @Sendable (Result<CurlEasy, CurlError>) -> Void

    let maxThreads: Int
    // Guards everything below; workers wait on it for jobs.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var nextJob = 0
    private var threadCount = 0
    private var idleCount = 0
    private var isShutDown = false

    init(maxThreads: Int) {
        self.maxThreads = max(1, maxThreads)
    }

    /// Runs `spec` on a worker; a cancelled task stops its transfer through the progress callback.
    func perform(_ spec: HopSpec) async -> HopResult {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                submit { easy in continuation.resume(returning: HopTransfer.run(spec, on: easy)) }
            }
        } onCancel: {
            spec.cancellation.cancel()
        }
    }

    func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        let waiting = jobs.count - nextJob
        let startThread = waiting > idleCount && threadCount < maxThreads
        if startThread { threadCount += 1 }
        condition.signal()
        condition.unlock()
        if startThread { startWorker() }
    }

    /// Lets queued jobs finish, then lets the threads end. Called when the fetcher goes away.
    func shutdown() {
        condition.lock()
        isShutDown = true
        condition.broadcast()
        condition.unlock()
    }

    private func startWorker() {
        let thread = Thread { [self] in workerLoop() }
        thread.name = "tiyan-fetch"
        // OpenSSL handshakes and libcurl's resolver want more than a minimal stack.
        thread.stackSize = 1 << 21
        thread.start()
    }

    private func workerLoop() {
        let easy = Result { () throws(CurlError) -> CurlEasy in try CurlEasy() }
        while let job = nextJobOrExit() {
            job(easy)
        }
    }

    private func nextJobOrExit() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while nextJob == jobs.count && !isShutDown {
            idleCount += 1
            condition.wait()
            idleCount -= 1
        }
        guard nextJob < jobs.count else {
            threadCount -= 1
            return nil
        }
        let job = jobs[nextJob]
        nextJob += 1
        // Drop taken jobs now and then so the queue does not grow with the run.
        if nextJob > 64 && nextJob * 2 > jobs.count {
            jobs.removeFirst(nextJob)
            nextJob = 0
        }
        return job
    }
}
