import Foundation
import TiyanTestSupport

// Serves the fixture portals on loopback so that a complete report can be seen offline.
//   tiyan-fixtures [PORT]        prints "HTTP-PORT TLS-PORT CA-CERTIFICATE", then serves until stopped
//   tiyan-fixtures --targets-yaml prints a targets.yaml listing the fixture portals
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--targets-yaml" {
    print(FixturePortals.targetsYAML(), terminator: "")
    exit(0)
}
let requested = arguments.first.flatMap(Int.init) ?? 0
let portals = FixturePortals()
do {
    let server = try await FixtureServer.start(port: requested) { portals.respond(to: $0) }
    let tls = try await TLSFixture.start(hostNames: FixturePortals.secureHosts, upstreamPort: server.port)
    // One line, "HTTP-PORT TLS-PORT CA-CERTIFICATE", through FileHandle so it reaches a pipe at once.
    FileHandle.standardOutput.write(Data("\(server.port) \(tls.port) \(tls.certificatePath)\n".utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }
} catch {
    FileHandle.standardError.write(Data("tiyan-fixtures: \(error)\n".utf8))
    exit(1)
}
