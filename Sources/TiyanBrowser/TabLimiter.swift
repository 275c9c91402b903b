/// Bounds how many tabs render at once: each tab costs a renderer process, and the crawl
/// machine has few cores.
actor TabLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(tabs: Int) { available = max(1, tabs) }

    nonisolated func withTab<Result: Sendable>(_ body: @Sendable () async throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
