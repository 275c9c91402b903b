import Foundation
import TiyanTestSupport

// Serves the fixture portals on loopback so that a complete report can be seen offline.
//   tiyan-fixtures [PORT]        prints the port, then serves until it is stopped
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
    // Through FileHandle so the port reaches a pipe at once, not when a buffer fills.
    FileHandle.standardOutput.write(Data("\(server.port)\n".utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }
} catch {
    FileHandle.standardError.write(Data("tiyan-fixtures: \(error)\n".utf8))
    exit(1)
}
