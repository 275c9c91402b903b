public struct HTMLScript: Sendable, Hashable {
    /// Absolute URL of an external script; nil for inline scripts.
    public var url: String?
    /// Inline script text (empty for external scripts).
    public var inlineText: String
    public var element: HTMLElement
    public init(url: String?, inlineText: String, element: HTMLElement) {
        self.url = url
        self.inlineText = inlineText
        self.element = element
    }
}

public struct HTMLStylesheet: Sendable, Hashable {
    /// Absolute URL of `<link rel=stylesheet>`; nil for an inline `<style>` block.
    public var url: String?
    public var inlineText: String
    public var element: HTMLElement
    public init(url: String?, inlineText: String, element: HTMLElement) {
        self.url = url
        self.inlineText = inlineText
        self.element = element
    }
}

/// A `<meta>` element; values trimmed but otherwise as written (compare names case-insensitively).
public struct HTMLMeta: Sendable, Hashable {
    public var name: String?
    public var httpEquiv: String?
    public var property: String?
    public var content: String
    public var element: HTMLElement
    public init(name: String?, httpEquiv: String?, property: String?, content: String, element: HTMLElement) {
        self.name = name
        self.httpEquiv = httpEquiv
        self.property = property
        self.content = content
        self.element = element
    }
}
