import Foundation
import TiyanTestSupport

/// The fixture portals served on loopback (plain HTTP and the TLS relay) for tests that run
/// their own crawls, with the same network options as FixtureRun so results compare.
struct FixtureCrawl {
    let server: FixtureServer
    let tls: TLSFixture
    let workspace: String

    static func start() async throws -> FixtureCrawl {
        let portals = FixturePortals()
        let server = try await FixtureServer.start { portals.respond(to: $0) }
        let tls = try await TLSFixture.start(hostNames: FixturePortals.secureHosts, upstreamPort: server.port)
        let workspace = NSTemporaryDirectory() + "tiyan-ops-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        try FixturePortals.targetsYAML().write(toFile: workspace + "/targets.yaml", atomically: true, encoding: .utf8)
        return FixtureCrawl(server: server, tls: tls, workspace: workspace)
    }

    func stop() async {
        tls.stop()
        try? await server.shutdown()
    }

    /// `tiyan crawl` arguments over the fixture targets writing under `out`.
    func crawlArguments(out: String, targets: String? = nil, timeout: Int = 3, render: String = "never") -> [String] {
        ["crawl", "--render", render, "--targets", targets ?? workspace + "/targets.yaml", "--probes", TiyanProcess.repositoryRoot + "/probes",
         "--out", out, "--connect-to", ":443:127.0.0.1:\(tls.port)", "--connect-to", "::127.0.0.1:\(server.port)",
         "--cacert", tls.certificatePath, "--delay-ms", "0", "--timeout", "\(timeout)", "--max-body-mb", "1"]
    }

    /// Timings differ between any two crawls (SB-01 says how many ms the home page took, curl
    /// how many milliseconds passed before a timeout, search evidence records each query's ms
    /// and SR-07 is their median, its evidence the slowest queries); everything else in a results
    /// line is decided by the pages.
    static func withoutTimings(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
                .replacingOccurrences(of: #"[0-9]+ (ms|milliseconds)\b"#, with: "N $1", options: .regularExpression)
                .replacingOccurrences(of: #""ms":[0-9.]+"#, with: #""ms":N"#, options: .regularExpression)
            if line.contains(#""indicator":"SR-07""#), let evidence = line.range(of: #","evidence":"#) {
                line = line[..<evidence.lowerBound].replacingOccurrences(
                    of: #""value":[0-9.]+"#, with: #""value":N"#, options: .regularExpression)
            }
            return line
        }.joined(separator: "\n")
    }
}
