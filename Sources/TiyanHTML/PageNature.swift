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
    /// parsed with the Content-Type of `headers`. The markers and thresholds are those of
    /// probes/page-nature.yaml.
    public static func classify(status: Int?, headers: [HTTPHeader], body: Data, document: HTMLDocument?,
                                markers: PageNatureMarkers) -> PageNature {
        let signals = ChallengeSignals(markers)
        let page = document ?? HTMLDocument(data: body, contentType: headers.value(of: "Content-Type"), url: "")
        // Only "fewer than the limits?" matters, so the count stops past the larger one.
        let visibleCharacters = page.visibleCharacterCount(
            limit: max(markers.challengeVisibleTextLimit, markers.shellVisibleTextLimit))
        // Built only when a marker is looked for: it is the page source, compacted.
        var compactedSource: String?
        func source() -> String {
            if let compactedSource { return compactedSource }
            let built = signals.searchableSource(of: page.decoding.text)
            compactedSource = built
            return built
        }

        if status == 412 {
            let marker = signals.marker(in: source())
            return .challenge(reason: "HTTP 412" + (marker.map { ", marker \($0)" } ?? ""))
        }
        if headers.values(of: "cf-mitigated").contains(where: { $0.lowercased().contains("challenge") }) {
            return .challenge(reason: "header cf-mitigated: challenge")
        }
        let mountPoint = ShellSignals.mountPoint(in: page, markers: markers)
        let mayBeChallenge = markers.challengeStatuses.contains(status ?? 200) && visibleCharacters < markers.challengeVisibleTextLimit
        if mayBeChallenge {
            if let marker = signals.marker(in: source()) {
                return .challenge(reason: "challenge marker \(marker)")
            }
            if visibleCharacters < markers.shellVisibleTextLimit, body.count <= markers.cookieChallengeMaximumBytes,
               let reload = signals.cookieReload(in: source())
            {
                return .challenge(reason: "tiny page whose script sets document.cookie and calls \(reload)")
            }
        }
        if let reason = ShellSignals.shellReason(
            page: page, visibleCharacters: visibleCharacters, mountPoint: mountPoint, markers: markers) {
            return .scriptShell(reason: reason)
        }
        if mayBeChallenge, mountPoint == nil, page.links.count < markers.blockPageMaximumLinks,
           let marker = signals.blockPageMarker(in: source())
        {
            return .challenge(reason: "block page marker \(marker)")
        }
        return .document
    }
}
