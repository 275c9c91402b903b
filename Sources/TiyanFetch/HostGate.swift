/// Per-host politeness: at most `perHost` transfers in flight to one host, and request starts to
/// one host at least `delay` apart. Waiters are served first come, first served.
actor HostGate {
    private struct HostState {
        var inFlight = 0
        var nextStart: ContinuousClock.Instant?
        var waiters: [CheckedContinuation<ContinuousClock.Instant, Never>] = []
    }

    private let perHost: Int
    private let delay: Duration
    private var hosts: [String: HostState] = [:]

    init(perHost: Int, delay: Duration) {
        self.perHost = max(1, perHost)
        self.delay = delay
    }

    /// Takes a slot for `host` and returns when the request may start (now or after the delay).
    func acquire(_ host: String) async -> ContinuousClock.Instant {
        var state = hosts[host, default: HostState()]
        if state.inFlight < perHost {
            state.inFlight += 1
            let start = reserveStart(&state)
            hosts[host] = state
            return start
        }
        return await withCheckedContinuation { continuation in
            hosts[host, default: HostState()].waiters.append(continuation)
        }
    }

    /// Frees a slot; the oldest waiter inherits it directly, so no newcomer can overtake.
    func release(_ host: String) {
        guard var state = hosts[host] else { return }
        if !state.waiters.isEmpty {
            let waiter = state.waiters.removeFirst()
            let start = reserveStart(&state)
            hosts[host] = state
            waiter.resume(returning: start)
            return
        }
        state.inFlight -= 1
        if state.inFlight == 0, state.nextStart.map({ $0 <= .now }) ?? true {
            hosts[host] = nil
        } else {
            hosts[host] = state
        }
    }

    private func reserveStart(_ state: inout HostState) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        let start = max(now, state.nextStart ?? now)
        state.nextStart = start + delay
        return start
    }
}

/// The politeness a fetcher applies; with no delay and a per-host limit at least the global one
/// the gate could never hold anything back, so it is skipped entirely.
struct Politeness: Sendable {
    private let gate: HostGate?

    init(options: FetchOptions) {
        let unbounded = options.delayMilliseconds <= 0 && options.perHost >= options.concurrency
        gate = unbounded ? nil
            : HostGate(perHost: options.perHost, delay: .milliseconds(max(0, options.delayMilliseconds)))
    }

    func withSlot<T: Sendable>(for host: String, _ body: () async -> T) async -> T {
        guard let gate else { return await body() }
        let start = await gate.acquire(host)
        if start > .now {
            try? await Task.sleep(until: start, clock: .continuous)
        }
        let result = await body()
        await gate.release(host)
        return result
    }
}
