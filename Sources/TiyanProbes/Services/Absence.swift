import TiyanCore

extension SitePage {
    /// Evidence of an absence that names the page read and what was not on it, without quoting
    /// its markup: nothing in the page decided the finding, so a snippet would only repeat the
    /// page's first lines in every failing row of the report.
    func absence(_ what: String) -> Evidence {
        evidence(locator: "/html/body", snippet: Evidence.clip(document.title ?? ""), extra: [("checked", .string(what))])
    }
}
