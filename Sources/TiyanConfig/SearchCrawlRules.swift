public import TiyanCore
import Foundation

/// What the crawl needs to find and query a portal's search, read from the `shared:` settings of
/// probes/search.yaml (the same settings SR-01 judges with, so the crawl and the probe agree on
/// what a search is) and from the query set.
public struct SearchCrawlRules: Sendable {
    /// Names of the text field a search form submits (`q`, `searchword`, `wd`…).
    public var fieldNames: Pattern
    /// URL templates of CMS search engines in scripts, each matching up to the `=` of the query.
    public var templates: [Pattern]
    /// Hidden form fields that carry a token or signature: such a search is not replayed.
    public var tokenFields: Pattern
    /// Script text that signs search requests (hanweb `searchsign`).
    public var signingScripts: Pattern
    /// A search box outside any form (its button builds the URL in a script), as an XPath.
    public var searchBox: String?
    /// A script setting a form's action: group 1 or 2 the form's id, group 3 the action.
    public var formAction: Pattern?
    /// JSON API URLs in a result page's scripts, each with group 1 the URL up to the `=` of the
    /// query (`search_api_templates`); empty when probes/ has none.
    public var apiTemplates: [Pattern] = []
    /// A URL passed with a params object naming the query (`search_api_params`): group 1 the
    /// URL, group 2 the parameter.
    public var apiParams: Pattern?
    /// Search requests per target, apart from the page budget.
    public var budget: Int
    public var queries: QuerySet

    public static let fileModule = "search"

    /// Reads the rules; nil when probes/ has no search module (nothing to run).
    /// `queriesFile` replaces the default query set.
    public static func load(from configuration: ProbeConfiguration, queriesFile: String? = nil) throws
        -> SearchCrawlRules?
    {
        guard let file = configuration.file(declaringModule: fileModule), let root = try configuration.node(of: file)
        else { return nil }
        let path = configuration.path(of: file)
        let issues = ConfigurationIssues(file: path)
        let shared = root["shared"]
        func setting(_ key: String, _ kind: String) -> ConfigNode? {
            guard let node = shared?[key]?[kind] else {
                issues.report(line: root.entry("shared")?.keyLine, field: "shared.\(key)", "missing `\(kind)` setting")
                return nil
            }
            return node
        }
        func compile(_ text: String?, _ key: String, line: Int?) -> Pattern? {
            guard let text, let pattern = try? Pattern(text) else {
                issues.report(line: line, field: "shared.\(key)", "invalid regular expression")
                return nil
            }
            return pattern
        }
        let fields = setting("search_field_names", "regex").flatMap { compile($0.scalar, "search_field_names", line: $0.line) }
        let templates = (setting("search_templates", "regexes")?.items ?? []).compactMap {
            compile($0.scalar, "search_templates", line: $0.line)
        }
        let tokens = setting("search_token_fields", "regex").flatMap { compile($0.scalar, "search_token_fields", line: $0.line) }
        let signing = setting("search_signing_scripts", "regex")
            .flatMap { compile($0.scalar, "search_signing_scripts", line: $0.line) }
        let budget = setting("query_budget", "number")?.int
        // Optional: a probes/ directory written before they existed still loads.
        let box = shared?["search_box"]?["xpath"]?.scalar
        let action = shared?["search_form_action"]?["regex"].flatMap {
            compile($0.scalar, "search_form_action", line: $0.line)
        }
        let apiTemplates = (shared?["search_api_templates"]?["regexes"]?.items ?? []).compactMap {
            compile($0.scalar, "search_api_templates", line: $0.line)
        }
        let apiParams = shared?["search_api_params"]?["regex"].flatMap {
            compile($0.scalar, "search_api_params", line: $0.line)
        }
        try issues.throwIfAny()
        guard let queries = try queriesFile.map({ try QuerySet.load(path: $0) }) ?? QuerySet.load(from: configuration)
        else {
            throw ConfigurationErrors([ConfigurationError(
                file: configuration.directory, line: nil, field: nil,
                message: "no query set: no probes file declares `module: \(QuerySet.moduleName)` and no --queries was given")])
        }
        guard let fields, let tokens, let signing, let budget else { return nil }
        var rules = SearchCrawlRules(fieldNames: fields, templates: templates, tokenFields: tokens,
                                     signingScripts: signing, budget: budget, queries: queries)
        rules.searchBox = box
        rules.formAction = action
        rules.apiTemplates = apiTemplates
        rules.apiParams = apiParams
        return rules
    }
}
