import Foundation
import TiyanCore
import TiyanTestSupport

/// One crawl of all fixture portals, shared by the end-to-end tests (a crawl takes seconds;
/// every test reads the same run folder, as an evaluator and a ranking engine would).
struct FixtureRun: Sendable {
    let directory: String
    let outcome: TiyanProcess.Outcome
    let workspace: String
    let requests: [FixtureRequest]

    static let shared = Task<FixtureRun, Error> { try await make() }

    static func make() async throws -> FixtureRun {
        let portals = FixturePortals()
        let server = try await FixtureServer.start { portals.respond(to: $0) }
        // HTTPS under the portals' own names: a TLS relay in front of the same server.
        let tls = try await TLSFixture.start(hostNames: FixturePortals.secureHosts, upstreamPort: server.port)
        defer { tls.stop() }
        let workspace = NSTemporaryDirectory() + "tiyan-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        let targets = workspace + "/targets.yaml"
        try FixturePortals.targetsYAML().write(toFile: targets, atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.run([
            "crawl", "--render", "never", "--targets", targets, "--probes", TiyanProcess.repositoryRoot + "/probes",
            "--out", workspace + "/reports", "--connect-to", ":443:127.0.0.1:\(tls.port)",
            "--connect-to", "::127.0.0.1:\(server.port)", "--cacert", tls.certificatePath,
            "--delay-ms", "0", "--timeout", "3", "--max-body-mb", "1",
        ])
        let requests = server.requests
        try await server.shutdown()
        return FixtureRun(directory: outcome.lastLine, outcome: outcome, workspace: workspace, requests: requests)
    }

    func file(_ name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
            throw TestFailure("\(name) missing in \(directory); stderr:\n\(outcome.stderr.suffix(3000))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func jsonLines(_ name: String) throws -> [JSONValue] {
        try file(name).split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    func result(_ target: String, _ indicator: String) throws -> JSONValue {
        guard let line = try jsonLines("results.jsonl").first(where: {
            $0["target"]?.stringValue == target && $0["indicator"]?.stringValue == indicator
        }) else { throw TestFailure("no result for \(target) \(indicator)") }
        return line
    }

    func status(_ target: String, _ indicator: String) throws -> String? {
        try result(target, indicator)["status"]?.stringValue
    }

    func pages(_ target: String, role: String) throws -> [JSONValue] {
        try jsonLines("pages.jsonl").filter { $0["target"]?.stringValue == target && $0["role"]?.stringValue == role }
    }
}
