import TiyanCore

/// The markup of an evidence snippet for the report: escaped, with the part that decided the
/// indicator wrapped in `<mark>` when the evidence names it (extra key `match`, the text the
/// rule's pattern matched inside the snippet).
enum EvidenceMarkup {
    static let matchKey = "match"

    static func snippet(_ evidence: Evidence, limit: Int = .max) -> String {
        let match = evidence.extra.first { $0.0 == matchKey }?.1.stringValue ?? ""
        var text = evidence.snippet
        if text.count > limit {
            // Keep the match in view: start the clip a little before it.
            let start = match.isEmpty ? nil : text.range(of: match).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
            let offset = max(0, min((start ?? 0) - 40, text.count - limit))
            let from = text.index(text.startIndex, offsetBy: offset)
            text = (offset > 0 ? "…" : "") + String(text[from...].prefix(limit - 1)) + "…"
        }
        guard !match.isEmpty, text.contains(match) else { return escapeHTML(text) }
        // Splitting on the match and escaping each piece: the highlight can never open a tag.
        return text.components(separatedBy: match).map(escapeHTML)
            .joined(separator: "<mark>" + escapeHTML(match) + "</mark>")
    }
}
