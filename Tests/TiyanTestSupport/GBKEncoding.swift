import Glibc

/// Encodes text as GBK with iconv, so fixture portals put real GBK bytes on the wire while
/// their sources stay readable UTF-8 files.
public enum GBKEncoding {
    public static func encode(_ text: String, charset: String = "GBK") -> [UInt8] {
        let converter = iconv_open(charset, "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return Array(text.utf8) }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outLeft = outputBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return outputBuffer.count - outLeft
            }
        }
        return Array(output.prefix(written))
    }
}

extension GBKEncoding {
    /// GBK bytes as text (a query a GBK form sent); invalid bytes end the text.
    public static func decode(_ bytes: [UInt8], charset: String = "GBK") -> String {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return String(decoding: bytes, as: UTF8.self) }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outLeft = outputBuffer.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return outputBuffer.count - outLeft
            }
        }
        return String(decoding: output.prefix(written), as: UTF8.self)
    }
}
