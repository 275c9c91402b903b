public import Foundation

/// A request the browser wants answered. The browser itself reaches no network: the crawl's
/// `RequestServer` decides every answer.
public struct BrowserRequest: Sendable, Hashable {
    /// Without the fragment (the browser never sends it).
    public var url: String
    public var method: String
    public var headers: [String: String]
    public var postData: Data?
    /// The DevTools resource type: Document, Stylesheet, Image, Script, XHR, Fetch, Font, ...
    public var resourceType: String

    public init(url: String, method: String = "GET", headers: [String: String] = [:], postData: Data? = nil,
                resourceType: String)
    {
        self.url = url
        self.method = method
        self.headers = headers
        self.postData = postData
        self.resourceType = resourceType
    }
}
