import Foundation
import TiyanCore

/// What a result page says about its own results: a count (共找到 12 条结果, 找到相关结果约 12 个,
/// About 12 results) or that it found nothing (抱歉，没有找到…). The extracted list is checked
/// against the first; the second makes an empty page a real zero rather than an unread list.
struct ResultStatements: Sendable {
    /// Each with the number in group 1.
    let counts: [Pattern]
    let nothingFound: Pattern
    /// Result pages show at least this many results when they have them (unless the count is
    /// smaller): reading fewer means the list was not wholly found.
    let minPageSize: Int

    struct Statement {
        let count: Int
        let text: String
    }

    /// The first count statement of the page's visible text (patterns in order).
    func count(in text: String) -> Statement? {
        for pattern in counts {
            guard let match = pattern.allMatches(in: text).first, match.count > 1,
                  let digits = match[1]?.filter(\.isNumber), let value = Int(digits) else { continue }
            return Statement(count: value, text: match[0] ?? digits)
        }
        return nil
    }

    func saysNothingFound(_ text: String) -> String? {
        nothingFound.firstMatch(in: text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Why `read` items cannot be what a page stating `stated` shows; nil when they can.
    func disagreement(read: Int, stated: Statement) -> String? {
        let says = "the page says \"\(stated.text)\""
        if stated.count == 0 && read > 0 { return "\(says) but \(read) results were read" }
        if stated.count > 0 && read == 0 { return "\(says) but no result list could be read" }
        if read > stated.count { return "\(says) but \(read) results were read" }
        if read < min(stated.count, minPageSize) { return "\(says) but only \(read) results were read" }
        return nil
    }
}
