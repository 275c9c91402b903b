import TiyanCore

/// Network options with curl's meanings (SPEC.md "Network options").
public struct FetchOptions: Sendable, Hashable {
    /// CURLOPT_CONNECT_TO entries, `HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT`; `::127.0.0.1:8080`
    /// routes every host to one loopback server while keeping the Host header.
    public var connectTo: [String] = []
    public var proxy: String? = nil
    public var caCertificatePath: String? = nil
    public var contactURL: String = TiyanVersion.defaultContactURL
    /// Total time per request, seconds.
    public var timeout: Double = 15
    public var connectTimeout: Double = 10
    /// Abort when slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds`.
    public var lowSpeedBytesPerSecond: Int = 100
    public var lowSpeedSeconds: Int = 10
    /// Transfers in flight at once across all hosts.
    public var concurrency: Int = 16
    /// Transfers in flight at once per host, and the pause between two requests to one host.
    public var perHost: Int = 2
    public var delayMilliseconds: Int = 250
    /// Cap on a body after decompression.
    public var maxBodyBytes: Int = 10 * 1024 * 1024
    public var maxRedirects: Int = 10
    /// Pause before the single retry of a transient failure.
    public var retryBackoffMilliseconds: Int = 500

    public init() {}
}
