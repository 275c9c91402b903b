/// Percent-encoding of URL components as browsers write them: existing `%XX` escapes are kept,
/// non-ASCII is encoded as UTF-8, and so are spaces, controls and the characters that cannot
/// appear in the component. A `%` that starts no escape becomes `%25`.
enum PercentEncoding {
    enum Component {
        case authority, path, query
    }

    static func encode(_ text: String, allowing component: Component) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { needsEncoding($0, in: component) || $0 == UInt8(ascii: "%") }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "%") {
                let isEscape = index + 2 < bytes.count && isHex(bytes[index + 1]) && isHex(bytes[index + 2])
                output.append(contentsOf: isEscape ? [byte] : Array("%25".utf8))
            } else if needsEncoding(byte, in: component) {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func needsEncoding(_ byte: UInt8, in component: Component) -> Bool {
        if byte <= 0x20 || byte >= 0x7F { return true }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "#"):
            return true
        case UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "\\"):
            return component != .query
        case UInt8(ascii: "/"), UInt8(ascii: "?"):
            return component == .authority
        default:
            return false
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }
}
