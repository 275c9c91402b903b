import TiyanCore

/// How one engine's result list was found, said in every query's evidence.
struct ResultListSource: Sendable {
    enum Method: String, Sendable {
        /// `search:` in targets.yaml.
        case override
        /// The class-name hints of probes/search.yaml, confirmed by contrast.
        case hint
        /// The repeated link-bearing group that varies with the query and is empty for the
        /// nonsense query.
        case structureAndContrast = "structure+contrast"
        /// As above, but no nonsense query was answered: only variation between queries decided.
        case structure
        /// The array of a search API's answers that varies with the query and is empty for the
        /// nonsense query (the API found in a script-shell result page's scripts).
        case jsonAndContrast = "json+contrast"
    }

    let method: Method
    /// The list's items as an XPath (a sample page's container with the item tag), or the
    /// configured path.
    let xpath: String
    /// The structural key (PageStructure) of the chosen group; nil unless found by structure.
    let key: String?
    /// The list of a search API's answers; nil for HTML.
    var json: JSONResults.List?
    /// The API template re-derived from the archived result page and its scripts.
    var api: String?

    var extra: [(String, JSONValue)] {
        var extra: [(String, JSONValue)] = [("list_found_by", .string(method.rawValue)), ("list_xpath", .string(xpath))]
        if let api { extra.append(("api_template", .string(api))) }
        return extra
    }
}

/// Chooses an engine's result list from all its responses at once: the template (header,
/// navigation, hot words, tabs, pagination, footer) is what every response shares; the results
/// are the repeated blocks that change with the query and are absent for the nonsense query.
enum ResultListFinder {
    /// Result entries hold few links (title, maybe 办理 and a department); a wrapper around the
    /// whole list or a sidebar holds many.
    static let maxLinksPerResult = 6

    /// `pages` are the answered query responses (baseline excluded); `baseline` the nonsense
    /// query's, when it was answered.
    static func find(pages: [PageStructure], baseline: PageStructure?) -> ResultListSource? {
        var keys: Set<String> = []
        for page in pages { keys.formUnion(page.groups.keys) }
        struct Candidate {
            let key: String
            let contrast: Bool
            let rich: Bool
            let compact: Bool
            let pages: Int
            let blocks: Int
        }
        var candidates: [Candidate] = []
        for key in keys {
            let lists = pages.map { $0.groups[key] ?? [] }
            guard lists.contains(where: { $0.count >= 2 }) else { continue }
            let filled = lists.filter { !$0.isEmpty }
            // Identical on every response that shows it: template (tabs, sort links, hot words).
            let distinct = Set(filled.map { $0.map(\.title) })
            guard filled.count == 1 || distinct.count >= 2 else { continue }
            let all = filled.flatMap { $0 }
            let richShare = Double(all.filter(\.rich).count) / Double(all.count)
            let links = all.map(\.links).sorted()
            candidates.append(Candidate(
                key: key, contrast: baseline.map { ($0.groups[key] ?? []).isEmpty } ?? false, rich: richShare >= 0.5,
                compact: links[links.count / 2] <= maxLinksPerResult, pages: filled.count, blocks: all.count))
        }
        // With an answered nonsense query only the groups it left empty can be results.
        if baseline != nil { candidates = candidates.filter(\.contrast) }
        let ranked = candidates.sorted { a, b in
            if a.rich != b.rich { return a.rich }
            if a.compact != b.compact { return a.compact }
            if a.pages != b.pages { return a.pages > b.pages }
            if a.blocks != b.blocks { return a.blocks > b.blocks }
            // Equal on every count: the outer of two nested groups, then a stable order.
            return (a.key.count, a.key) < (b.key.count, b.key)
        }
        guard let best = ranked.first else { return nil }
        let sample = pages.first { $0.groups[best.key] != nil }
        let tag = best.key.split(separator: ">").last.map(String.init) ?? "*"
        let xpath = (sample?.parents[best.key] ?? "") + "/" + tag
        return ResultListSource(method: baseline == nil ? .structure : .structureAndContrast, xpath: xpath, key: best.key)
    }

    /// The hints decide when they pick items that vary with the query and none on the nonsense
    /// query's response; a hint that also matches the template is not trusted.
    static func confirms(hint lists: [[ResultItem]], baseline: [ResultItem]?) -> Bool {
        let filled = lists.filter { !$0.isEmpty }
        guard !filled.isEmpty, baseline?.isEmpty ?? true else { return false }
        return filled.count == 1 || Set(filled.map { $0.map(\.title) }).count >= 2
    }
}
