import CCurl
import CCurlShim

/// The one owner of a `CURL *` easy handle and its error buffer. A worker thread keeps one for its
/// whole life and resets it between transfers, so curl's connection, DNS and TLS-session caches
/// survive from one request to the next. Not Sendable: it never leaves its thread.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize: Int

    init() throws(CurlError) {
        guard CurlRuntime.isReady else {
            throw CurlError(operation: "curl_global_init", code: CurlRuntime.initialization.rawValue,
                            message: CurlRuntime.describe(CurlRuntime.initialization))
        }
        guard let handle = curl_easy_init() else {
            throw CurlError(operation: "curl_easy_init", code: 0, message: "no handle")
        }
        self.handle = handle
        errorBufferSize = max(256, tiyan_curl_error_size())
        errorBuffer = .allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Forgets every option of the previous transfer but keeps the caches; the error buffer is
    /// re-armed because reset unhooks it.
    func reset() throws {
        curl_easy_reset(handle)
        errorBuffer.update(repeating: 0, count: errorBufferSize)
        try check(tiyan_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
    }

    func set(_ option: CURLoption, _ value: Int, _ name: String) throws {
        try check(tiyan_curl_easy_setopt_long(handle, option, value), name)
    }

    func set(_ option: CURLoption, _ value: Bool, _ name: String) throws {
        try set(option, value ? 1 : 0, name)
    }

    /// curl copies string options (since 7.17), so the Swift string may go away afterwards.
    func set(_ option: CURLoption, _ value: String, _ name: String) throws {
        try check(tiyan_curl_easy_setopt_string(handle, option, value), name)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?, _ name: String) throws {
        try check(tiyan_curl_easy_setopt_pointer(handle, option, pointer), name)
    }

    /// The list is not copied: the caller keeps `list` alive until the transfer ends.
    func set(_ option: CURLoption, list: CurlStringList, _ name: String) throws {
        try check(tiyan_curl_easy_setopt_slist(handle, option, list.pointer), name)
    }

    func set(_ option: CURLoption, writeFunction: curl_write_callback, _ name: String) throws {
        try check(tiyan_curl_easy_setopt_write_function(handle, option, writeFunction), name)
    }

    func set(debugFunction: curl_debug_callback) throws {
        try check(tiyan_curl_easy_setopt_debug_function(handle, debugFunction), "CURLOPT_DEBUGFUNCTION")
    }

    func set(transferInfoFunction: curl_xferinfo_callback) throws {
        try check(tiyan_curl_easy_setopt_xferinfo_function(handle, transferInfoFunction), "CURLOPT_XFERINFOFUNCTION")
    }

    /// Blocks the calling thread for the whole transfer: only ever called on a pool thread.
    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    /// curl's detailed message of the last transfer, falling back to the generic text of `code`.
    func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? CurlRuntime.describe(code) : detail
    }

    func longInfo(_ info: CURLINFO) -> Int? {
        var value = 0
        return tiyan_curl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : nil
    }

    func stringInfo(_ info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard tiyan_curl_easy_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// Lists from getinfo belong to the caller: copy the lines, then free.
    func listInfo(_ info: CURLINFO) -> [String] {
        var list: UnsafeMutablePointer<curl_slist>?
        guard tiyan_curl_easy_getinfo_slist(handle, info, &list) == CURLE_OK else { return [] }
        defer { curl_slist_free_all(list) }
        return CurlStringList.lines(of: list)
    }

    private func check(_ code: CURLcode, _ name: String) throws {
        guard code == CURLE_OK else {
            throw CurlError(operation: "curl_easy_setopt(\(name))", code: code.rawValue,
                            message: CurlRuntime.describe(code))
        }
    }
}
