import TiyanCore

enum ShellSignals {
    static func mountPoint(in page: HTMLDocument, markers: PageNatureMarkers) -> String? {
        let node = page.elements { node in
            markers.mountPointElements.contains(node.name)
                || (node.attribute("id").map { markers.mountPointIDs.contains($0) } ?? false)
        }.first
        guard let node else { return nil }
        return node.attribute("id").map { "\(node.name)#\($0)" } ?? node.name
    }

    static func shellReason(
        page: HTMLDocument, visibleCharacters: Int, mountPoint: String?, markers: PageNatureMarkers
    ) -> String? {
        guard visibleCharacters < markers.shellVisibleTextLimit else { return nil }
        let text = "\(visibleCharacters) visible characters"
        if let mountPoint { return "mount point \(mountPoint) with \(text)" }
        let scripts = page.scripts
        let bundles = scripts.compactMap { $0.element.attribute("src").flatMap { bundleName($0, prefixes: markers.bundleNamePrefixes) } }
        if !bundles.isEmpty {
            return "\(bundles.count) script bundle\(bundles.count == 1 ? "" : "s") (\(bundles.prefix(3).joined(separator: ", "))) and \(text)"
        }
        let inlineBytes = scripts.reduce(0) { $0 + $1.inlineText.utf8.count }
        if inlineBytes >= markers.shellInlineScriptBytes {
            return "\(inlineBytes / 1024) KB of inline script and \(text)"
        }
        return nil
    }

    /// The file name of a script URL when it is named like bundler output.
    static func bundleName(_ source: String, prefixes: [String]) -> String? {
        let path = source.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? source
        guard let name = path.split(separator: "/").last.map({ $0.lowercased() }), name.hasSuffix(".js") else { return nil }
        let isBundle = prefixes.contains { prefix in
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
