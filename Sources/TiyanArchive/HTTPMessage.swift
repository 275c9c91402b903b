import Foundation
import TiyanCore

/// The HTTP messages in `request` and `response` record blocks, written and parsed so that
/// header names and values come back exactly, in order.
enum HTTPMessage {
    static func request(method: String, url: String, headers: [HTTPHeader]) -> Data {
        var text = token(method) + " " + requestTarget(url) + " HTTP/1.1\r\n"
        for header in headers where canCarry(header) { text += header.name + ": " + header.value + "\r\n" }
        return Data((text + "\r\n").utf8)
    }

    /// Status line and header section; the body follows it in the block.
    static func responseHead(status: Int, headers: [HTTPHeader], bodyLength: Int) -> Data {
        var text = "HTTP/1.1 \(status) \(ReasonPhrase.of(status))\r\n"
        for header in FramingHeaders.stored(headers.filter(canCarry), bodyLength: bodyLength) {
            text += header.name + ": " + header.value + "\r\n"
        }
        return Data((text + "\r\n").utf8)
    }

    /// Whether the header survives a trip through an HTTP header line unchanged. Headers from a
    /// real response always do; the rest are kept in the metadata JSON instead.
    static func canCarry(_ header: HTTPHeader) -> Bool {
        !header.name.isEmpty
            && !header.name.unicodeScalars.contains { $0 == ":" || $0 == "\r" || $0 == "\n" }
            && !header.value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
    }

    static func canCarry(_ headers: [HTTPHeader]) -> Bool { headers.allSatisfy(canCarry) }

    /// Splits a block into its header fields and body, skipping the start line (the metadata
    /// holds method and status). The inverse of the writers above: a value loses only the one
    /// space written after the colon.
    static func parse(_ block: Data) throws(WARCFormatError) -> (headers: [HTTPHeader], body: Data) {
        guard let end = block.range(of: Data("\r\n\r\n".utf8)) else {
            throw WARCFormatError(reason: "HTTP message without the end of its header section")
        }
        let lines = String(decoding: block[block.startIndex..<end.lowerBound], as: UTF8.self)
            .components(separatedBy: "\r\n").dropFirst()
        var headers: [HTTPHeader] = []
        // Scalars, not Characters: a value starting with a combining mark would merge with the space.
        for line in lines {
            let scalars = line.unicodeScalars
            guard let colon = scalars.firstIndex(of: ":") else {
                throw WARCFormatError(reason: "bad HTTP header line")
            }
            var value = scalars[scalars.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
            headers.append(HTTPHeader(name: String(scalars[..<colon]), value: String(value)))
        }
        return (headers, Data(block[end.upperBound...]))
    }

    /// The origin-form request target: path and query of the URL, never the fragment.
    static func requestTarget(_ url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let target = rest[slash...]
        return token(target.hasPrefix("?") ? "/" + target : String(target))
    }

    /// Start-line parts cannot hold spaces or line breaks; the exact values are in the metadata.
    private static func token(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "\t" }) else {
            return text.isEmpty ? "-" : text
        }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ": escaped.append(contentsOf: "%20".unicodeScalars)
            case "\t": escaped.append(contentsOf: "%09".unicodeScalars)
            case "\r": escaped.append(contentsOf: "%0D".unicodeScalars)
            case "\n": escaped.append(contentsOf: "%0A".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
