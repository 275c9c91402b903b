import TiyanCore

/// One retry, after a pause, for failures that may be accidents (a refused connection, a timeout,
/// a 5xx); answers such as 404, a bad certificate or a DNS miss are not asked twice.
struct RetryPolicy: Sendable {
    var backoff: Duration

    init(options: FetchOptions) {
        backoff = .milliseconds(max(0, options.retryBackoffMilliseconds))
    }

    func shouldRetry(_ outcome: AttemptOutcome) -> Bool {
        guard let error = outcome.response.error, error.isTransient else { return false }
        return outcome.retryable
    }
}

/// One attempt's response and whether repeating it could change anything.
struct AttemptOutcome: Sendable {
    var response: FetchResponse
    var retryable: Bool
}
