import TiyanCore

/// The markup of an evidence snippet for the report: escaped, with the part that decided the
/// indicator wrapped in `<mark>` when the evidence names it (extra key `match`, the text the
/// rule's pattern matched inside the snippet).
enum EvidenceMarkup {
    static let matchKey = "match"

    static func snippet(_ evidence: Evidence) -> String {
        let match = evidence.extra.first { $0.0 == matchKey }?.1.stringValue ?? ""
        guard !match.isEmpty, evidence.snippet.contains(match) else { return escapeHTML(evidence.snippet) }
        // Splitting on the match and escaping each piece: the highlight can never open a tag.
        return evidence.snippet.components(separatedBy: match).map(escapeHTML)
            .joined(separator: "<mark>" + escapeHTML(match) + "</mark>")
    }
}
