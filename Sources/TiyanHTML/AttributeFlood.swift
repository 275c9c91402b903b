/// libxml2 checks each attribute of a start tag against every earlier one, so a tag with
/// 100,000 attributes costs minutes to parse. No real element carries anywhere near
/// `maximumAttributes`; beyond it, the rest of the tag is dropped before parsing, in one linear
/// pass that copies nothing when no tag is that large.
enum AttributeFlood {
    static let maximumAttributes = 1000

    /// Elements whose content is text up to their end tag, never tags.
    private static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "noscript", "iframe"]

    static func limited(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var cuts: [Range<Int>] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            var cursor = index + 1
            while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
                bytes[cursor] != UInt8(ascii: "/")
            {
                cursor += 1
            }
            let name = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self).lowercased()
            var attributes = 0
            var quote: UInt8?
            var previousWasSpace = true
            var lastNonSpace: UInt8 = 0
            var cutStart: Int?
            while cursor < count {
                let byte = bytes[cursor]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"),
                    lastNonSpace == UInt8(ascii: "=")
                {
                    // Quotes delimit only a value; a stray one (`it's`) in a tag is a character.
                    quote = byte
                    lastNonSpace = byte
                } else if isSpace(byte) {
                    previousWasSpace = true
                } else {
                    if previousWasSpace, byte != UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > maximumAttributes, cutStart == nil { cutStart = cursor }
                    }
                    previousWasSpace = false
                    lastNonSpace = byte
                }
                cursor += 1
            }
            if let cutStart { cuts.append(cutStart..<cursor) }
            index = cursor
            if rawText.contains(name) { index = endOfRawText(name, in: bytes, from: cursor) }
        }
        guard !cuts.isEmpty else { return text }
        var kept: [UInt8] = []
        kept.reserveCapacity(count)
        var start = 0
        for cut in cuts {
            kept += bytes[start..<cut.lowerBound]
            start = cut.upperBound
        }
        kept += bytes[start..<count]
        return String(decoding: kept, as: UTF8.self)
    }

    /// Where `</name` starts after `from`, case-insensitively (the end of the input if never).
    private static func endOfRawText(_ name: String, in bytes: [UInt8], from: Int) -> Int {
        let closing = Array(("</" + name).utf8)
        var index = from
        while index + closing.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                var matches = true
                for offset in 1..<closing.count where lower(bytes[index + offset]) != closing[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
