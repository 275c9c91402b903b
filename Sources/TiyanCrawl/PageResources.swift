import Foundation
public import TiyanConfig
public import TiyanCore
public import TiyanHTML
public import TiyanFetch

/// The same-site scripts and style sheets a page loads that the crawl archives with it (many
/// portals write their header and footer — 长辈版, English, ICP — from a shared script), chosen
/// within the budgets of probes/discovery.yaml. The crawl and `tiyan check` on a URL use the same
/// choice, so a single page is judged with what a crawl would have read.
public enum PageResources {
    public struct Resource: Sendable, Equatable {
        public var url: String
        public var role: PageRole
    }

    /// Scripts (by `ScriptBudgetPlan`) then style sheets, each URL once, same site as the page.
    public static func plan(for document: HTMLDocument, rules: DiscoveryRules) -> [Resource] {
        let site = URLResolver.site(of: document.url)
        let local = document.url.hasPrefix("file:")
        func own(_ url: String) -> Bool {
            local ? url.hasPrefix("file:") : site != nil && URLResolver.site(of: url) == site
        }
        var seen: Set<String> = []
        let scripts = document.scripts.compactMap(\.url).filter { own($0) && seen.insert($0).inserted }
        let chosen = ScriptBudgetPlan.choose(scripts, budget: rules.scriptBudget, limit: rules.limits.scripts).fetch
        let sheets = document.stylesheets.compactMap(\.url).filter { own($0) && seen.insert($0).inserted }
            .prefix(rules.limits.stylesheets)
        return chosen.map { Resource(url: $0, role: .script) } + sheets.map { Resource(url: $0, role: .stylesheet) }
    }

    /// For a page read from a file: the path of a planned `file:` resource when it lies inside
    /// `directory` (a saved page's `_files` folder), nil otherwise — a page is not allowed to make
    /// `tiyan check` read arbitrary files of the machine.
    public static func localPath(of url: String, inside directory: String) -> String? {
        guard url.hasPrefix("file://") else { return nil }
        var path = String(url.dropFirst("file://".count))
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        let parts = path.split(separator: "/").reduce(into: [Substring]()) { parts, part in
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        let normalized = "/" + parts.joined(separator: "/")
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        return normalized.hasPrefix(root) ? normalized : nil
    }
}

extension PageResources {
    /// What `tiyan check` archives beside one page: for a page fetched from a URL, its planned
    /// resources fetched as the crawl fetches them; for a page read from a file, the planned
    /// `file:` resources inside the file's folder that exist. Each record names the page as
    /// where it was discovered; sequences follow the page's.
    public static func records(
        for page: FetchRecord, rules: DiscoveryRules, fetcher: any Fetching, userAgent: UserAgent,
        localDirectory: String?
    ) async -> [FetchRecord] {
        guard page.hasBody, page.error == nil else { return [] }
        let document = HTMLDocument(data: page.body, contentType: page.contentType, url: page.finalURL)
        var records: [FetchRecord] = []
        for (offset, resource) in plan(for: document, rules: rules).enumerated() {
            let sequence = page.sequence + offset + 1
            if let directory = localDirectory {
                guard let path = localPath(of: resource.url, inside: directory),
                      let body = FileManager.default.contents(atPath: path) else { continue }
                let type = resource.role == .script ? "application/javascript" : "text/css"
                records.append(FetchRecord(
                    target: page.target, role: resource.role, sequence: sequence, url: resource.url, status: 200,
                    headers: [HTTPHeader(name: "Content-Type", value: type)], body: body, fetchedAt: page.fetchedAt,
                    discoveredFrom: page.finalURL))
            } else {
                let response = await fetcher.fetch(FetchRequest(url: resource.url, userAgent: userAgent))
                var record = response.record(
                    target: page.target, role: resource.role, userAgentProfile: userAgent.profileName,
                    discoveredFrom: page.finalURL)
                record.sequence = sequence
                records.append(record)
            }
        }
        return records
    }
}
