import CCurl
import CCurlShim
import Foundation
import TiyanCore

/// The request head tiyan sends: a browser-like Accept, Chinese first in Accept-Language (these
/// portals serve their Chinese pages to a Chinese browser), the User-Agent of the profile, and the
/// caller's extra headers, which replace defaults of the same name.
struct RequestHeaders: Sendable, Hashable {
    var userAgent: String
    /// Everything but Host, User-Agent and Accept-Encoding, which curl writes itself.
    var extra: [HTTPHeader]

    static let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    static let acceptLanguage = "zh-CN,zh;q=0.9,en;q=0.6"

    init(request: FetchRequest, contactURL: String) {
        let supplied = request.headers.map {
            HTTPHeader(name: Self.sanitized($0.name), value: Self.sanitized($0.value))
        }.filter { !$0.name.isEmpty }
        userAgent = supplied.value(of: "User-Agent") ?? request.userAgent.headerValue(contactURL: contactURL)
        var headers = [
            HTTPHeader(name: "Accept", value: Self.accept),
            HTTPHeader(name: "Accept-Language", value: Self.acceptLanguage),
        ]
        for header in supplied where header.name.caseInsensitiveCompare("User-Agent") != .orderedSame {
            headers.removeAll { $0.name.caseInsensitiveCompare(header.name) == .orderedSame }
            headers.append(header)
        }
        extra = headers
    }

    /// curl's CURLOPT_HTTPHEADER syntax: `Name;` sends a header with an empty value.
    var curlLines: [String] {
        extra.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
    }

    /// What would have been sent, for a transfer that failed before curl wrote its request.
    func expected(host: String) -> [HTTPHeader] {
        [HTTPHeader(name: "Host", value: host), HTTPHeader(name: "User-Agent", value: userAgent)]
            + extra.prefix(1)
            + [HTTPHeader(name: "Accept-Encoding", value: Self.acceptEncoding)]
            + extra.dropFirst()
    }

    /// What CURLOPT_ACCEPT_ENCODING "" offers: every decoder this libcurl was built with.
    static let acceptEncoding: String = {
        guard let info = tiyan_curl_version_info() else { return "deflate, gzip" }
        let features = info.pointee.features
        var codings: [String] = []
        if features & CURL_VERSION_LIBZ != 0 { codings += ["deflate", "gzip"] }
        if features & CURL_VERSION_BROTLI != 0 { codings.append("br") }
        if features & CURL_VERSION_ZSTD != 0 { codings.append("zstd") }
        return codings.joined(separator: ", ")
    }()

    /// A CR or LF from a configuration file must not smuggle a second header or request.
    private static func sanitized(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is a single Character and would slip past a comparison.
        let kept = text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" }
        return String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
    }
}
