import TiyanCore
import TiyanHTML
import TiyanAccessibility
import TiyanCSS

/// One fetched page, parsed once per evaluation. Not Sendable: it owns an `HTMLDocument`.
///
/// Where the render stage captured the page, `document` is the DOM the browser built (what a
/// citizen sees), `view` is that capture and every piece of evidence says `"view": "rendered"`;
/// otherwise `document` is the served HTML.
final class SitePage {
    let record: FetchRecord
    let document: HTMLDocument
    let nature: PageNature
    let view: RenderedView?
    /// Markup that scripts of this page write, filled in by `SiteContext` on first use.
    var scriptFragments: [ScriptFragment]?
    /// The accessibility view of the page, built by the first ACT rule that needs it.
    var accessibility: AccessiblePage?
    /// The page's elements indexed for CSS selector matching, shared by every reader of its
    /// style sheets (the elder cascade and the ACT rules' hiddenness): one XPath query per
    /// selector cost a second per page against a 2,000-rule sheet.
    private var selectorIndex: CSSSelectorMatcher<OutlineTree>?

    func selectors(measuredBy site: SiteContext) -> CSSSelectorMatcher<OutlineTree> {
        if let selectorIndex { return selectorIndex }
        let index = site.measure("selector index") { CSSSelectorMatcher(tree: OutlineTree(rows: document.outline())) }
        selectorIndex = index
        return index
    }

    init(record: FetchRecord, document: HTMLDocument, nature: PageNature, view: RenderedView? = nil) {
        self.record = record
        self.document = document
        self.nature = nature
        self.view = view
    }

    var isRendered: Bool { view != nil }

    var url: String { record.finalURL }

    /// The content came over a connection whose certificate did not verify: usable to judge the
    /// page, but every piece of evidence says so.
    var unverifiedTLS: Bool { record.fetchedWithoutVerification || record.tlsVerified == false }

    var shellReason: String? {
        if case let .scriptShell(reason) = nature { return reason }
        return nil
    }

    var extra: [(String, JSONValue)] {
        (isRendered ? [("view", "rendered")] : []) + (unverifiedTLS ? [("unverified_tls", true)] : [])
    }

    func evidence(_ element: HTMLElement, extra more: [(String, JSONValue)] = []) -> Evidence {
        Evidence(url: url, locator: element.xpath, snippet: element.snippet, extra: extra + more)
    }

    func evidence(locator: String, snippet: String, extra more: [(String, JSONValue)] = []) -> Evidence {
        Evidence(url: url, locator: locator, snippet: snippet, extra: extra + more)
    }

    /// A negative answer from the DOM. On a script shell the DOM shows nothing of the rendered
    /// page, so "not found" is not a finding: the result is `undetermined`, never `fail`.
    func negative(_ finding: Finding) -> Finding {
        guard let reason = shellReason else { return finding }
        var undetermined = finding
        undetermined.status = .undetermined
        undetermined.reason = "the page is a script shell (\(reason)): its content is not in the HTML"
        return undetermined
    }
}
