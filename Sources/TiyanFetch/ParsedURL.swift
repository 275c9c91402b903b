import CCurl

/// A URL as libcurl will understand it, parsed by curl's own URL API so that what is validated is
/// exactly what is fetched. Only http and https are accepted: a crawler of web portals has no
/// business following a link into ftp:, file: or javascript:.
struct ParsedURL: Sendable, Hashable {
    /// curl's normalised form (spaces and non-ASCII percent-encoded, default port dropped).
    var normalized: String
    var scheme: String
    /// Lowercased host: the key of the per-host politeness gate.
    var host: String
    /// The Host header curl sends: the host, with the port when the URL names one.
    var authority: String

    var isHTTPS: Bool { scheme == "https" }

    /// Why `text` cannot be fetched, as a short detail for the response.
    struct Invalid: Error, Sendable {
        var detail: String
    }

    static func parse(_ text: String) -> Result<ParsedURL, Invalid> {
        guard CurlRuntime.isReady else { return .failure(Invalid(detail: "libcurl failed to initialise")) }
        guard !text.utf8.contains(0) else { return .failure(Invalid(detail: "invalid URL: contains NUL")) }
        guard let handle = curl_url() else { return .failure(Invalid(detail: "invalid URL: out of memory")) }
        defer { curl_url_cleanup(handle) }

        // URLENCODE and ALLOW_SPACE make curl percent-encode what browsers encode silently (spaces,
        // Chinese characters in paths) instead of rejecting links that portals really publish.
        let flags = UInt32(CURLU_URLENCODE | CURLU_ALLOW_SPACE)
        let code = curl_url_set(handle, CURLUPART_URL, text, flags)
        guard code == CURLUE_OK else {
            return .failure(Invalid(detail: "invalid URL: \(describe(code))"))
        }
        guard let scheme = part(handle, CURLUPART_SCHEME)?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure(Invalid(detail: "invalid URL: only http and https are fetched"))
        }
        guard let host = part(handle, CURLUPART_HOST), !host.isEmpty,
              let normalized = part(handle, CURLUPART_URL) else {
            return .failure(Invalid(detail: "invalid URL: no host"))
        }
        let authority = part(handle, CURLUPART_PORT).map { "\(host):\($0)" } ?? host
        return .success(ParsedURL(normalized: normalized, scheme: scheme, host: host.lowercased(),
                                  authority: authority))
    }

    private static func part(_ handle: OpaquePointer, _ part: CURLUPart) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }

    private static func describe(_ code: CURLUcode) -> String {
        guard let text = curl_url_strerror(code) else { return "URL error \(code.rawValue)" }
        return String(cString: text)
    }
}
