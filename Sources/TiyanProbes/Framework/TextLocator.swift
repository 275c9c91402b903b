import TiyanCore
import TiyanHTML

/// Finds the element that shows a piece of text, so evidence can point at it (an XPath and the
/// markup) rather than quote the page's whole text.
enum TextLocator {
    /// An XPath 1.0 string literal for any text (XPath has no escapes: mixed quotes need concat).
    static func literal(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        if !text.contains("\"") { return "\"\(text)\"" }
        let parts = text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + parts.joined(separator: ", \"'\", ") + ")"
    }

    /// The deepest element of the first occurrence whose text matches `pattern` (or contains
    /// `match`); nil when no element shows it.
    static func element(showing match: String, pattern: Pattern? = nil, in document: HTMLDocument) -> HTMLElement? {
        let anchor = anchor(of: match)
        let query = "//body//*[not(self::script or self::style or self::noscript)][contains(., \(literal(anchor)))]"
        guard let candidates = try? document.select(query), !candidates.isEmpty else { return nil }
        let squeezed = squeeze(match)
        let matching = candidates.filter { element in
            pattern.map { $0.matches(element.text) } ?? squeeze(element.text).contains(squeezed)
        }
        let pool = matching.isEmpty ? candidates : matching
        guard let first = pool.first else { return nil }
        return pool.filter { $0.xpath == first.xpath || $0.xpath.hasPrefix(first.xpath + "/") }
            .max { $0.xpath.count < $1.xpath.count }
    }

    /// The longest run of letters in the match (e.g. `ICP备` in `浙ICP备05015370号`): digits and
    /// spacing vary between the text and the markup, labels do not.
    static func anchor(of match: String) -> String {
        var best = Substring()
        var current = Substring()
        var start = match.startIndex
        for index in match.indices {
            let character = match[index]
            if character.isLetter {
                if current.isEmpty { start = index }
                current = match[start...index]
                if current.count > best.count { best = current }
            } else {
                current = Substring()
            }
        }
        return best.count >= 2 ? String(best) : match
    }

    private static func squeeze(_ text: String) -> String { text.removingWhitespace }
}
