public import TiyanCore
import Foundation

/// A way into a portal's site search found on a page: a GET form with a query field, or a CMS
/// search URL template in a script. The crawl issues queries through it; SR-01 reports it. Both
/// use `SearchEntryFinder` with the same settings, so they agree on what a search is.
public struct SearchEntry: Sendable, Hashable {
    public enum Source: String, Sendable { case form, script }

    public var source: Source
    /// Absolute URL with `{query}` where the typed text goes.
    public var template: String
    /// The form's XPath, or the URL of the script holding the template.
    public var locator: String
    public var snippet: String
    /// Why the search cannot be replayed by a static prober (POST, token, signature); nil when it can.
    public var obstacle: String?

    public static let placeholder = "{query}"

    /// The template with `text` in place of `{query}`, form-encoded as UTF-8.
    public static func url(from template: String, query text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
        return template.replacingOccurrences(of: placeholder, with: encoded)
    }
}

public enum SearchEntryFinder {
    /// What makes a search: the field names, template patterns and the marks of a token or
    /// signature, from probes/search.yaml.
    public struct Marks: Sendable {
        public var fieldNames: Pattern
        public var templates: [Pattern]
        public var tokenFields: Pattern
        public var signingScripts: Pattern

        public init(fieldNames: Pattern, templates: [Pattern], tokenFields: Pattern, signingScripts: Pattern) {
            self.fieldNames = fieldNames
            self.templates = templates
            self.tokenFields = tokenFields
            self.signingScripts = signingScripts
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
        var found = document.forms.compactMap { form(entryFrom: $0, marks: marks, signing: signing) }
        // Headers written by document.write: their forms submit relative to the page, not the script.
        for script in scripts {
            let markup = ScriptMarkup.fragments(in: script.text)
            guard !markup.isEmpty else { continue }
            let written = HTMLDocument(html: "<html><body>" + markup.joined(separator: "\n") + "</body></html>",
                                       url: document.url)
            for var entry in written.forms.compactMap({ form(entryFrom: $0, marks: marks, signing: signing) }) {
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
        return found.filter { $0.obstacle == nil } + found.filter { $0.obstacle != nil }
    }

    private static func form(entryFrom form: HTMLForm, marks: Marks, signing: String?) -> SearchEntry? {
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
        guard let action = form.action else {
            return SearchEntry(source: .form, template: "", locator: form.element.xpath, snippet: form.element.snippet,
                               obstacle: obstacle ?? "the search form submits through a script")
        }
        let base = action.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? action
        var pairs: [String] = []
        for other in form.fields where other.type == "hidden" && !other.name.isEmpty && other.name != field.name {
            pairs.append(encode(other.name) + "=" + encode(other.value))
        }
        pairs.append(encode(field.name) + "=" + SearchEntry.placeholder)
        let template = base + (base.contains("?") ? "&" : "?") + pairs.joined(separator: "&")
        return SearchEntry(source: .form, template: template, locator: form.element.xpath,
                           snippet: form.element.snippet, obstacle: obstacle)
    }

    private static func encode(_ text: String) -> String {
        SearchEntry.url(from: SearchEntry.placeholder, query: text)
    }
}
