import TiyanCSS
import TiyanCore

/// Where a declaration was written: a rule of a stylesheet (its URL, index and selector) or an
/// element's `style` attribute. It is the evidence of every value the cascade decides.
struct StyleOrigin: Hashable {
    var url: String
    var locator: String
    var snippet: String
    var unverifiedTLS: Bool
    /// An element of the rendered page whose computed style decided, not a declaration.
    var rendered = false

    func evidence(_ extra: [(String, JSONValue)] = []) -> Evidence {
        Evidence(
            url: url, locator: locator, snippet: snippet,
            extra: extra + (rendered ? [("view", "rendered")] : []) + (unverifiedTLS ? [("unverified_tls", true)] : []))
    }
}

/// A style rule whose media conditions hold on the page.
struct AppliedRule {
    var rule: CSSStyleRule
    var origin: StyleOrigin
    /// Position across all the page's sheets: later wins among equal specificity.
    var order: Int
}
