/// One portal to evaluate, as targets.yaml describes it (after `defaults` are applied).
public struct Target: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case portal
        case h5
        case miniprogramWeb = "miniprogram-web"
    }

    public struct SearchConfiguration: Sendable, Hashable, Codable {
        public enum ResultFormat: String, Sendable, Codable { case html, json }
        public var url: String
        public var results: ResultFormat
        public var item: String
        public var title: String
        public var link: String

        public init(url: String, results: ResultFormat, item: String, title: String, link: String) {
            self.url = url
            self.results = results
            self.item = item
            self.title = title
            self.link = link
        }
    }

    public var id: String
    public var name: String
    public var region: String
    public var kind: Kind
    public var url: String
    /// A profile name (`desktop`, `mobile`, `wechat`) or a literal User-Agent string.
    public var userAgent: String
    public var maxPages: Int
    public var hints: [PageRole: String]
    public var search: SearchConfiguration?
    /// targets.yaml `render:`; nil follows the run's `--render`.
    public var render: RenderMode?

    public init(
        id: String, name: String, region: String, kind: Kind = .portal, url: String,
        userAgent: String? = nil, maxPages: Int = 40, hints: [PageRole: String] = [:],
        search: SearchConfiguration? = nil, render: RenderMode? = nil
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.kind = kind
        self.url = url
        self.userAgent = userAgent ?? (kind == .portal ? "desktop" : "mobile")
        self.maxPages = maxPages
        self.hints = hints
        self.search = search
        self.render = render
    }
}
