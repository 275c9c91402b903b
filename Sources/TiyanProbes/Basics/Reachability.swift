import TiyanCore
import TiyanHTML

/// SB-01: the share of home-page attempts that got the page in time. A challenge is the site
/// refusing a robot, not the site being down, so it is left out of the ratio (all challenges →
/// `blocked`); a certificate error still reached the server and is SB-02's finding.
struct Reachability: Rule {
    static let id = "SB-01"
    static let judgesTheFetches = true
    let maxMilliseconds: Int
    let maxFailureRatio: Double

    init(settings: RuleSettings) throws {
        let seconds = try settings.number("max_seconds")
        // Int(_:) traps on a huge product; a day is far beyond any page-load limit.
        maxMilliseconds = Int(min(max(seconds, 0), 86_400) * 1000)
        maxFailureRatio = try settings.number("max_failure_ratio")
    }

    private enum Attempt { case success, failure, challenged, notAttempted }

    func evaluate(_ site: SiteContext) throws -> Finding {
        // A refetch without certificate verification, recorded beside the verified attempt that
        // failed on the certificate, repeats that attempt; recorded alone it is the attempt.
        let home = site.records(.home)
        let certificateFailures = Set(
            home.filter { $0.error == .tlsCertificate && !$0.fetchedWithoutVerification }.map(\.url))
        let records = home.filter { !$0.fetchedWithoutVerification || !certificateFailures.contains($0.url) }
        guard !records.isEmpty else { throw PageUnavailable(.undetermined, reason: "no home page fetch was recorded") }
        var counts = (success: 0, failure: 0, challenged: 0)
        var evidence: [Evidence] = []
        for (index, record) in records.enumerated() {
            let (attempt, note) = judge(record, site: site)
            switch attempt {
            case .success: counts.success += 1
            case .failure: counts.failure += 1
            case .challenged: counts.challenged += 1
            case .notAttempted: break
            }
            evidence.append(FetchOutcome.evidence(record, "attempt \(index + 1): \(note)"))
        }
        let counted = counts.success + counts.failure
        guard counted > 0 else {
            let status: Status = counts.challenged > 0 ? .blocked : .undetermined
            let reason =
                counts.challenged > 0
                ? "every attempt met a bot challenge" : "the home page was not fetched (robots.txt)"
            return Finding(status, evidence: evidence, reason: reason)
        }
        let ratio = Double(counts.success) / Double(counted)
        let status: Status = counts.success == 0 ? .fail : (1 - ratio) < maxFailureRatio ? .pass : .partial
        return Finding(status, value: .number(ratio), evidence: evidence, score: status == .partial ? ratio : nil)
    }

    private func judge(_ record: FetchRecord, site: SiteContext) -> (Attempt, String) {
        let time = "\(record.elapsedMilliseconds) ms"
        if let error = record.error {
            switch error {
            case .challenge: return (.challenged, "bot challenge")
            case .robotsDisallowed: return (.notAttempted, "not fetched: robots.txt")
            case .tlsCertificate: return (.success, "server reached, certificate did not verify (see SB-02), \(time)")
            default:
                let status = record.status.map { "HTTP \($0), " } ?? ""
                return (
                    .failure, "\(status)error: \(error.rawValue)\(record.errorDetail.map { " (\($0))" } ?? ""), \(time)"
                )
            }
        }
        guard let code = record.status else { return (.failure, "no response, \(time)") }
        if record.hasBody, case let .challenge(marker) = site.parse(record).nature {
            return (.challenged, "HTTP \(code), bot challenge (\(marker))")
        }
        guard (200..<300).contains(code) else { return (.failure, "HTTP \(code), \(time)") }
        guard record.elapsedMilliseconds <= maxMilliseconds else {
            return (.failure, "HTTP \(code) but slower than \(maxMilliseconds / 1000) s: \(time)")
        }
        let certificate = record.fetchedWithoutVerification ? " (certificate did not verify, see SB-02)" : ""
        return (.success, "HTTP \(code) in \(time)\(certificate)")
    }
}
