/// The value of a string or template literal's content, escapes decoded: `\n`, `\'`, `\xHH`,
/// `\uHHHH` (surrogate pairs joined), `\u{H…}`, line continuations. Template substitutions
/// `${…}` are dropped, not evaluated.
enum JavaScriptLiteral {
    static func value(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, template: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var pendingHighSurrogate: UInt32?
        var position = start

        func append(_ value: UInt32) {
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if (0xDC00...0xDFFF).contains(value) {
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))
                    return
                }
                appendScalar(0xFFFD)
            }
            if (0xD800...0xDBFF).contains(value) {
                pendingHighSurrogate = value
            } else {
                appendScalar(value)
            }
        }

        func appendScalar(_ value: UInt32) {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            output.append(contentsOf: Array(String(scalar).utf8))
        }

        func flushSurrogate() {
            if pendingHighSurrogate != nil {
                pendingHighSurrogate = nil
                appendScalar(0xFFFD)
            }
        }

        while position < end {
            let byte = bytes[position]
            if template, byte == UInt8(ascii: "$"), position + 1 < end, bytes[position + 1] == UInt8(ascii: "{") {
                flushSurrogate()
                position = min(JavaScriptLexer.endOfSubstitution(bytes, from: position + 2, depth: 0), end)
                continue
            }
            guard byte == UInt8(ascii: "\\"), position + 1 < end else {
                flushSurrogate()
                output.append(byte)
                position += 1
                continue
            }
            let escaped = bytes[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "n"): append(0x0A)
            case UInt8(ascii: "t"): append(0x09)
            case UInt8(ascii: "r"): append(0x0D)
            case UInt8(ascii: "b"): append(0x08)
            case UInt8(ascii: "f"): append(0x0C)
            case UInt8(ascii: "v"): append(0x0B)
            case UInt8(ascii: "0") where !(position < end && (0x30...0x39).contains(bytes[position])):
                append(0)
            case UInt8(ascii: "x"):
                if let value = hexValue(bytes, from: position, count: 2, limit: end) {
                    append(value)
                    position += 2
                } else {
                    append(UInt32(escaped))
                }
            case UInt8(ascii: "u"):
                if position < end, bytes[position] == UInt8(ascii: "{"),
                   let close = (position..<end).first(where: { bytes[$0] == UInt8(ascii: "}") }),
                   close - position - 1 <= 6,
                   let value = hexValue(bytes, from: position + 1, count: close - position - 1, limit: end)
                {
                    append(value)
                    position = close + 1
                } else if let value = hexValue(bytes, from: position, count: 4, limit: end) {
                    append(value)
                    position += 4
                } else {
                    append(UInt32(escaped))
                }
            case 0x0A:
                break
            case 0x0D:
                if position < end, bytes[position] == 0x0A { position += 1 }
            default:
                // `\'`, `\"`, `\\`, `\/` and any other character stand for themselves; a
                // multi-byte character's remaining bytes follow on the next iterations.
                flushSurrogate()
                output.append(escaped)
            }
        }
        flushSurrogate()
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, limit: Int) -> UInt32? {
        guard count > 0, start + count <= limit else { return nil }
        var value: UInt32 = 0
        for position in start..<(start + count) {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
