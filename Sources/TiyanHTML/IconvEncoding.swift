import Glibc

/// Short texts (form fields) into a legacy charset through glibc iconv: a browser submits a form
/// in its page's charset, so a query typed into a GBK portal's form travels as GBK bytes.
enum IconvEncoding {
    /// The bytes of `text` in `encoding`; nil when glibc has no such converter or a character
    /// has no mapping (the caller then keeps UTF-8).
    static func encode(_ text: String, to encoding: String) -> [UInt8]? {
        guard let descriptor = iconv_open(encoding, "UTF-8"), Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inputLeft = inputBuffer.count
                var outputPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outputLeft = outputBuffer.count
                if inputLeft > 0, iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft) == -1 {
                    return nil
                }
                guard iconv(descriptor, nil, nil, &outputPointer, &outputLeft) != -1 else { return nil }
                return outputBuffer.count - outputLeft
            }
        }
        return produced.map { Array(output.prefix($0)) }
    }
}
