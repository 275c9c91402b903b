/// Resolves an href against a base URL the way a browser would, tolerating Chinese characters
/// and spaces (percent-encoded), and rejecting javascript:, mailto:, tel:, data: and fragments-only.
///
/// Resolution follows RFC 3986 §5.2 with the browser habits that pages rely on: white space
/// around an href is trimmed and tabs/newlines inside it dropped, `\` counts as `/` in http(s)
/// URLs, `http:path` on an http page is relative, the fragment is dropped, default ports are
/// removed, scheme and host are lower-cased. Non-ASCII and unsafe characters in the path and query
/// are percent-encoded as UTF-8 (a GBK page's browser would encode a query in GBK; servers of
/// these portals accept UTF-8 links alike in practice). An empty href is the base itself.
public enum URLResolver {
    /// Schemes that do not name a fetchable resource.
    public static let unusableSchemes: Set<String> = ["javascript", "vbscript", "mailto", "tel", "sms", "data", "about", "blob"]

    /// Two-label public suffixes under which a site is the last three labels. `gov.cn` is the
    /// one that matters (zjzwfw.gov.cn); the others keep `www.x.com.cn` and `www.y.com.cn` apart.
    public static let twoLabelPublicSuffixes: Set<String> = {
        let chinese = ["gov", "com", "net", "org", "edu", "ac", "mil"].map { "\($0).cn" }
        let provinces = [
            "bj", "sh", "tj", "cq", "he", "sx", "nm", "ln", "jl", "hl", "js", "zj", "ah", "fj", "jx", "sd", "ha",
            "hb", "hn", "gd", "gx", "hi", "sc", "gz", "yn", "xz", "sn", "gs", "qh", "nx", "xj", "tw", "hk", "mo",
        ].map { "\($0).cn" }
        let elsewhere = ["gov.hk", "com.hk", "org.hk", "gov.mo", "com.mo", "gov.tw", "com.tw", "org.tw", "co.uk",
                         "gov.uk", "ac.uk", "org.uk", "com.au", "gov.au", "co.jp", "go.jp", "co.kr", "go.kr", "com.sg",
                         "gov.sg"]
        return Set(chinese + provinces + elsewhere)
    }()

    fileprivate static let specialSchemes: Set<String> = ["http", "https", "ws", "wss", "ftp"]
    private static let defaultPorts: [String: String] = ["http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21"]

    public static func resolve(_ href: String, against base: String) -> String? {
        resolve(href, against: ParsedBase(base))
    }

    /// A base URL parsed once, for a page's many links (parsing it per link showed in profiles).
    struct ParsedBase {
        let parts: URLParts
        /// `scheme://host[:port]` as `serialize` writes it, for the root-relative fast path.
        let origin: String?

        init(_ base: String) {
            parts = URLParts(parsing: Substring(URLResolver.clean(base)))
            if let scheme = parts.scheme, URLResolver.specialSchemes.contains(scheme), parts.authority != nil,
               let root = URLResolver.serialize(URLParts(scheme: scheme, authority: parts.authority, path: "/",
                                                         query: nil, fragment: nil)), root.hasSuffix("/") {
                origin = String(root.dropLast())
            } else {
                origin = nil
            }
        }
    }

    static func resolve(_ href: String, against base: ParsedBase) -> String? {
        // Most links on a portal are plain root-relative paths (`/col/col1/index.html?id=3`):
        // nothing to clean, encode or normalise, so the general algorithm's result is just
        // origin + href.
        if let origin = base.origin, isPlainRootRelative(href) { return origin + href }
        let cleaned = clean(href)
        if cleaned.hasPrefix("#") { return nil }
        let baseParts = base.parts
        var reference = URLParts(parsing: Substring(cleaned))
        if let scheme = reference.scheme, unusableSchemes.contains(scheme) { return nil }
        if specialSchemes.contains(reference.scheme ?? baseParts.scheme ?? "") {
            reference = URLParts(parsing: Substring(cleaned.replacingBackslashes()))
        }
        // `http:x.html` on an http page is a relative reference to browsers.
        if let scheme = reference.scheme, scheme == baseParts.scheme, specialSchemes.contains(scheme),
           reference.authority == nil
        {
            reference.scheme = nil
        }

        var target: URLParts
        if reference.scheme != nil {
            target = reference
            target.path = removingDotSegments(reference.path)
        } else {
            guard let baseScheme = baseParts.scheme, !unusableSchemes.contains(baseScheme) else { return nil }
            target = URLParts(scheme: baseScheme, authority: nil, path: "", query: nil, fragment: nil)
            if let authority = reference.authority {
                target.authority = authority
                target.path = removingDotSegments(reference.path)
                target.query = reference.query
            } else {
                target.authority = baseParts.authority
                if reference.path.isEmpty {
                    target.path = baseParts.path
                    target.query = reference.query ?? baseParts.query
                } else {
                    target.path = removingDotSegments(
                        reference.path.hasPrefix("/") ? reference.path : merge(base: baseParts, path: reference.path))
                    target.query = reference.query
                }
            }
        }
        return serialize(target)
    }

    /// The address without its `#fragment`: what a fetch sends and an archive is keyed by.
    public static func withoutFragment(_ url: String) -> String {
        url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
    }

    /// The host of a URL, lower-cased, without port.
    public static func host(of url: String) -> String? {
        URLParts(parsing: Substring(clean(url).replacingBackslashes())).host
    }

    /// The registrable "site" used for same-site checks: the last three labels for *.gov.cn
    /// hosts (e.g. `zjzwfw.gov.cn`), the last two otherwise; IP addresses as they are.
    public static func site(of url: String) -> String? {
        guard let host = host(of: url) else { return nil }
        if host.hasPrefix("[") || isIPv4(host) { return host }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 2 else { return host }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let keep = twoLabelPublicSuffixes.contains(lastTwo) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }

    // MARK: - Steps

    /// Browsers strip leading/trailing white space and controls, and tabs and newlines anywhere.
    fileprivate static func clean(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.value <= 0x20 || first.isFastWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 || last.isFastWhitespace { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" { result.append(scalar) }
        return String(result)
    }

    private static func merge(base: URLParts, path: String) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4, by segments.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        let absolute = path.hasPrefix("/")
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(absolute ? 1 : 0)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }

    fileprivate static func serialize(_ parts: URLParts) -> String? {
        guard let scheme = parts.scheme else { return nil }
        var result = scheme + ":"
        var path = parts.path
        if let authority = parts.authority {
            let special = specialSchemes.contains(scheme)
            guard let host = URLParts(parsing: Substring("//" + authority)).host ?? (special ? nil : "") else { return nil }
            var serializedAuthority = host
            if let at = authority.lastIndex(of: "@") { serializedAuthority = String(authority[...at]) + host }
            if let port = parts.port, port != defaultPorts[scheme] {
                guard port.allSatisfy(\.isASCIIDigit) else { return nil }
                serializedAuthority += ":" + port
            }
            result += "//" + PercentEncoding.encode(serializedAuthority, allowing: .authority)
            if special, path.isEmpty { path = "/" }
        }
        result += PercentEncoding.encode(path, allowing: .path)
        if let query = parts.query { result += "?" + PercentEncoding.encode(query, allowing: .query) }
        return result
    }

    private static func isPlainRootRelative(_ href: String) -> Bool {
        let bytes = href.utf8
        guard bytes.count >= 1, bytes.count < 2048, bytes.first == UInt8(ascii: "/") else { return false }
        var previous: UInt8 = 0
        for (offset, byte) in bytes.enumerated() {
            // `//` starts an authority; `/.` may be a dot segment: both need the general path.
            if offset == 1, byte == UInt8(ascii: "/") { return false }
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") { return false }
            guard plainURLBytes[Int(byte)] else { return false }
            previous = byte
        }
        return true
    }

    /// Bytes that neither the path nor the query percent-encode set touches, and that carry no
    /// syntax needing normalisation (no `#`, `%`, `\\`, quotes, white space or non-ASCII).
    private static let plainURLBytes: [Bool] = (0..<256).map { value in
        guard let scalar = Unicode.Scalar(value), value < 0x80 else { return false }
        return scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || ("0"..."9").contains(scalar) || "-._~/?=&+,;:@!$()*".unicodeScalars.contains(scalar)
    }

    private static func isIPv4(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count == 4 && labels.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension String {
    func replacingBackslashes() -> String {
        contains("\\") ? String(map { $0 == "\\" ? "/" : $0 }) : self
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
