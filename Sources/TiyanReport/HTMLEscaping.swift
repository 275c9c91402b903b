/// The one escaping function of the HTML report. Every string that comes from a crawled page or
/// from configuration goes through it, in text and in attribute values alike: portals are not
/// trusted input, and an evaluator opening the report must never run a page's script.
func escapeHTML(_ text: String) -> String {
    // On UTF-8 bytes: the five specials are ASCII, and every byte of a multi-byte character is
    // ≥ 0x80, so no character can be split. Scalars appended one by one cost 5× as much on the
    // megabytes of archived copies.
    let source = text.utf8
    guard source.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
        return text
    }
    var out: [UInt8] = []
    out.reserveCapacity(source.count + source.count / 8)
    for byte in source {
        switch byte {
        case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
        case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
        case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
        case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
        case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
        default: out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
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
