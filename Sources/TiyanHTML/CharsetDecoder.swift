public import Foundation

public enum CharsetDecoder {
    /// Decides the charset from the Content-Type header, then a BOM, then `<meta>` in the first
    /// 4 KB, else UTF-8 (falling back to GB18030 when the bytes are not valid UTF-8), and decodes.
    /// A label this decoder does not know falls through to the next source. Invalid byte
    /// sequences become U+FFFD; decoding never fails.
    public static func decode(_ body: Data, contentType: String?) -> DecodedText {
        let bytes = [UInt8](body)
        if let label = contentType.flatMap(CharsetLabelExtraction.label(inContentType:)),
           let charset = Charset(label: label), let text = charset.decode(bytes[...])
        {
            return DecodedText(text: text.droppingByteOrderMark(), charset: charset.label, source: .header)
        }
        if let (charset, length) = byteOrderMark(of: bytes), let text = charset.decode(bytes.dropFirst(length)) {
            return DecodedText(text: text, charset: charset.label, source: .bom)
        }
        if let charset = MetaCharsetScanner.charset(in: bytes), let text = charset.decode(bytes[...]) {
            return DecodedText(text: text, charset: charset.label, source: .meta)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, charset: Charset.utf8.label, source: .default)
        }
        // Undeclared pages on Chinese government sites that are not UTF-8 are nearly always GBK.
        let text = Charset.gb18030.decode(bytes[...]) ?? String(decoding: bytes, as: UTF8.self)
        return DecodedText(text: text, charset: Charset.gb18030.label, source: .default)
    }

    private static func byteOrderMark(of bytes: [UInt8]) -> (Charset, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Charset(label: "utf-8").map { ($0, 3) } }
        if bytes.starts(with: [0xFF, 0xFE]) { return Charset(label: "utf-16le").map { ($0, 2) } }
        if bytes.starts(with: [0xFE, 0xFF]) { return Charset(label: "utf-16be").map { ($0, 2) } }
        return nil
    }
}

extension String {
    /// A header-declared charset wins over a BOM, but the BOM itself is not content.
    func droppingByteOrderMark() -> String {
        unicodeScalars.first == "\u{FEFF}" ? String(unicodeScalars.dropFirst()) : self
    }
}
