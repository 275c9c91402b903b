import TiyanCore
import TiyanHTML

/// Markup a script writes into a page (`document.write`, `innerHTML`), parsed as a document of
/// its own: a second source for marks many portals render from a shared header/footer script.
final class ScriptFragment {
    let document: HTMLDocument
    /// The script's URL for an external script, the page's URL for an inline one.
    let url: String
    /// Where the script is: the `<script>` element's XPath, or `script` for an external file.
    let locator: String
    /// Inline markup is certain to be on the page (medium); an external bundle's markup depends
    /// on code paths a static reader cannot follow (low).
    let confidence: Confidence
    let unverifiedTLS: Bool

    init(document: HTMLDocument, url: String, locator: String, confidence: Confidence, unverifiedTLS: Bool) {
        self.document = document
        self.url = url
        self.locator = locator
        self.confidence = confidence
        self.unverifiedTLS = unverifiedTLS
    }

    func evidence(snippet: String, element: HTMLElement? = nil) -> Evidence {
        let locator =
            element.map { "\(self.locator) → document.write \($0.xpath)" } ?? "\(self.locator) → document.write"
        return Evidence(
            url: url, locator: locator, snippet: element?.snippet ?? snippet,
            extra: [("source", "script")] + (unverifiedTLS ? [("unverified_tls", true)] : []))
    }
}
