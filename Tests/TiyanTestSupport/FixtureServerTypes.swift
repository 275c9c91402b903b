public import TiyanCore

/// One request as the fixture server received it.
public struct FixtureRequest: Sendable {
    public var method: String
    /// The Host header without its port, lowercased: which fixture portal was asked for.
    public var host: String
    /// Path and query, as sent.
    public var path: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(method: String, host: String, path: String, headers: [HTTPHeader], body: [UInt8] = []) {
        self.method = method
        self.host = host
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The last value of a header, case-insensitively.
    public func header(_ name: String) -> String? { headers.value(of: name) }
}

/// What the fixture server answers; the delay and trickle simulate slow portals.
public struct FixtureResponse: Sendable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// Wait this long before sending the status line (a slow or hanging server).
    public var delayBeforeHead: Duration?
    /// Send the body `chunkSize` bytes at a time, `interval` apart (a slow link).
    public var trickle: (chunkSize: Int, interval: Duration)?

    public init(status: Int = 200, headers: [HTTPHeader] = [], body: [UInt8] = [], delayBeforeHead: Duration? = nil,
                trickle: (chunkSize: Int, interval: Duration)? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delayBeforeHead = delayBeforeHead
        self.trickle = trickle
    }

    public static func html(_ text: String, status: Int = 200) -> FixtureResponse {
        bytes(Array(text.utf8), contentType: "text/html; charset=utf-8", status: status)
    }

    public static func bytes(_ body: [UInt8], contentType: String, status: Int = 200) -> FixtureResponse {
        FixtureResponse(status: status, headers: [HTTPHeader(name: "Content-Type", value: contentType)], body: body)
    }

    public static func redirect(to location: String, status: Int = 302) -> FixtureResponse {
        FixtureResponse(status: status, headers: [
            HTTPHeader(name: "Location", value: location),
            HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8"),
        ], body: Array("<a href=\"\(location)\">moved</a>".utf8))
    }

    /// `body` gzip-compressed and sent with `Content-Encoding: gzip`, as most portals serve pages.
    public static func gzipped(_ body: [UInt8], contentType: String = "text/html; charset=utf-8",
                               status: Int = 200) -> FixtureResponse {
        var response = bytes(Gzip.compress(body), contentType: contentType, status: status)
        response.headers.append(HTTPHeader(name: "Content-Encoding", value: "gzip"))
        return response
    }

    public static func notFound() -> FixtureResponse {
        html("<html><body>404 Not Found</body></html>", status: 404)
    }

    /// The same response, held back before its status line.
    public func delayed(by delay: Duration) -> FixtureResponse {
        var copy = self
        copy.delayBeforeHead = delay
        return copy
    }
}
