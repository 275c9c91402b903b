import Foundation
import TiyanCore

/// Fetches over libcurl on dedicated threads (never the cooperative pool), with a global and a
/// per-host concurrency limit, a per-host delay, one retry with backoff for transient error
/// classes, and, after a certificate failure, one unverified fetch to see the content.
public final class Fetcher: Sendable {
    public let options: FetchOptions
    private let pool: TransferPool
    private let politeness: Politeness
    private let retryPolicy: RetryPolicy

    public init(options: FetchOptions) {
        self.options = options
        pool = TransferPool(maxThreads: options.concurrency)
        politeness = Politeness(options: options)
        retryPolicy = RetryPolicy(options: options)
    }

    deinit {
        pool.shutdown()
    }

    /// Never throws: every failure is a `FetchResponse` with an error class. `startedAt` and
    /// `elapsedMilliseconds` describe the attempt returned (the retry when there was one);
    /// elapsed time sums the transfers of its redirect chain, not time queued for politeness.
    public func fetch(_ request: FetchRequest) async -> FetchResponse {
        let first = await attempt(request)
        guard retryPolicy.shouldRetry(first), !Task.isCancelled else { return first.response }
        try? await Task.sleep(for: retryPolicy.backoff)
        var second = await attempt(request).response
        second.attempts = 2
        return second
    }

    /// Whether this machine can open IPv6 connections at all (a route and a source address);
    /// SB-03 is undetermined when it cannot.
    public static func hasIPv6Route() -> Bool { IPv6Route.isAvailable() }

    /// libcurl's version line (`libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 ...`),
    /// for run.json: TLS and decoder behaviour depend on it.
    public static var libcurlVersion: String { CurlRuntime.versionLine }

    /// One pass through the redirect chain. Redirects are followed here rather than by curl so
    /// that every hop is recorded, passes the politeness gate of its own host and is checked to
    /// be http(s).
    private func attempt(_ request: FetchRequest) async -> AttemptOutcome {
        var chain = RedirectChain(request: request, startedAt: Date())
        let headers = RequestHeaders(request: request, contactURL: options.contactURL)
        let cancellation = CancellationFlag()
        // curl's meaning: a total time of 0 is no total limit (connect and low-speed limits remain).
        let budget = options.timeout > 0 ? max(1, Int(options.timeout * 1000)) : nil

        var target: ParsedURL
        switch ParsedURL.parse(request.url) {
        case .success(let parsed): target = parsed
        case .failure(let invalid): return chain.failed(.connect, detail: invalid.detail, retryable: false)
        }
        var currentText = request.url
        while true {
            let remaining = budget.map { $0 - chain.elapsedMilliseconds }
            if let remaining, remaining <= 0 {
                return chain.failed(.timeout, detail: "total time of \(options.timeout) s used up by redirects",
                                    retryable: true)
            }
            let spec = HopSpec(url: target.normalized, method: request.method, headers: headers,
                               hostHeader: target.authority, verifyPeer: chain.verifiesCertificates, timeoutMilliseconds: remaining,
                               ipResolve: request.ipResolve, cookies: chain.cookies, options: options,
                               cancellation: cancellation)
            let hop = await politeness.withSlot(for: target.host) { await pool.perform(spec) }
            switch chain.record(hop, url: currentText, isHTTPS: target.isHTTPS) {
            case .retryWithoutVerification:
                continue
            case .finished(let outcome):
                return outcome
            case .redirect(let next):
                guard chain.redirects.count <= options.maxRedirects else {
                    return chain.failed(.tooManyRedirects,
                                        detail: "more than \(options.maxRedirects) redirects", retryable: false)
                }
                switch ParsedURL.parse(next) {
                case .success(let parsed):
                    target = parsed
                    currentText = next
                case .failure(let invalid):
                    return chain.failed(.connect, detail: "redirect to \(next): \(invalid.detail)", retryable: false)
                }
            }
        }
    }
}
