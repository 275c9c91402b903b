public import TiyanCore

public struct FetchRequest: Sendable, Hashable {
    public enum IPResolve: Sendable, Hashable { case any, v4, v6 }
    public var url: String
    public var method: String
    public var userAgent: UserAgent
    public var ipResolve: IPResolve
    public var followRedirects: Bool
    /// Extra request headers (e.g. Accept-Language).
    public var headers: [HTTPHeader]

    public init(url: String, method: String = "GET", userAgent: UserAgent = .tiyan, ipResolve: IPResolve = .any,
                followRedirects: Bool = true, headers: [HTTPHeader] = []) {
        self.url = url
        self.method = method
        self.userAgent = userAgent
        self.ipResolve = ipResolve
        self.followRedirects = followRedirects
        self.headers = headers
    }
}
