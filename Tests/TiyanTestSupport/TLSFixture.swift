import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTPS server on loopback with a freshly made self-signed certificate: openssl(1) makes
/// the certificate, a small python3 `http.server` wrapped in `ssl` serves it. Tests that need it
/// check `TLSFixture.isAvailable` and skip when either tool is missing.
public final class TLSFixture: @unchecked Sendable {
    public let port: Int
    /// The PEM certificate, usable as a CA file (`--cacert`) since it signs itself.
    public let certificatePath: String
    private let directory: URL
    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let defaultBody = "<html><head><title>TLS fixture</title></head><body>加密页面</body></html>"

    /// Both tools are on PATH.
    public static var isAvailable: Bool {
        executable("python3") != nil && executable("openssl") != nil
    }

    private init(port: Int, certificatePath: String, directory: URL, process: Process) {
        self.port = port
        self.certificatePath = certificatePath
        self.directory = directory
        self.process = process
    }

    deinit {
        stop()
    }

    /// Starts the server; `hostNames` go into the certificate's subjectAltName, so a client that
    /// trusts the certificate verifies it for those names (routed here with connect-to).
    /// With `upstreamPort`, every request is forwarded to that plain-HTTP server on loopback
    /// (Host kept, `X-Forwarded-Proto: https` added) and its answer relayed: the fixture portals
    /// then have working HTTPS under their own names.
    public static func start(hostNames: [String] = ["localhost", "www.fixture.gov.cn"],
                             body: String = defaultBody, upstreamPort: Int? = nil) async throws -> TLSFixture {
        guard let python = executable("python3"), let openssl = executable("openssl") else {
            throw Failure(description: "python3 or openssl is not installed")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tiyan-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let portFile = directory.appendingPathComponent("port").path
        let bodyFile = directory.appendingPathComponent("body.html").path
        try Data(body.utf8).write(to: URL(fileURLWithPath: bodyFile))

        let alternativeNames = (hostNames.map { "DNS:\($0)" } + ["IP:127.0.0.1"]).joined(separator: ",")
        let generate = Process()
        generate.executableURL = openssl
        generate.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "2",
                              "-keyout", key, "-out", certificate, "-addext", "subjectAltName=\(alternativeNames)"]
        generate.standardOutput = FileHandle.nullDevice
        generate.standardError = FileHandle.nullDevice
        try generate.run()
        // Polled, not waitUntilExit: a blocked cooperative thread stalls the other tests.
        while generate.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        guard generate.terminationStatus == 0 else {
            throw Failure(description: "openssl req exited with \(generate.terminationStatus)")
        }

        let server = Process()
        server.executableURL = python
        server.arguments = ["-c", script, certificate, key, portFile, bodyFile, String(upstreamPort ?? 0)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()

        // The script writes its port to a file once it listens; poll rather than block on a pipe.
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return TLSFixture(port: port, certificatePath: certificate, directory: directory, process: server)
            }
            guard server.isRunning else { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        kill(server.processIdentifier, SIGKILL)
        throw Failure(description: "the python3 TLS server did not start")
    }

    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        if process.isRunning {
            // SIGKILL: a child of a test runner may inherit a mask that blocks SIGTERM, and then
            // `terminate()` never ends it.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Serves `body` for every GET and HEAD. A failed handshake (a client rejecting the
    /// certificate, plain http on this port) only ends that connection.
    private static let script = """
        import http.client, http.server, os, signal, ssl, sys, threading, time
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
        # Dies with its parent, however the parent ends (SIGKILL included): a helper left
        # serving after the tests or tiyan-fixtures is a leak.
        parent = os.getppid()
        def watch_parent():
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(0)
        threading.Thread(target=watch_parent, daemon=True).start()
        certificate, key, port_file, body_file, upstream = sys.argv[1:6]
        upstream = int(upstream)
        body = open(body_file, "rb").read()
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def relay(self, method):
                connection = http.client.HTTPConnection("127.0.0.1", upstream, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
                headers["X-Forwarded-Proto"] = "https"
                connection.request(method, self.path, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for k, v in answer.getheaders():
                    if k.lower() not in ("content-length", "connection", "transfer-encoding", "keep-alive"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if method != "HEAD":
                    self.wfile.write(data)
                connection.close()
            def head(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
            def do_HEAD(self):
                if upstream:
                    return self.relay("HEAD")
                self.head()
            def do_GET(self):
                if upstream:
                    return self.relay("GET")
                self.head()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            def get_request(self):
                connection, address = self.socket.accept()
                connection.settimeout(5)
                return context.wrap_socket(connection, server_side=True), address
            def handle_error(self, request, address):
                pass
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
        server = Server(("127.0.0.1", 0), Handler)
        with open(port_file + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
        server.serve_forever()
        """
}
