import Foundation
import TiyanCSS
import TiyanCore
import TiyanHTML

/// The author CSS that applies to one page at rest: `<style>` blocks and the same-site
/// stylesheets the crawl archived (role `stylesheet`, with their `@import`s), in document order,
/// filtered by `@media` and `media=""` for the assumed screen. Inline `style` attributes are
/// read per element by `StyleCascade`.
final class PageStyles {
    let page: SitePage
    let environment: MediaEnvironment
    private(set) var rules: [AppliedRule] = []
    /// Linked stylesheets the page loads that the archive does not hold (other sites, or past
    /// the crawl's limit): the values may miss what they declare.
    private(set) var missingSheets: [String] = []
    /// How many sheets were read (inline blocks and archived files).
    private(set) var sheetCount = 0
    /// The page's elements, indexed for selector matching (shared with the other CSS readers).
    let matcher: CSSSelectorMatcher<OutlineTree>

    /// The XPaths of the elements a selector matches on the page.
    func paths(matching selector: CSSSelector) -> [String] {
        matcher.elements(matching: selector).map { matcher.tree.rows[$0].xpath }
    }

    init(page: SitePage, site: SiteContext, environment: MediaEnvironment) {
        self.page = page
        self.environment = environment
        matcher = page.selectors(measuredBy: site)
        let archived = Self.archivedSheets(site)
        for stylesheet in page.document.stylesheets {
            // Alternate sheets (a 关怀版 theme the visitor may pick) and disabled ones do not apply at rest.
            let rel = stylesheet.element.attribute("rel")?.lowercased() ?? ""
            if rel.split(separator: " ").contains("alternate") || stylesheet.element.attribute("disabled") != nil {
                continue
            }
            let media = stylesheet.element.attribute("media").map { [$0] } ?? []
            if let url = stylesheet.url {
                guard let record = archived[url] else {
                    missingSheets.append(url)
                    continue
                }
                add(record: record, media: media, archived: archived, depth: 0)
            } else {
                sheetCount += 1
                let sheet = CSSStyleSheet.parse(stylesheet.inlineText)
                let locator = stylesheet.element.xpath
                addImports(of: sheet, base: page.url, media: media, archived: archived, depth: 0)
                addRules(of: sheet, media: media) { rule in
                    StyleOrigin(
                        url: page.url, locator: "\(locator) rule \(rule.index + 1): \(rule.selectorText)",
                        snippet: rule.text, unverifiedTLS: page.unverifiedTLS)
                }
            }
        }
    }

    private static func archivedSheets(_ site: SiteContext) -> [String: FetchRecord] {
        var sheets: [String: FetchRecord] = [:]
        for record in site.records(.stylesheet)
        where record.error == nil && record.hasBody
            && (record.status ?? 0) < 400
        {
            sheets[record.url] = sheets[record.url] ?? record
            sheets[record.finalURL] = sheets[record.finalURL] ?? record
        }
        return sheets
    }

    private func add(record: FetchRecord, media: [String], archived: [String: FetchRecord], depth: Int) {
        sheetCount += 1
        let text = Self.decode(record, pageCharset: page.document.decoding.charset)
        let sheet = CSSStyleSheet.parse(text)
        let unverified = record.fetchedWithoutVerification || record.tlsVerified == false
        addImports(of: sheet, base: record.finalURL, media: media, archived: archived, depth: depth)
        addRules(of: sheet, media: media) { rule in
            StyleOrigin(
                url: record.finalURL, locator: "rule \(rule.index + 1): \(rule.selectorText)",
                snippet: rule.text, unverifiedTLS: unverified)
        }
    }

    /// `@import`ed sheets come before the importing sheet's own rules (CSS Cascade §6.5).
    private func addImports(
        of sheet: CSSStyleSheet, base: String, media: [String],
        archived: [String: FetchRecord], depth: Int
    ) {
        guard depth < 4 else { return }
        for entry in sheet.imports {
            guard let url = URLResolver.resolve(entry.url, against: base) else { continue }
            let conditions = media + (entry.media.isEmpty ? [] : [entry.media])
            guard let record = archived[url] else {
                missingSheets.append(url)
                continue
            }
            add(record: record, media: conditions, archived: archived, depth: depth + 1)
        }
    }

    private func addRules(of sheet: CSSStyleSheet, media: [String], origin: (CSSStyleRule) -> StyleOrigin) {
        for rule in sheet.rules where environment.matches(media + rule.media) {
            rules.append(AppliedRule(rule: rule, origin: origin(rule), order: rules.count))
        }
    }

    /// A stylesheet's charset: its HTTP header, then a BOM or `@charset`, then the page's own
    /// (CSS Syntax §3.2). GBK sheets of GBK portals often declare nothing at all.
    static func decode(_ record: FetchRecord, pageCharset: String) -> String {
        let declaredInHeader = record.contentType?.lowercased().contains("charset=") == true
        if declaredInHeader {
            return CharsetDecoder.decode(record.body, contentType: record.contentType).text
        }
        let bytes = [UInt8](record.body)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return CharsetDecoder.decode(record.body, contentType: nil).text
        }
        let charset = CSSStyleSheet.declaredCharset(in: bytes) ?? pageCharset
        return CharsetDecoder.decode(record.body, contentType: "text/css; charset=\(charset)").text
    }
}
