import TiyanHTML

/// Links of single-page apps whose route is the fragment (`#/login`, `#!/privacy`,
/// `/app/index.html#/agreement`). URLResolver drops fragments, as a fetch must; for these the
/// fragment is the page, so the address keeps it and the render stage navigates to it.
enum HashRoutes {
    static func links(in document: HTMLDocument) -> [HTMLLink] {
        document.links.compactMap { link in
            let href = link.href.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let hash = href.firstIndex(of: "#") else { return nil }
            let fragment = href[href.index(after: hash)...]
            guard fragment.hasPrefix("/") || fragment.hasPrefix("!/"), fragment.count > 1 else { return nil }
            guard let base = URLResolver.resolve(String(href[..<hash]), against: document.baseURL) else { return nil }
            var route = link
            route.url = base + "#" + fragment
            return route
        }
    }

    /// The address a browser navigates to for a record fetched at `url`: the final URL, with
    /// the route fragment of the requested address when the fetch (which never sends it) lost it.
    static func navigation(url: String, finalURL: String) -> String {
        guard let hash = url.firstIndex(of: "#"), !finalURL.contains("#") else { return finalURL }
        return finalURL + url[hash...]
    }
}
