import Foundation
import TiyanCore

/// The state of one attempt as it walks a redirect chain: the hops so far, the cookies they set,
/// and the certificate verdict. It decides what a hop means; the fetcher only does the I/O.
///
/// `tlsVerified` is nil when no hop used https, false as soon as one https hop failed its
/// certificate check, and true when every https hop verified. After a certificate failure the
/// same hop and the rest of the chain are fetched once without verification; if that yields a
/// response it is returned (error nil or http_4xx/5xx) with `fetchedWithoutVerification`, and the
/// certificate problem stays in `errorDetail`; if it yields nothing the error is tls_certificate.
struct RedirectChain {
    enum Step {
        case retryWithoutVerification
        case redirect(to: String)
        case finished(AttemptOutcome)
    }

    let request: FetchRequest
    let startedAt: Date
    private(set) var redirects: [String] = []
    private(set) var cookies: [String] = []
    private(set) var elapsedMilliseconds = 0
    private(set) var verifiesCertificates = true
    private var tlsVerified: Bool?
    private var certificateProblem: String?
    private var lastURL: String
    private var lastHop: HopResult?

    init(request: FetchRequest, startedAt: Date) {
        self.request = request
        self.startedAt = startedAt
        lastURL = request.url
    }

    mutating func record(_ hop: HopResult, url: String, isHTTPS: Bool) -> Step {
        elapsedMilliseconds += hop.elapsedMilliseconds
        lastURL = url
        lastHop = hop
        if let failure = hop.failure {
            if failure.errorClass == .tlsCertificate, verifiesCertificates {
                tlsVerified = false
                certificateProblem = hop.detail
                verifiesCertificates = false
                return .retryWithoutVerification
            }
            if certificateProblem != nil {
                let detail = "\(certificateProblem ?? ""); without verification: \(hop.detail ?? "no response")"
                return .finished(failed(.tlsCertificate, detail: detail, retryable: false))
            }
            return .finished(failed(failure.errorClass, detail: hop.detail, retryable: failure.retryable))
        }
        if isHTTPS, verifiesCertificates, tlsVerified == nil { tlsVerified = true }
        cookies = hop.cookies
        if request.followRedirects, let status = hop.status, (300..<400).contains(status),
           let next = hop.redirectURL, !next.isEmpty {
            redirects.append(url)
            return .redirect(to: next)
        }
        let httpError = hop.status.flatMap(TransferFailure.httpClass(status:))
        let statusDetail = httpError.map { _ in "HTTP \(hop.status ?? 0)" }
        let details = [statusDetail, certificateProblem].compactMap { $0 }
        let detail = details.isEmpty ? nil : details.joined(separator: "; ")
        return .finished(AttemptOutcome(response: response(error: httpError, detail: detail), retryable: true))
    }

    /// The attempt ends with `errorClass`; whatever the last hop received is kept (a redirect
    /// loop keeps its last 3xx answer, a transport failure has none).
    func failed(_ errorClass: FetchErrorClass, detail: String?, retryable: Bool) -> AttemptOutcome {
        AttemptOutcome(response: response(error: errorClass, detail: detail), retryable: retryable)
    }

    private func response(error: FetchErrorClass?, detail: String?) -> FetchResponse {
        let hop = lastHop
        return FetchResponse(
            url: request.url, finalURL: lastURL, redirects: redirects, status: hop?.status,
            requestHeaders: hop?.requestHeaders ?? [], headers: hop?.headers ?? [], body: hop?.body ?? Data(),
            error: error, errorDetail: detail, elapsedMilliseconds: elapsedMilliseconds, startedAt: startedAt,
            tlsVerified: tlsVerified, fetchedWithoutVerification: !verifiesCertificates,
            remoteAddress: hop?.remoteAddress, attempts: 1)
    }
}
