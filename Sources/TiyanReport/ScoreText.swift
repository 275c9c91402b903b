import Foundation

enum ScoreText {
    /// One decimal, in the POSIX locale (a comma decimal separator would break the CSV).
    static func format(_ score: Double?) -> String {
        guard let score, score.isFinite else { return "" }
        return String(format: "%.1f", locale: nil, score)
    }
}
