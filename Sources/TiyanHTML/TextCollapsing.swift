/// Builds text the way a reader sees it: runs of white space (including no-break and
/// ideographic spaces, common as indentation on Chinese pages) become one space, lines are
/// trimmed and empty lines dropped.
struct TextCollapsing {
    private var lines: [String] = []
    private var line = String.UnicodeScalarView()
    private var pendingSpace = false

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar.isFastWhitespace {
                pendingSpace = !line.isEmpty
            } else {
                if pendingSpace { line.append(" ") }
                pendingSpace = false
                line.append(scalar)
            }
        }
    }

    /// A separator between inline neighbours (table cells).
    mutating func appendSpace() { pendingSpace = !line.isEmpty }

    mutating func breakLine() {
        if !line.isEmpty { lines.append(String(line)) }
        line = String.UnicodeScalarView()
        pendingSpace = false
    }

    mutating func finish() -> String {
        breakLine()
        return lines.joined(separator: "\n")
    }

    static func collapse(_ text: String) -> String {
        var builder = TextCollapsing()
        builder.append(text)
        return builder.finish()
    }
}
