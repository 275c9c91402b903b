import Foundation

/// The normalisation SPEC.md fixes for relevance: tags removed, NFKC, no white space, so that
/// `<em>公积金</em>提取` and `公积金 提取` both read `公积金提取` (and full-width letters fold).
enum SearchText {
    static func normalised(_ text: String) -> String {
        let untagged = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let folded = untagged.precomposedStringWithCompatibilityMapping
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            !$0.properties.isWhitespace && !CharacterSet.controlCharacters.contains($0)
        }))
    }

    /// For display in evidence: tags removed, white space collapsed.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
