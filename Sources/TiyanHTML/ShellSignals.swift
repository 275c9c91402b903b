extension PageNature {
    /// Ids of the elements single-page applications mount into (Vue, React, Nuxt, Next, Quasar).
    public static let mountPointIDs: [String] = ["app", "root", "__nuxt", "__next", "q-app"]

    /// Element names applications mount into (Angular).
    public static let mountPointElements: [String] = ["app-root"]

    /// How bundler output is named: `app.3f2a9c.js`, `chunk-vendors.91ab.js`, `main.8e1f.js`,
    /// `runtime~main.js`, `umi.js`, `index-4f3a2b1c.js` (Vite). A script whose file name starts with
    /// one of these words, followed by `.`, `-` or `~`, is a bundle.
    public static let bundleNamePrefixes: [String] = [
        "app", "main", "chunk-vendors", "chunk-common", "vendor", "vendors", "runtime", "polyfills", "umi", "index",
        "manifest", "bundle",
    ]

    /// Inline script text from which a page with no text of its own counts as a shell even
    /// without bundle names (an inlined bundle).
    public static let shellInlineScriptBytes = 20 * 1024
}

enum ShellSignals {
    static func mountPoint(in page: HTMLDocument) -> String? {
        let node = page.elements { node in
            PageNature.mountPointElements.contains(node.name)
                || (node.attribute("id").map { PageNature.mountPointIDs.contains($0) } ?? false)
        }.first
        guard let node else { return nil }
        return node.attribute("id").map { "\(node.name)#\($0)" } ?? node.name
    }

    static func shellReason(page: HTMLDocument, visibleCharacters: Int, mountPoint: String?) -> String? {
        guard visibleCharacters < PageNature.shellVisibleTextLimit else { return nil }
        let text = "\(visibleCharacters) visible characters"
        if let mountPoint { return "mount point \(mountPoint) with \(text)" }
        let scripts = page.scripts
        let bundles = scripts.compactMap { $0.element.attribute("src").flatMap(bundleName) }
        if !bundles.isEmpty {
            return "\(bundles.count) script bundle\(bundles.count == 1 ? "" : "s") (\(bundles.prefix(3).joined(separator: ", "))) and \(text)"
        }
        let inlineBytes = scripts.reduce(0) { $0 + $1.inlineText.utf8.count }
        if inlineBytes >= PageNature.shellInlineScriptBytes {
            return "\(inlineBytes / 1024) KB of inline script and \(text)"
        }
        return nil
    }

    /// The file name of a script URL when it is named like bundler output.
    static func bundleName(_ source: String) -> String? {
        let path = source.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? source
        guard let name = path.split(separator: "/").last.map({ $0.lowercased() }), name.hasSuffix(".js") else { return nil }
        let isBundle = PageNature.bundleNamePrefixes.contains { prefix in
            guard name.hasPrefix(prefix) else { return false }
            let rest = name.dropFirst(prefix.count)
            guard let separator = rest.first, ".-~".contains(separator) else { return false }
            // `index.js` or `main.js` alone may be hand-written; a hash or a chunk name says bundler.
            return rest != ".js" && (prefix.hasPrefix("chunk") || rest.dropFirst().dropLast(3).contains { $0.isNumber })
                || ["umi", "chunk-vendors", "chunk-common"].contains(prefix)
        }
        return isBundle ? name : nil
    }
}
