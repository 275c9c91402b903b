import TiyanCore

/// A response record's payload is the stored body, which is already content-decoded, so the
/// headers that describe the wire form (Content-Encoding, Transfer-Encoding, Content-Length)
/// would mislead any reader: warcio would gunzip a plain body or de-chunk it. They are moved
/// aside under `X-Tiyan-Original-` and a Content-Length for the stored body is appended.
enum FramingHeaders {
    static let originalPrefix = "X-Tiyan-Original-"
    private static let framing = ["content-encoding", "transfer-encoding", "content-length"]

    /// The headers to write for a stored body of `bodyLength` bytes.
    static func stored(_ headers: [HTTPHeader], bodyLength: Int) -> [HTTPHeader] {
        headers.map { header in
            // A name that already has the prefix gets it again, so reading always strips exactly one.
            guard isFraming(header.name) || hasOriginalPrefix(header.name) else { return header }
            return HTTPHeader(name: originalPrefix + header.name, value: header.value)
        } + [HTTPHeader(name: "Content-Length", value: String(bodyLength))]
    }

    /// Undoes `stored`: the headers as the FetchRecord had them.
    static func original(_ stored: [HTTPHeader]) -> [HTTPHeader] {
        stored.compactMap { header in
            if scalarsEqual(asciiLowercased(header.name), "content-length") { return nil }
            guard hasOriginalPrefix(header.name) else { return header }
            return HTTPHeader(name: String(header.name.unicodeScalars.dropFirst(originalPrefix.unicodeScalars.count)),
                              value: header.value)
        }
    }

    // HTTP field names are ASCII tokens, so names are compared as ASCII-lowercased scalars: String
    // comparison works on graphemes and canonical equivalence, which could make names equal that
    // HTTP keeps apart (or miss a prefix followed by a combining mark), breaking the round trip.

    private static func isFraming(_ name: String) -> Bool {
        let lowered = asciiLowercased(name)
        return framing.contains { scalarsEqual(lowered, $0) }
    }

    private static func hasOriginalPrefix(_ name: String) -> Bool {
        asciiLowercased(name).unicodeScalars.starts(with: asciiLowercased(originalPrefix).unicodeScalars)
    }

    private static func scalarsEqual(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    private static func asciiLowercased(_ name: String) -> String {
        var lowered = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            lowered.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
        }
        return String(lowered)
    }
}
