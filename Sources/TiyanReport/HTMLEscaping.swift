/// The one escaping function of the HTML report. Every string that comes from a crawled page or
/// from configuration goes through it, in text and in attribute values alike: portals are not
/// trusted input, and an evaluator opening the report must never run a page's script.
func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(character)
        }
    }
    return out
}

/// An escaped `href` value for http(s) URLs only; nil for anything else (`javascript:`,
/// `data:`, relative or garbled URLs), which the report then shows as text. An allow-list,
/// because browsers forgive too much (`JaVaScRiPt:`, leading control characters) to block by
/// pattern.
func linkTarget(_ url: String) -> String? {
    let trimmed = url.unicodeScalars.drop { $0.value <= 0x20 }
    let lowered = String(String.UnicodeScalarView(trimmed)).lowercased()
    guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
    return escapeHTML(String(String.UnicodeScalarView(trimmed)))
}

/// A link when the URL is http(s), escaped text otherwise.
func linkOrText(_ url: String) -> String {
    guard let href = linkTarget(url) else { return "<span class=\"url\">" + escapeHTML(url) + "</span>" }
    return "<a class=\"url\" href=\"" + href + "\" rel=\"noopener noreferrer\">" + escapeHTML(url) + "</a>"
}

/// `linkOrText` with the visible text clipped: long query strings repeated in every row made up
/// much of the report's bytes, and the full URL stays in the href and the archived copy.
func shortLink(_ url: String, limit: Int = 72) -> String {
    let shown = url.count > limit ? String(url.prefix(limit - 1)) + "…" : url
    guard let href = linkTarget(url) else { return "<span class=\"url\">" + escapeHTML(shown) + "</span>" }
    return "<a class=\"url\" href=\"" + href + "\">" + escapeHTML(shown) + "</a>"
}
