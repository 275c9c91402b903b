import ArgumentParser
import Foundation
import TiyanCore
import TiyanFetch

/// Network options with curl's meanings (SPEC.md), shared by `crawl` and `check`.
struct NetworkOptions: ParsableArguments {
    @Option(name: .customLong("connect-to"), help: ArgumentHelp(
        "Connect to HOST2:PORT2 instead of HOST:PORT, keeping the Host header (curl's CURLOPT_CONNECT_TO). Repeatable; '::127.0.0.1:8080' routes every host to one server.",
        valueName: "HOST:PORT:HOST2:PORT2"))
    var connectTo: [String] = []

    @Option(help: ArgumentHelp("Proxy URL, as curl's --proxy.", valueName: "URL"))
    var proxy: String?

    @Option(help: ArgumentHelp("CA certificate bundle to verify peers with, as curl's --cacert.", valueName: "FILE"))
    var cacert: String?

    @Option(name: .customLong("user-agent"), help: ArgumentHelp(
        "User-Agent for pages: desktop, mobile, wechat, or a literal string. Default: each target's profile.",
        valueName: "PROFILE"))
    var userAgent: String?

    @Option(help: "Seconds allowed per request.")
    var timeout: Double = 15

    @Option(help: "Transfers in flight at once.")
    var concurrency: Int = 16

    @Option(name: .customLong("per-host"), help: "Transfers in flight at once per host.")
    var perHost: Int = 2

    @Option(name: .customLong("delay-ms"), help: "Pause between two requests to one host, in milliseconds.")
    var delayMilliseconds: Int = 250

    @Option(name: .customLong("max-body-mb"), help: "Cap on a body after decompression, in MB.")
    var maxBodyMegabytes: Int = 10

    @Option(name: .customLong("contact-url"), help: "Contact URL named in tiyan's User-Agent.")
    var contactURL: String?

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1") }
        guard perHost > 0 else { throw ValidationError("--per-host must be at least 1") }
        guard delayMilliseconds >= 0 else { throw ValidationError("--delay-ms must not be negative") }
        guard maxBodyMegabytes > 0 else { throw ValidationError("--max-body-mb must be at least 1") }
        // A mistyped bundle would otherwise read as every site's certificate failing (SB-02).
        if let cacert, !FileManager.default.isReadableFile(atPath: cacert) {
            throw ValidationError("--cacert: cannot read \(cacert): \(FileAccess.problem(reading: cacert, as: .file))")
        }
        for entry in connectTo where entry.split(separator: ":", omittingEmptySubsequences: false).count != 4 {
            throw ValidationError("--connect-to '\(entry)' is not HOST:PORT:HOST2:PORT2")
        }
    }

    var fetchOptions: FetchOptions {
        var options = FetchOptions()
        options.connectTo = connectTo
        options.proxy = proxy
        options.caCertificatePath = cacert
        options.timeout = timeout
        options.connectTimeout = min(10, timeout)
        options.concurrency = concurrency
        options.perHost = perHost
        options.delayMilliseconds = delayMilliseconds
        options.maxBodyBytes = maxBodyMegabytes * 1024 * 1024
        if let contactURL { options.contactURL = contactURL }
        return options
    }

    /// The options as run.json records them.
    var recorded: [(String, String)] {
        [("connect_to", connectTo.joined(separator: ",")), ("proxy", proxy ?? ""), ("cacert", cacert ?? ""),
         ("user_agent", userAgent ?? ""), ("timeout", "\(timeout)"), ("concurrency", "\(concurrency)"),
         ("per_host", "\(perHost)"), ("delay_ms", "\(delayMilliseconds)"), ("max_body_mb", "\(maxBodyMegabytes)")]
    }
}
