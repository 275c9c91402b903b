/// Links and markup that scripts write into the page: many portals build their header
/// (登录, English, 长辈版, search) with `document.write('…')` or `el.innerHTML = "…"`.
///
/// What counts as written markup is described on `ScriptMarkupExtractor`; in short, literal
/// strings reaching document.write/writeln, innerHTML/outerHTML, insertAdjacentHTML and jQuery's
/// html/append/prepend/after/before/replaceWith/`$()`, concatenated as the script concatenates
/// them, through variables assigned from literals. Linear in the script's size.
public enum ScriptMarkup {
    /// The first step of locators for elements found in script-written markup:
    /// `script-fragment[k]/div/a[2]` is the element at `div/a[2]` of the k-th fragment (1-based,
    /// in `fragments(in:)` order), parsed as the content of a `<body>`, with the same position
    /// convention as page XPaths. Combine it with the script's URL (or the page's, for inline
    /// scripts) in evidence.
    public static let locatorPrefix = "script-fragment"

    /// Extracts the string literals passed to document.write/writeln, assigned to innerHTML /
    /// outerHTML, or given to insertAdjacentHTML / jQuery .html()/.append(), concatenated where
    /// the script concatenates literals, and parses them as HTML fragments.
    public static func links(in script: String, baseURL: String) -> [HTMLLink] {
        fragments(in: script).enumerated().flatMap { offset, fragment in
            let prefix = "\(locatorPrefix)[\(offset + 1)]"
            // An explicit <body> keeps libxml2 from wrapping leading text in an implied <p> or
            // moving <link>/<meta> into a head, so paths follow the fragment's own structure.
            return HTMLDocument(html: "<body>" + fragment, url: baseURL).links.map { link in
                var link = link
                link.element.xpath = prefix + relativePath(link.element.xpath)
                return link
            }
        }
    }

    /// The markup fragments themselves (for probes that look for text written by scripts): each
    /// contains a `<`; all document.write output of the script is one fragment, placed where the
    /// first call is; others are in script order; duplicates are dropped.
    public static func fragments(in script: String) -> [String] {
        ScriptMarkupExtractor.fragments(in: script)
    }

    /// `/html/body` is the wrapper's, not the script's.
    private static func relativePath(_ path: String) -> String {
        let wrapper = "/html/body"
        return path.hasPrefix(wrapper) ? String(path.dropFirst(wrapper.count)) : path
    }
}
