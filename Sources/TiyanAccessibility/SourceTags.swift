import Foundation

/// Start tags as written in the source (HTML §13.2.5 tokenizer states, reduced): names and
/// attribute names in order, duplicates kept. Comments, doctypes and the text of raw-text
/// elements are skipped.
enum SourceTags {
    struct Tag {
        var name: String
        var attributes: [String]
    }

    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]

    static func startTags(in source: String) -> [Tag] {
        let chars = Array(source.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        while i < chars.count {
            guard chars[i] == "<", i + 1 < chars.count else {
                i += 1
                continue
            }
            if chars[i + 1] == "!" {
                let isComment = i + 3 < chars.count && chars[i + 2] == "-" && chars[i + 3] == "-"
                let end = isComment ? "-->" : ">"
                i = find(end, in: chars, from: i + 2).map { $0 + end.unicodeScalars.count } ?? chars.count
                continue
            }
            guard chars[i + 1].properties.isAlphabetic else {
                i += 1
                continue
            }
            var j = i + 1
            var name = ""
            while j < chars.count, !isSpace(chars[j]), chars[j] != ">", chars[j] != "/" {
                name.unicodeScalars.append(chars[j])
                j += 1
            }
            name = name.lowercased()
            var attributes: [String] = []
            while j < chars.count, chars[j] != ">" {
                if isSpace(chars[j]) || chars[j] == "/" {
                    j += 1
                    continue
                }
                var attribute = ""
                while j < chars.count, !isSpace(chars[j]), chars[j] != ">", chars[j] != "=",
                      !(chars[j] == "/" && !attribute.isEmpty)
                {
                    attribute.unicodeScalars.append(chars[j])
                    j += 1
                }
                while j < chars.count, isSpace(chars[j]) { j += 1 }
                if j < chars.count, chars[j] == "=" {
                    j += 1
                    while j < chars.count, isSpace(chars[j]) { j += 1 }
                    if j < chars.count, chars[j] == "\"" || chars[j] == "'" {
                        let quote = chars[j]
                        j += 1
                        while j < chars.count, chars[j] != quote { j += 1 }
                        j += 1
                    } else {
                        while j < chars.count, !isSpace(chars[j]), chars[j] != ">" { j += 1 }
                    }
                }
                if !attribute.isEmpty { attributes.append(attribute.lowercased()) }
            }
            tags.append(Tag(name: name, attributes: attributes))
            i = j + 1
            if rawText.contains(name) {
                i = find("</" + name, in: chars, from: i, caseInsensitive: true) ?? chars.count
            }
        }
        return tags
    }

    private static func find(_ needle: String, in chars: [Unicode.Scalar], from start: Int, caseInsensitive: Bool = false)
        -> Int?
    {
        let pattern = Array((caseInsensitive ? needle.lowercased() : needle).unicodeScalars)
        guard !pattern.isEmpty, chars.count >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= chars.count {
            var matched = true
            for k in 0..<pattern.count {
                var c = chars[i + k]
                if caseInsensitive, c.properties.isUppercase, let lower = String(c).lowercased().unicodeScalars.first {
                    c = lower
                }
                if c != pattern[k] {
                    matched = false
                    break
                }
            }
            if matched { return i }
            i += 1
        }
        return nil
    }
}
