import Glibc

/// Encodes text as GBK with iconv, so fixture portals put real GBK bytes on the wire while
/// their sources stay readable UTF-8 files.
public enum GBKEncoding {
    public static func encode(_ text: String, charset: String = "GBK") -> [UInt8] {
        convert(Array(text.utf8), from: "UTF-8", to: charset) ?? Array(text.utf8)
    }

    /// GBK bytes as text (a query a GBK form sent); invalid bytes end the text.
    public static func decode(_ bytes: [UInt8], charset: String = "GBK") -> String {
        String(decoding: convert(bytes, from: charset, to: "UTF-8") ?? bytes, as: UTF8.self)
    }

    /// Nil when iconv does not know the charset. Twice the input is room enough either way
    /// (GBK → UTF-8 turns 2 bytes into at most 3).
    private static func convert(_ bytes: [UInt8], from source: String, to destination: String) -> [UInt8]? {
        let converter = iconv_open(destination, source)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
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
        return Array(output.prefix(written))
    }
}
