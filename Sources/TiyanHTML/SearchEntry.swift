public import TiyanCore
import Foundation

/// A way into a portal's site search found on a page: a GET form with a query field, or a CMS
/// search URL template in a script. The crawl issues queries through it; SR-01 reports it. Both
/// use `SearchEntryFinder` with the same settings, so they agree on what a search is.
public struct SearchEntry: Sendable, Hashable {
    /// `box`: a search box outside any form whose script was not understood (SR-01 passes, the
    /// search cannot be replayed).
    public enum Source: String, Sendable { case form, script, box }

    public var source: Source
    /// Absolute URL with `{query}` where the typed text goes.
    public var template: String
    /// The form's XPath, or the URL of the script holding the template.
    public var locator: String
    public var snippet: String
    /// Why the search cannot be replayed by a static prober (POST, token, signature); nil when it can.
    public var obstacle: String?
    /// The charset the query travels in: a form submits in its page's charset (or its
    /// accept-charset); nil for UTF-8 (script templates use encodeURIComponent).
    public var charset: String?

    public static let placeholder = "{query}"

    /// The template with `text` in place of `{query}`, percent-encoded in `charset` (UTF-8 when
    /// nil or when the charset cannot represent the text).
    public static func url(from template: String, query text: String, charset: String? = nil) -> String {
        template.replacingOccurrences(of: placeholder, with: encode(text, charset: charset))
    }

    static func encode(_ text: String, charset: String?) -> String {
        let bytes = charset.flatMap { IconvEncoding.encode(text, to: $0) } ?? Array(text.utf8)
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }
}

private extension String {
    /// Two hex digits.
    var leftPadded: String { count == 1 ? "0" + self : self }
}

public enum SearchEntryFinder {
    /// What makes a search: the field names, template patterns and the marks of a token or
    /// signature, from probes/search.yaml.
    public struct Marks: Sendable {
        public var fieldNames: Pattern
        public var templates: [Pattern]
        public var tokenFields: Pattern
        public var signingScripts: Pattern
        /// A search box outside any form (XPath), when no form or template was found.
        public var searchBox: String?
        /// A script that sets a form's action: group 1 or 2 is the form's id, group 3 the action.
        public var formAction: Pattern?

        public init(fieldNames: Pattern, templates: [Pattern], tokenFields: Pattern, signingScripts: Pattern,
                    searchBox: String? = nil, formAction: Pattern? = nil) {
            self.fieldNames = fieldNames
            self.templates = templates
            self.tokenFields = tokenFields
            self.signingScripts = signingScripts
            self.searchBox = searchBox
            self.formAction = formAction
        }
    }

    /// Forms first (what a citizen types into: in the page, then written by its scripts), then
    /// URL templates anywhere in the page (inline scripts, onclick, hot-word links) and in its
    /// loaded scripts; replayable entries before those with an obstacle.
    public static func entries(in document: HTMLDocument, scripts loaded: [(url: String, text: String)],
                               marks: Marks) -> [SearchEntry] {
        let inline = document.scripts.filter { $0.url == nil && !$0.inlineText.isEmpty }
            .map { (url: document.url, text: $0.inlineText) }
        let scripts = inline + loaded
        let signing = scripts.lazy.compactMap { marks.signingScripts.firstMatch(in: $0.text) }.first
        let pageCharset = Self.submissionCharset(document.decoding.charset)
        let actions = scriptActions(scripts, marks: marks, base: document.url)
        var found = document.forms.compactMap {
            form(entryFrom: $0, marks: marks, signing: signing, charset: pageCharset, actions: actions)
        }
        // Headers written by document.write: their forms submit relative to the page, not the script.
        for script in scripts {
            let markup = ScriptMarkup.fragments(in: script.text)
            guard !markup.isEmpty else { continue }
            let written = HTMLDocument(html: "<html><body>" + markup.joined(separator: "\n") + "</body></html>",
                                       url: document.url)
            for var entry in written.forms.compactMap({
                form(entryFrom: $0, marks: marks, signing: signing, charset: pageCharset, actions: actions)
            }) {
                entry.locator = "form written by script \(script.url) \(entry.locator)"
                found.append(entry)
            }
        }
        for source in [(url: document.url, text: document.decoding.text)] + loaded {
            for pattern in marks.templates {
                for match in pattern.allMatches(in: source.text) {
                    guard let text = match.first ?? nil, text.hasSuffix("="),
                          let absolute = URLResolver.resolve(text.replacingOccurrences(of: "&amp;", with: "&"),
                                                             against: source.url) else { continue }
                    let template = absolute + SearchEntry.placeholder
                    guard !found.contains(where: { $0.template == template }) else { continue }
                    let own = marks.signingScripts.firstMatch(in: source.text)
                    found.append(SearchEntry(
                        source: .script, template: template, locator: source.url, snippet: Evidence.clip(text),
                        obstacle: own.map { "the search script signs its requests (\($0)); a signed query is not replayed" }))
                }
            }
        }
        if found.isEmpty, let box = searchBox(in: document, marks: marks) { found.append(box) }
        return found.filter { $0.obstacle == nil } + found.filter { $0.obstacle != nil }
    }

    /// A text box outside any form that says it searches (placeholder, id, a 搜索 button beside
    /// it): the citizen has a search even though the script that builds its URL was not read.
    private static func searchBox(in document: HTMLDocument, marks: Marks) -> SearchEntry? {
        guard let xpath = marks.searchBox, let box = (try? document.select(xpath))?.first else { return nil }
        return SearchEntry(
            source: .box, template: "", locator: box.xpath, snippet: box.snippet,
            obstacle: "the search box is outside any form and its script builds the URL in a way not followed")
    }

    /// Form actions set by scripts (`getElementById('sf').action = '/s.do'`, `$('#sf').attr('action', …)`),
    /// by form id, resolved against the page.
    private static func scriptActions(_ scripts: [(url: String, text: String)], marks: Marks, base: String)
        -> [String: String]
    {
        guard let pattern = marks.formAction else { return [:] }
        var actions: [String: String] = [:]
        for script in scripts {
            for groups in pattern.allMatches(in: script.text) where groups.count > 3 {
                guard let id = groups[1] ?? groups[2], let action = groups[3],
                      let url = URLResolver.resolve(action, against: base) else { continue }
                actions[id] = actions[id] ?? url
            }
        }
        return actions
    }

    /// nil for UTF-8 and its aliases: only legacy charsets change the bytes of a query.
    static func submissionCharset(_ label: String?) -> String? {
        guard let label = label?.trimmingCharacters(in: .whitespaces).lowercased(), !label.isEmpty,
              !["utf-8", "utf8", "unicode-1-1-utf-8"].contains(label) else { return nil }
        return label.uppercased()
    }

    private static func form(
        entryFrom form: HTMLForm, marks: Marks, signing: String?, charset pageCharset: String?,
        actions: [String: String]
    ) -> SearchEntry? {
        let accept = form.element.attribute("accept-charset")?.split(whereSeparator: { $0 == " " || $0 == "," }).first
        let charset = accept.map { submissionCharset(String($0)) } ?? pageCharset
        let textTypes: Set = ["text", "search", ""]
        guard let field = form.fields.first(where: {
            ($0.tag == "input" && textTypes.contains($0.type) || $0.tag == "textarea") && marks.fieldNames.matches($0.name)
        }) else { return nil }
        var obstacle: String?
        if form.method == "post" {
            obstacle = "the search form posts (method=post); a POST search is not replayed"
        } else if let token = form.fields.first(where: { $0.type == "hidden" && marks.tokenFields.matches($0.name) }) {
            obstacle = "the search form carries a token field (\(token.name)); a query without it is not valid"
        } else if let signing {
            obstacle = "the page's scripts sign search requests (\(signing)); a signed query is not replayed"
        }
        // A script that sets the action wins over the attribute (often absent or javascript:).
        let scripted = form.element.attribute("id").flatMap { actions[$0] }
        guard let action = scripted ?? form.action else {
            return SearchEntry(source: .form, template: "", locator: form.element.xpath, snippet: form.element.snippet,
                               obstacle: obstacle ?? "the search form submits through a script", charset: charset)
        }
        let base = URLResolver.withoutFragment(action)
        var pairs: [String] = []
        for other in form.fields where other.type == "hidden" && !other.name.isEmpty && other.name != field.name {
            pairs.append(SearchEntry.encode(other.name, charset: charset) + "=" + SearchEntry.encode(other.value, charset: charset))
        }
        pairs.append(SearchEntry.encode(field.name, charset: charset) + "=" + SearchEntry.placeholder)
        let template = base + (base.contains("?") ? "&" : "?") + pairs.joined(separator: "&")
        return SearchEntry(source: .form, template: template, locator: form.element.xpath,
                           snippet: form.element.snippet, obstacle: obstacle, charset: charset)
    }
}
