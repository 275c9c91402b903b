import TiyanCore

/// One result a search returned, as the citizen sees it in the list.
struct ResultItem: Sendable {
    var title: String
    /// Absolute where it could be resolved.
    var link: String
    /// Where in the response the item is (an XPath, or a JSON path with its index).
    var locator: String
}

/// How a result reads to a citizen: a service or guide page, news, or something else. Shown in
/// evidence; relevance itself follows SPEC.md (title and `relevant_link`).
enum ResultKind: String {
    case service, news, other
}
