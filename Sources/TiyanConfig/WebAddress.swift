/// The checks configuration applies to URLs. Foundation's URL parsing differs between platforms
/// and toolchains (IDN hosts, braces), so the rules are spelled out here.
public enum WebAddress {
    /// Why a string is not an absolute http(s) URL with a host, or nil when it is one.
    public static func problem(with text: String) -> String? {
        guard !text.isEmpty else { return "empty URL" }
        guard
            !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else { return "not an http(s) URL: contains white space or control characters" }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return "not an http(s) URL" }
        guard let host = host(of: text) else { return "not an http(s) URL: no host" }
        guard isValidHost(host) else { return "not an http(s) URL: bad host \"\(host)\"" }
        return nil
    }

    /// The host of an absolute URL, lower-cased, without user info or port.
    public static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return String(authority[...close]).lowercased()
        }
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard port.allSatisfy(\.isASCIIDigit) else { return nil }
            authority = authority[..<colon]
        }
        return authority.isEmpty ? nil : authority.lowercased()
    }

    static func isValidHost(_ host: String) -> Bool {
        if host.hasPrefix("[") { return host.hasSuffix("]") && host.count > 2 }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        // A trailing dot (fully qualified) is legal; any other empty label is not.
        let significant = labels.last == "" ? labels.dropLast() : labels[...]
        guard !significant.isEmpty else { return false }
        return significant.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy {
                    $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
                }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
