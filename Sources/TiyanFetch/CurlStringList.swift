import CCurl

/// Owns one `curl_slist` (headers, connect-to entries). The list must outlive the transfer that
/// uses it, so the transfer keeps this object alive until `curl_easy_perform` returns.
final class CurlStringList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) throws {
        for line in lines {
            guard let appended = curl_slist_append(pointer, line) else {
                throw CurlError(operation: "curl_slist_append", code: 0, message: "out of memory")
            }
            pointer = appended
        }
    }

    deinit {
        curl_slist_free_all(pointer)
    }

    /// Reads a list curl handed out (e.g. CURLINFO_COOKIELIST) without taking ownership.
    static func lines(of list: UnsafeMutablePointer<curl_slist>?) -> [String] {
        var lines: [String] = []
        var node = list
        while let current = node {
            if let data = current.pointee.data { lines.append(String(cString: data)) }
            node = current.pointee.next
        }
        return lines
    }
}
