public import Foundation
public import TiyanCore

/// What a response is, beyond its status: a real document, a bot challenge, or a script shell.
///
/// Order of the decision: HTTP 412 (or Cloudflare's `cf-mitigated: challenge`) is always a
/// challenge; then, on a page with little visible text, a challenge marker or a tiny page whose
/// script sets a cookie and reloads is a challenge; then a script shell; then block-page wording
/// on a page with little text, almost no links and no app mount point is a challenge; else a
/// document. A page with real text is never a challenge whatever it mentions.
public enum PageNature: Sendable, Hashable {
    case document
    /// A bot challenge or WAF block page; the reason names the marker seen.
    case challenge(reason: String)
    /// A page whose content only appears after scripts run (near-empty body, a mount point,
    /// large bundles); the reason names what was seen.
    case scriptShell(reason: String)

    /// `document` is used when given (it must be the parsed `body`); otherwise the body is
    /// parsed with the Content-Type of `headers`.
    public static func classify(status: Int?, headers: [HTTPHeader], body: Data, document: HTMLDocument?) -> PageNature {
        let page = document ?? HTMLDocument(data: body, contentType: headers.value(of: "Content-Type"), url: "")
        // Only "fewer than the limits?" matters, so the count stops past the larger one.
        let visibleCharacters = page.visibleCharacterCount(
            limit: max(challengeVisibleTextLimit, shellVisibleTextLimit))
        // Built only when a marker is looked for: it is the page source, compacted.
        var compactedSource: String?
        func source() -> String {
            if let compactedSource { return compactedSource }
            let built = ChallengeSignals.searchableSource(of: page.decoding.text)
            compactedSource = built
            return built
        }

        if status == 412 {
            let marker = ChallengeSignals.marker(in: source())
            return .challenge(reason: "HTTP 412" + (marker.map { ", marker \($0)" } ?? ""))
        }
        if headers.values(of: "cf-mitigated").contains(where: { $0.lowercased().contains("challenge") }) {
            return .challenge(reason: "header cf-mitigated: challenge")
        }
        let mountPoint = ShellSignals.mountPoint(in: page)
        let mayBeChallenge = challengeStatuses.contains(status ?? 200) && visibleCharacters < challengeVisibleTextLimit
        if mayBeChallenge {
            if let marker = ChallengeSignals.marker(in: source()) {
                return .challenge(reason: "challenge marker \(marker)")
            }
            if visibleCharacters < shellVisibleTextLimit, body.count <= cookieChallengeMaximumBytes,
               let reload = ChallengeSignals.cookieReload(in: source())
            {
                return .challenge(reason: "tiny page whose script sets document.cookie and calls \(reload)")
            }
        }
        if let reason = ShellSignals.shellReason(page: page, visibleCharacters: visibleCharacters, mountPoint: mountPoint) {
            return .scriptShell(reason: reason)
        }
        if mayBeChallenge, mountPoint == nil, page.links.count < blockPageMaximumLinks,
           let marker = ChallengeSignals.blockPageMarker(in: source())
        {
            return .challenge(reason: "block page marker \(marker)")
        }
        return .document
    }

    // MARK: - Thresholds

    /// Statuses challenge and WAF pages come with (412 aside, which is always a challenge):
    /// 202 and 200 (Ruishu and cookie challenges), 403/405/429/503 (WAF blocks, Cloudflare), 521
    /// (Jiasule's `__jsl_clearance`).
    public static let challengeStatuses: Set<Int> = [200, 202, 403, 405, 429, 503, 521]

    /// A page with at least this many visible non-space characters is content, never a
    /// challenge: block pages say a few sentences at most, portal pages say thousands.
    public static let challengeVisibleTextLimit = 600

    /// Below this many visible non-space characters (outside scripts) a page shows nothing of
    /// its own: the bar for a script shell and for a cookie-and-reload challenge.
    public static let shellVisibleTextLimit = 50

    /// Block pages offer a link or two (the WAF vendor, "contact the administrator"); a page with
    /// this many links is a site's own page even if it asks to enable JavaScript.
    public static let blockPageMaximumLinks = 5

    /// A cookie-and-reload challenge page is small; a larger page that sets a cookie and
    /// reloads is an application doing its work.
    public static let cookieChallengeMaximumBytes = 32 * 1024
}
