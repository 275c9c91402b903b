// PUBLIC API SKELETON — helper "html" replaces these bodies with the real implementation and may
// split this file into one file per concern. Signatures are a contract other modules code against.
public import Foundation
public import TiyanCore

/// Where the charset decision came from, in the order of precedence (SPEC.md pages.jsonl).
public enum CharsetSource: String, Sendable, Codable {
    case header, bom, meta
    case `default`
}

public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// The canonical lower-case label of the charset used, e.g. `utf-8`, `gbk`, `gb18030`, `big5`.
    public var charset: String
    public var source: CharsetSource
    public init(text: String, charset: String, source: CharsetSource) {
        self.text = text
        self.charset = charset
        self.source = source
    }
}

public enum CharsetDecoder {
    /// Decides the charset from the Content-Type header, then a BOM, then `<meta>` in the first
    /// 4 KB, else UTF-8 (falling back to GB18030 when the bytes are not valid UTF-8), and decodes.
    public static func decode(_ body: Data, contentType: String?) -> DecodedText {
        DecodedText(text: String(decoding: body, as: UTF8.self), charset: "utf-8", source: .default)
    }
}

/// A snapshot of one element: plain values, safe to keep after the document is gone.
public struct HTMLElement: Sendable, Hashable {
    public var name: String
    /// Attributes in document order, names lower-cased.
    public var attributes: [HTTPHeader]
    /// Text content with white space collapsed, without script/style text.
    public var text: String
    /// An absolute XPath such as `/html/body/div[2]/a[3]`.
    public var xpath: String
    /// The element's outer HTML, clipped to Evidence.maximumSnippetLength.
    public var snippet: String
    public init(name: String, attributes: [HTTPHeader], text: String, xpath: String, snippet: String) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.xpath = xpath
        self.snippet = snippet
    }
    public func attribute(_ name: String) -> String? { attributes.value(of: name) }
}

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

public struct HTMLFormField: Sendable, Hashable {
    public var tag: String
    public var type: String
    public var name: String
    public var value: String
    public var element: HTMLElement
    public init(tag: String, type: String, name: String, value: String, element: HTMLElement) {
        self.tag = tag
        self.type = type
        self.name = name
        self.value = value
        self.element = element
    }
}

public struct HTMLForm: Sendable, Hashable {
    public var action: String?
    public var method: String
    public var fields: [HTMLFormField]
    public var element: HTMLElement
    public init(action: String?, method: String, fields: [HTMLFormField], element: HTMLElement) {
        self.action = action
        self.method = method
        self.fields = fields
        self.element = element
    }
}

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

public enum HTMLError: Error, Sendable, Equatable {
    case invalidXPath(String)
}

/// A parsed HTML page. Owns the libxml2 document and frees it in deinit; not Sendable, so each
/// task parses its own. No libxml2 type appears in the public API.
public final class HTMLDocument {
    public let url: String
    /// How the bytes were decoded (when built from bytes).
    public let decoding: DecodedText

    /// Parses bytes, deciding the charset with `CharsetDecoder` first.
    public convenience init(data: Data, contentType: String?, url: String) {
        self.init(decoded: CharsetDecoder.decode(data, contentType: contentType), url: url)
    }

    /// Parses text that is already decoded.
    public convenience init(html: String, url: String) {
        self.init(decoded: DecodedText(text: html, charset: "utf-8", source: .default), url: url)
    }

    public init(decoded: DecodedText, url: String) {
        self.url = url
        self.decoding = decoded
    }

    public var title: String? { nil }
    /// `html@lang`, trimmed; nil when absent or empty.
    public var language: String? { nil }
    /// Elements matching an XPath 1.0 expression (element nodes only; attribute/text nodes are
    /// returned as their parent element). Throws `HTMLError.invalidXPath`.
    public func select(_ xpath: String) throws -> [HTMLElement] { [] }
    /// Visible text of the whole document (no script/style/noscript/template, no hidden inputs),
    /// white space collapsed, block elements separated by newlines.
    public var visibleText: String { "" }
    /// Visible text of the elements matching the XPath (e.g. a footer).
    public func visibleText(of xpath: String) throws -> String { "" }
    public var links: [HTMLLink] { [] }
    public var forms: [HTMLForm] { [] }
    public var scripts: [HTMLScript] { [] }
    public var stylesheets: [HTMLStylesheet] { [] }
    public var metas: [HTMLMeta] { [] }
    /// Number of element nodes in the document (for shell detection).
    public var elementCount: Int { 0 }
}

/// Links and markup that scripts write into the page: many portals build their header
/// (登录, English, 长辈版, search) with `document.write('…')` or `el.innerHTML = "…"`.
public enum ScriptMarkup {
    /// Extracts the string literals passed to document.write/writeln, assigned to innerHTML /
    /// outerHTML, or given to insertAdjacentHTML / jQuery .html()/.append(), concatenated where
    /// the script concatenates literals, and parses them as HTML fragments.
    public static func links(in script: String, baseURL: String) -> [HTMLLink] { [] }
    /// The markup fragments themselves (for probes that look for text written by scripts).
    public static func fragments(in script: String) -> [String] { [] }
}

/// What a response is, beyond its status: a real document, a bot challenge, or a script shell.
public enum PageNature: Sendable, Hashable {
    case document
    /// A bot challenge or WAF block page; the reason names the marker seen.
    case challenge(reason: String)
    /// A page whose content only appears after scripts run (near-empty body, a mount point,
    /// large bundles); the reason names what was seen.
    case scriptShell(reason: String)

    public static func classify(status: Int?, headers: [HTTPHeader], body: Data, document: HTMLDocument?) -> PageNature {
        .document
    }
}

/// Resolves an href against a base URL the way a browser would, tolerating Chinese characters
/// and spaces (percent-encoded), and rejecting javascript:, mailto:, tel:, data: and fragments-only.
public enum URLResolver {
    public static func resolve(_ href: String, against base: String) -> String? { nil }
    /// The host of a URL, lower-cased, without port.
    public static func host(of url: String) -> String? { nil }
    /// The registrable "site" used for same-site checks: the last three labels for *.gov.cn
    /// hosts (e.g. `zjzwfw.gov.cn`), the last two otherwise.
    public static func site(of url: String) -> String? { nil }
}
