public struct HTMLLink: Sendable, Hashable {
    /// The absolute URL (resolved against the document URL and `<base href>`), nil if unusable
    /// (javascript:, mailto:, malformed).
    public var url: String?
    public var href: String
    public var text: String
    /// `title`, `aria-label` or an `img@alt` inside the link, whichever helps name it.
    public var title: String?
    public var element: HTMLElement
    public init(url: String?, href: String, text: String, title: String?, element: HTMLElement) {
        self.url = url
        self.href = href
        self.text = text
        self.title = title
        self.element = element
    }
}
