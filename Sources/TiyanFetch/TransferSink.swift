import CCurl
import Foundation
import TiyanCore

/// What one transfer collects through curl's callbacks: the body under its cap, the headers of
/// the latest response, the request headers curl really sent, and the abort switch. Lives on the
/// worker thread for one `curl_easy_perform`; curl gets an unretained pointer to it.
final class TransferSink {
    let maxBodyBytes: Int
    let cancellation: CancellationFlag

    var body = Data()
    var headers: [HTTPHeader] = []
    var requestHeaders: [HTTPHeader] = []
    /// The body passed the cap; the write callback refused it and the transfer stopped.
    var exceededCap = false

    init(maxBodyBytes: Int, cancellation: CancellationFlag) {
        self.maxBodyBytes = maxBodyBytes
        self.cancellation = cancellation
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> TransferSink? {
        guard let pointer else { return nil }
        return Unmanaged<TransferSink>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Called with decoded bytes (after gzip/br), so the cap counts what a browser would hold and
    /// a compression bomb stops at the cap. Returning less than given makes curl abort.
    static let write: curl_write_callback = { data, size, count, userdata in
        guard let sink = TransferSink.from(userdata) else { return 0 }
        let length = size * count
        guard length > 0, let data else { return length }
        if sink.body.count + length > sink.maxBodyBytes {
            sink.exceededCap = true
            sink.body = Data()
            return 0
        }
        sink.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
        return length
    }

    /// One header line at a time; a status line starts a new response (a 100 Continue, a proxy's
    /// CONNECT answer), so only the final response's headers remain.
    static let header: curl_write_callback = { data, size, count, userdata in
        guard let sink = TransferSink.from(userdata) else { return 0 }
        let length = size * count
        guard length > 0, let data else { return length }
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            sink.headers = []
        } else if let parsed = HeaderLine.parse(line) {
            sink.headers.append(parsed)
        }
        return length
    }

    /// With CURLOPT_VERBOSE, curl shows the exact request head it sent (also for HTTP/2, in
    /// HTTP/1.1 form); the last one wins when a connection had to be retried.
    static let debug: curl_debug_callback = { _, type, data, size, userdata in
        guard type == CURLINFO_HEADER_OUT, let sink = TransferSink.from(userdata), let data, size > 0 else { return 0 }
        let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
        sink.requestHeaders = text.split(whereSeparator: \.isNewline).dropFirst().compactMap {
            HeaderLine.parse($0.trimmingCharacters(in: .whitespaces))
        }
        return 0
    }

    /// Lets a cancelled Swift task stop a blocking transfer within curl's progress interval.
    static let progress: curl_xferinfo_callback = { userdata, _, _, _, _ in
        guard let sink = TransferSink.from(userdata) else { return 0 }
        return sink.cancellation.isCancelled ? 1 : 0
    }
}

enum HeaderLine {
    static func parse<S: StringProtocol>(_ line: S) -> HTTPHeader? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return HTTPHeader(name: name, value: value)
    }
}
