import CCurl

/// libcurl's process-wide setup. `curl_global_init` is not thread-safe on every build, so it runs
/// exactly once, before the first handle, through Swift's lazy (dispatch-once) static storage.
enum CurlRuntime {
    static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    static var isReady: Bool { initialization == CURLE_OK }

    static var versionLine: String {
        guard let text = curl_version() else { return "libcurl" }
        return String(cString: text)
    }

    /// curl's own text for a code, for error details.
    static func describe(_ code: CURLcode) -> String {
        guard let text = curl_easy_strerror(code) else { return "curl error \(code.rawValue)" }
        return String(cString: text)
    }
}
