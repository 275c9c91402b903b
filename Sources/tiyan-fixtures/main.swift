import Dispatch
import Foundation
import TiyanTestSupport

let usage = """
    usage: tiyan-fixtures [PORT]          serve the fixture portals on loopback until SIGINT/SIGTERM
           tiyan-fixtures --targets-yaml  print a targets.yaml listing the fixture portals
           tiyan-fixtures --render-targets-yaml
                                          print a targets.yaml of the script-built ends (SPA portal,
                                          H5, mini-program web) that need --render to be judged
           tiyan-fixtures --help          print this help

    Serving prints one line, "HTTP-PORT TLS-PORT CA-CERTIFICATE": plain HTTP on HTTP-PORT (PORT, or
    any free port), HTTPS under the portals' own names on TLS-PORT, with the certificate to trust.
    Route a crawl to them with --connect-to ::127.0.0.1:HTTP-PORT --connect-to :443:127.0.0.1:TLS-PORT
    --cacert CA-CERTIFICATE (scripts/demo does). SIGINT or SIGTERM stops both servers and removes the
    certificate's folder. Exit status: 0 stopped by a signal or help printed; 1 a server could not
    start; 2 usage errors.

    """

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "--help", "-h", "help":
    print(usage, terminator: "")
    exit(0)
case "--targets-yaml":
    print(FixturePortals.targetsYAML(), terminator: "")
    exit(0)
case "--render-targets-yaml":
    print(FixturePortals.renderTargetsYAML, terminator: "")
    exit(0)
default:
    break
}
guard arguments.count <= 1, let requested = arguments.isEmpty ? 0 : Int(arguments[0]), (0...65535).contains(requested)
else {
    let given = arguments.joined(separator: " ")
    FileHandle.standardError.write(Data("tiyan-fixtures: unknown arguments \(given)\n\n\(usage)".utf8))
    exit(2)
}

/// Stops the TLS helper (a python3 child) with the server: on SIGINT / SIGTERM the process
/// would otherwise die alone and leave the child serving.
final class Shutdown: @unchecked Sendable {
    private let lock = NSLock()
    private var tls: TLSFixture?
    private var sources: [DispatchSourceSignal] = []

    func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                lock.withLock { tls }?.stop()
                exit(0)
            }
            source.resume()
            sources.append(source)
        }
    }

    func watch(_ tls: TLSFixture) { lock.withLock { self.tls = tls } }
}

let shutdown = Shutdown()
shutdown.install()
let portals = FixturePortals()
do {
    let server = try await FixtureServer.start(port: requested) { portals.respond(to: $0) }
    let tls = try await TLSFixture.start(hostNames: FixturePortals.secureHosts, upstreamPort: server.port)
    shutdown.watch(tls)
    // One line, "HTTP-PORT TLS-PORT CA-CERTIFICATE", through FileHandle so it reaches a pipe at once.
    FileHandle.standardOutput.write(Data("\(server.port) \(tls.port) \(tls.certificatePath)\n".utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }
} catch {
    FileHandle.standardError.write(Data("tiyan-fixtures: \(error)\n".utf8))
    exit(1)
}
