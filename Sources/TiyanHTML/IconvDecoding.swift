import Glibc

/// Multi-byte legacy charsets (GB18030, BIG5-HKSCS) through glibc iconv.
enum IconvDecoding {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Decodes to text, putting U+FFFD where a byte sequence is invalid and carrying on, so one
    /// bad byte (or a wrong declared charset) never loses the rest of the page. Returns nil when
    /// glibc has no converter named `encoding`.
    static func decode(_ bytes: ArraySlice<UInt8>, from encoding: String) -> String? {
        guard let descriptor = iconv_open("UTF-8", encoding), Int(bitPattern: descriptor) != -1 else {
            return nil
        }
        defer { iconv_close(descriptor) }

        var input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)

        input.withUnsafeMutableBufferPointer { inputBuffer in
            chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                guard let chunkBase = chunkBuffer.baseAddress else { return }
                var inputPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inputLeft = inputBuffer.count

                func convert(flushing: Bool) -> Int32? {
                    var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBase)
                        .assumingMemoryBound(to: CChar.self)
                    var outputLeft = chunkBuffer.count
                    let result = flushing
                        ? iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
                        : iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                    let failure = result == -1 ? errno : nil
                    output.append(contentsOf: UnsafeBufferPointer(start: chunkBase, count: chunkBuffer.count - outputLeft))
                    return failure
                }

                while inputLeft > 0 {
                    guard let failure = convert(flushing: false) else { continue }
                    switch failure {
                    case E2BIG:
                        continue
                    case EINVAL:
                        // A sequence cut off by the end of the body.
                        output.append(contentsOf: replacement)
                        inputLeft = 0
                    default:
                        // EILSEQ: skip one byte only; an ASCII byte after a bad lead byte is
                        // then read as itself, as browsers do.
                        output.append(contentsOf: replacement)
                        inputPointer = inputPointer.map { $0 + 1 }
                        inputLeft -= 1
                    }
                }
                _ = convert(flushing: true)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
