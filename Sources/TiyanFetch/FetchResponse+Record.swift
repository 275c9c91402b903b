public import TiyanCore

extension FetchResponse {
    /// The archive's view of this response: what was fetched, plus why and for whom.
    public func record(target: String, role: PageRole, method: String = "GET", configured: Bool = false,
                       userAgentProfile: String, discoveredFrom: String? = nil) -> FetchRecord {
        FetchRecord(
            target: target, role: role, method: method, url: url, finalURL: finalURL, redirects: redirects,
            status: status, requestHeaders: requestHeaders, headers: headers, body: body, error: error,
            errorDetail: errorDetail, elapsedMilliseconds: elapsedMilliseconds, fetchedAt: startedAt,
            configured: configured, userAgentProfile: userAgentProfile, tlsVerified: tlsVerified,
            fetchedWithoutVerification: fetchedWithoutVerification, remoteAddress: remoteAddress,
            discoveredFrom: discoveredFrom)
    }
}
