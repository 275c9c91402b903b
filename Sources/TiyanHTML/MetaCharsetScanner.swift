/// A byte-level pre-scan for `<meta charset>` and `<meta http-equiv=Content-Type>`, after
/// WHATWG's "prescan a byte stream": it runs before decoding, so it only relies on the charset
/// being ASCII-compatible, skips comments and other tags' attributes (a `>` inside quotes must not
/// end a tag), and ignores labels it does not know.
struct MetaCharsetScanner {
    /// How far into the body browsers look (WHATWG uses 1024; portals put long comments and
    /// scripts before the meta, so a little more).
    static let scanLimit = 4096

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes.prefix(MetaCharsetScanner.scanLimit))
    }

    static func charset(in body: some Collection<UInt8>) -> Charset? {
        var scanner = MetaCharsetScanner(body)
        return scanner.scan()
    }

    private mutating func scan() -> Charset? {
        while index < bytes.count {
            if starts(with: "<!--") {
                index = position(of: "-->", from: index + 2).map { $0 + 3 } ?? bytes.count
            } else if startsWithTag("meta") {
                index += 5
                if let charset = metaCharset() { return charset }
            } else if byte(at: index) == UInt8(ascii: "<"), isLetter(byte(at: index + 1))
                || (byte(at: index + 1) == UInt8(ascii: "/") && isLetter(byte(at: index + 2)))
            {
                index += 1
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                while nextAttribute() != nil {}
            } else if starts(with: "<!") || starts(with: "</") || starts(with: "<?") {
                index = bytes[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
            } else {
                index += 1
            }
        }
        return nil
    }

    private mutating func metaCharset() -> Charset? {
        var charsetAttribute: String?
        var isContentType = false
        var content: String?
        while let (name, value) = nextAttribute() {
            switch name {
            case "charset" where charsetAttribute == nil: charsetAttribute = value
            case "http-equiv": isContentType = isContentType || value.lowercased() == "content-type"
            case "content" where content == nil: content = value
            default: break
            }
        }
        let label = charsetAttribute ?? (isContentType ? content.flatMap(CharsetLabelExtraction.label(inContentType:)) : nil)
        guard let label, let charset = Charset(label: label) else { return nil }
        // A document cannot declare itself UTF-16 in ASCII bytes; WHATWG reads such a meta as UTF-8.
        return charset.isUTF16 ? .utf8 : charset
    }

    /// The next attribute of the current tag, name lower-cased; nil at the tag's end.
    private mutating func nextAttribute() -> (String, String)? {
        while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else {
            index += 1
            return nil
        }
        var name: [UInt8] = []
        repeat {
            name.append(CharsetLabelExtraction.lowercased(bytes[index]))
            index += 1
        } while index < bytes.count && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: "=")
            && bytes[index] != UInt8(ascii: ">") && bytes[index] != UInt8(ascii: "/")
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            return (String(decoding: name, as: UTF8.self), "")
        }
        index += 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return (String(decoding: name, as: UTF8.self), "") }
        let start: Int
        let end: Int
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            start = index + 1
            end = bytes[start...].firstIndex(of: quote) ?? bytes.count
            index = min(end + 1, bytes.count)
        } else {
            start = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            end = index
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: bytes[start..<end], as: UTF8.self))
    }

    private func startsWithTag(_ name: String) -> Bool {
        guard byte(at: index) == UInt8(ascii: "<") else { return false }
        let word = Array(name.utf8)
        for (offset, letter) in word.enumerated() where CharsetLabelExtraction.lowercased(byte(at: index + 1 + offset)) != letter {
            return false
        }
        let after = byte(at: index + 1 + word.count)
        return isSpace(after) || after == UInt8(ascii: "/")
    }

    private func starts(with text: String) -> Bool {
        let word = Array(text.utf8)
        guard index + word.count <= bytes.count else { return false }
        return bytes[index..<(index + word.count)].elementsEqual(word)
    }

    private func position(of text: String, from start: Int) -> Int? {
        let word = Array(text.utf8)
        var candidate = start
        while candidate + word.count <= bytes.count {
            if bytes[candidate..<(candidate + word.count)].elementsEqual(word) { return candidate }
            candidate += 1
        }
        return nil
    }

    private func byte(at position: Int) -> UInt8 { position < bytes.count ? bytes[position] : 0 }
    private func isSpace(_ byte: UInt8) -> Bool { CharsetLabelExtraction.isSpace(byte) }
    private func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
