/// Script text as a reader of its strings sees it: bundlers often write Chinese labels as
/// `\uXXXX` escapes, which a keyword would otherwise never match.
enum ScriptText {
    static func unescaped(_ text: String) -> String {
        guard text.contains("\\u") else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 5 < scalars.count, scalars[index + 1] == "u",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                output.append(scalar)
                index += 6
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// The match with some text either side, for evidence from a bundle.
    static func context(of match: String, in text: String, radius: Int = 60) -> String {
        guard let range = text.range(of: match) else { return match }
        let start = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }
}
