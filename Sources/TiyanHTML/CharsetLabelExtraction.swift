/// Finds the charset label in a Content-Type value such as `text/html; charset="GBK"`, following
/// WHATWG's "extract a character encoding from a meta element" so that the header and
/// `<meta http-equiv>` are read the same way.
enum CharsetLabelExtraction {
    private static func label(in bytes: [UInt8]) -> String? {
        var position = 0
        while let found = find(charsetIn: bytes, from: position) {
            var index = skipSpaces(bytes, from: found)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                position = found
                continue
            }
            index = skipSpaces(bytes, from: index + 1)
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                return nonEmpty(bytes[(index + 1)..<close])
            }
            let end = bytes[index...].firstIndex { isSpace($0) || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
            return nonEmpty(bytes[index..<(end ?? bytes.count)])
        }
        return nil
    }

    static func label(inContentType value: String) -> String? {
        label(in: Array(value.utf8))
    }

    /// The index just past the next case-insensitive `charset`.
    private static func find(charsetIn bytes: [UInt8], from start: Int) -> Int? {
        let word = Array("charset".utf8)
        guard bytes.count >= word.count else { return nil }
        var index = start
        while index + word.count <= bytes.count {
            if (0..<word.count).allSatisfy({ lowercased(bytes[index + $0]) == word[$0] }) {
                return index + word.count
            }
            index += 1
        }
        return nil
    }

    private static func nonEmpty(_ bytes: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self).trimmingASCIIWhitespaceAndQuotes()
        return text.isEmpty ? nil : text
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }
}
