import CCurl
import Foundation
import TiyanCore

/// One HTTP exchange (one hop of a redirect chain) as the async side describes it to a worker.
struct HopSpec: Sendable {
    var url: String
    var method: String
    var headers: RequestHeaders
    /// The Host header, for the record of a transfer that failed before curl wrote its request.
    var hostHeader: String
    var verifyPeer: Bool
    /// What is left of the request's total time budget; nil for none.
    var timeoutMilliseconds: Int?
    var ipResolve: FetchRequest.IPResolve
    /// Cookies set earlier in this request's redirect chain, in curl's Netscape format.
    var cookies: [String]
    var options: FetchOptions
    var cancellation: CancellationFlag
}

/// What one hop produced, copied out of curl before the handle is reused.
struct HopResult: Sendable {
    var status: Int?
    var headers: [HTTPHeader] = []
    var requestHeaders: [HTTPHeader] = []
    var body = Data()
    var failure: TransferFailure?
    var detail: String?
    /// Absolute target of a 3xx answer's Location, resolved by curl.
    var redirectURL: String?
    var remoteAddress: String?
    var elapsedMilliseconds = 0
    var cookies: [String] = []
}

/// Runs a hop on a worker thread's handle. Blocking by design.
enum HopTransfer {
    static func run(_ spec: HopSpec, on easy: Result<CurlEasy, CurlError>) -> HopResult {
        let sink = TransferSink(maxBodyBytes: spec.options.maxBodyBytes, cancellation: spec.cancellation)
        let clock = ContinuousClock()
        let start = clock.now
        var result: HopResult
        do {
            let easy = try easy.get()
            result = try withExtendedLifetime(sink) {
                try perform(spec, sink: sink, on: easy)
            }
        } catch {
            // A refused option is a defect or an unsupported build, not the site's fault.
            result = HopResult(status: nil, failure: TransferFailure(errorClass: .connect, retryable: false),
                               detail: "\(error)")
        }
        let elapsed = start.duration(to: clock.now)
        result.elapsedMilliseconds = Int(elapsed.components.seconds * 1000)
            + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        if result.requestHeaders.isEmpty { result.requestHeaders = spec.headers.expected(host: spec.hostHeader) }
        return result
    }

    private static func perform(_ spec: HopSpec, sink: TransferSink, on easy: CurlEasy) throws -> HopResult {
        try easy.reset()
        let headerList = try CurlStringList(spec.headers.curlLines)
        let connectTo = try CurlStringList(spec.options.connectTo)
        try configure(easy, spec: spec, sink: sink, headers: headerList, connectTo: connectTo)

        let code = withExtendedLifetime((headerList, connectTo)) { easy.perform() }

        var result = HopResult(status: nil, requestHeaders: sink.requestHeaders)
        result.remoteAddress = easy.stringInfo(CURLINFO_PRIMARY_IP).flatMap { $0.isEmpty ? nil : $0 }
        result.cookies = easy.listInfo(CURLINFO_COOKIELIST)
        if let failure = TransferFailure.classify(code, exceededCap: sink.exceededCap) {
            result.failure = failure
            if failure.errorClass == .tooLarge {
                result.detail = "body larger than \(spec.options.maxBodyBytes) bytes after decoding"
            } else if code == CURLE_ABORTED_BY_CALLBACK, spec.cancellation.isCancelled {
                result.detail = "cancelled before the transfer finished"
            } else {
                result.detail = easy.errorMessage(for: code)
            }
            return result
        }
        let status = easy.longInfo(CURLINFO_RESPONSE_CODE) ?? 0
        result.status = status > 0 ? status : nil
        result.headers = sink.headers
        result.body = sink.body
        result.redirectURL = easy.stringInfo(CURLINFO_REDIRECT_URL)
        return result
    }

    private static func configure(_ easy: CurlEasy, spec: HopSpec, sink: TransferSink,
                                  headers: CurlStringList, connectTo: CurlStringList) throws {
        let options = spec.options
        try easy.set(CURLOPT_URL, spec.url, "CURLOPT_URL")
        // Signals are process-wide; with threads, curl must not use them for DNS timeouts.
        try easy.set(CURLOPT_NOSIGNAL, true, "CURLOPT_NOSIGNAL")
        try easy.set(CURLOPT_FOLLOWLOCATION, false, "CURLOPT_FOLLOWLOCATION")

        try easy.set(CURLOPT_WRITEFUNCTION, writeFunction: TransferSink.write, "CURLOPT_WRITEFUNCTION")
        try easy.set(CURLOPT_WRITEDATA, pointer: sink.opaque, "CURLOPT_WRITEDATA")
        try easy.set(CURLOPT_HEADERFUNCTION, writeFunction: TransferSink.header, "CURLOPT_HEADERFUNCTION")
        try easy.set(CURLOPT_HEADERDATA, pointer: sink.opaque, "CURLOPT_HEADERDATA")
        try easy.set(debugFunction: TransferSink.debug)
        try easy.set(CURLOPT_DEBUGDATA, pointer: sink.opaque, "CURLOPT_DEBUGDATA")
        try easy.set(CURLOPT_VERBOSE, true, "CURLOPT_VERBOSE")
        try easy.set(transferInfoFunction: TransferSink.progress)
        try easy.set(CURLOPT_XFERINFODATA, pointer: sink.opaque, "CURLOPT_XFERINFODATA")
        try easy.set(CURLOPT_NOPROGRESS, false, "CURLOPT_NOPROGRESS")

        try easy.set(CURLOPT_USERAGENT, spec.headers.userAgent, "CURLOPT_USERAGENT")
        try easy.set(CURLOPT_HTTPHEADER, list: headers, "CURLOPT_HTTPHEADER")
        // "" offers every decoder libcurl was built with and decodes before the write callback.
        try easy.set(CURLOPT_ACCEPT_ENCODING, "", "CURLOPT_ACCEPT_ENCODING")
        switch spec.method.uppercased() {
        case "GET": break
        case "HEAD": try easy.set(CURLOPT_NOBODY, true, "CURLOPT_NOBODY")
        default: try easy.set(CURLOPT_CUSTOMREQUEST, spec.method, "CURLOPT_CUSTOMREQUEST")
        }

        try easy.set(CURLOPT_TIMEOUT_MS, spec.timeoutMilliseconds.map { max(1, $0) } ?? 0, "CURLOPT_TIMEOUT_MS")
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(options.connectTimeout * 1000)), "CURLOPT_CONNECTTIMEOUT_MS")
        try easy.set(CURLOPT_LOW_SPEED_LIMIT, max(0, options.lowSpeedBytesPerSecond), "CURLOPT_LOW_SPEED_LIMIT")
        try easy.set(CURLOPT_LOW_SPEED_TIME, max(0, options.lowSpeedSeconds), "CURLOPT_LOW_SPEED_TIME")

        try easy.set(CURLOPT_SSL_VERIFYPEER, spec.verifyPeer, "CURLOPT_SSL_VERIFYPEER")
        try easy.set(CURLOPT_SSL_VERIFYHOST, spec.verifyPeer ? 2 : 0, "CURLOPT_SSL_VERIFYHOST")
        if let caCertificatePath = options.caCertificatePath {
            try easy.set(CURLOPT_CAINFO, caCertificatePath, "CURLOPT_CAINFO")
        }
        if let proxy = options.proxy {
            try easy.set(CURLOPT_PROXY, proxy, "CURLOPT_PROXY")
            try easy.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, true, "CURLOPT_SUPPRESS_CONNECT_HEADERS")
        }
        if !options.connectTo.isEmpty {
            try easy.set(CURLOPT_CONNECT_TO, list: connectTo, "CURLOPT_CONNECT_TO")
        }
        try easy.set(CURLOPT_IPRESOLVE, ipResolveValue(spec.ipResolve), "CURLOPT_IPRESOLVE")

        // The handle is reused across requests and keeps its cookie jar through reset: empty it,
        // then load only the cookies this request's own redirect chain has set.
        try easy.set(CURLOPT_COOKIEFILE, "", "CURLOPT_COOKIEFILE")
        try easy.set(CURLOPT_COOKIELIST, "ALL", "CURLOPT_COOKIELIST")
        for cookie in spec.cookies {
            try easy.set(CURLOPT_COOKIELIST, cookie, "CURLOPT_COOKIELIST")
        }
    }

    private static func ipResolveValue(_ resolve: FetchRequest.IPResolve) -> Int {
        switch resolve {
        case .any: return Int(CURL_IPRESOLVE_WHATEVER)
        case .v4: return Int(CURL_IPRESOLVE_V4)
        case .v6: return Int(CURL_IPRESOLVE_V6)
        }
    }
}
