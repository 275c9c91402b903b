public import TiyanCore

/// The JSON API a script-rendered result page calls for its results, read from the page's
/// scripts: a URL string ending in `keyword=` that the script concatenates the query onto
/// (`"/api/search/list?pageSize=10&keyword=" + encodeURIComponent(kw)`), or a URL passed with a
/// params object (`axios.get("/api/search", {params: {keyword: kw}})`). The patterns are
/// probes/search.yaml's `search_api_templates` (group 1 the URL up to "=") and
/// `search_api_params` (group 1 the URL, group 2 the parameter).
public enum SearchAPIFinder {
    public struct API: Sendable, Hashable {
        /// Absolute, with `{query}` where the typed text goes.
        public var template: String
        /// The script that holds it (the page's URL for an inline script).
        public var source: String
        public var snippet: String
    }

    /// The first API found, scripts in the order given. Relative URLs resolve against the page:
    /// a script's requests go to where the page is, not to where the script came from.
    public static func find(in scripts: [(url: String, text: String)], pageURL: String,
                            templates: [Pattern], params: Pattern?) -> API? {
        for script in scripts {
            for pattern in templates {
                for match in pattern.allMatches(in: script.text) {
                    guard match.count > 1, let raw = match[1], raw.hasSuffix("="),
                          let absolute = URLResolver.resolve(raw, against: pageURL), !isPage(absolute, pageURL) else { continue }
                    return API(template: absolute + SearchEntry.placeholder, source: script.url,
                               snippet: Evidence.clip(match[0] ?? raw))
                }
            }
            guard let params else { continue }
            for match in params.allMatches(in: script.text) {
                guard match.count > 2, let raw = match[1], let name = match[2],
                      let absolute = URLResolver.resolve(raw, against: pageURL), !isPage(absolute, pageURL) else { continue }
                let joiner = absolute.contains("?") ? "&" : "?"
                return API(template: absolute + joiner + name + "=" + SearchEntry.placeholder, source: script.url,
                           snippet: Evidence.clip(match[0] ?? raw))
            }
        }
        return nil
    }

    /// The result page's own search box builds the next result page's URL the same way: a page
    /// (the page itself, or any .html) is navigation, not the API.
    static func isPage(_ url: String, _ pageURL: String) -> Bool {
        func path(_ text: String) -> Substring { text.split(separator: "?", maxSplits: 1).first ?? "" }
        let own = path(url).lowercased()
        return own == path(pageURL).lowercased() || [".html", ".htm", ".shtml"].contains { own.hasSuffix($0) }
    }
}
