import TiyanCore
import TiyanHTML

/// Where a page offers its English version: a link (text, title or href), a
/// `<link rel=alternate hreflang=en>`, or an option of a language `<select>` — in the DOM or in
/// markup written by its header scripts.
struct EnglishEntryFinder: Sendable {
    struct Entry {
        var evidence: Evidence
        var confidence: Confidence
        /// Where the entry leads, when it names a URL.
        var url: String?
        var kind: String
    }

    let text: Pattern
    let href: Pattern
    let hreflang: String
    let options: String

    init(settings: RuleSettings) throws {
        text = try settings.pattern("entry_text")
        href = try settings.pattern("entry_href")
        hreflang = try settings.xpath("hreflang_markup")
        options = try settings.xpath("language_options")
    }

    func find(on page: SitePage, site context: SiteContext) -> Entry? {
        let sources = MarkSearch(page: page, site: context).sources
        let site = URLResolver.site(of: page.url)
        let searches: [(MarkSearch.Source) -> (HTMLElement, String?, String)?] = [
            { source in
                source.document.links.first { link in
                    self.text.matches(link.text) || (link.title.map(self.text.matches) ?? false)
                }.map { ($0.element, $0.url, "link") }
            },
            { source in
                ((try? source.document.select(self.hreflang)) ?? []).first.map { element in
                    (element, element.attribute("href").flatMap { URLResolver.resolve($0, against: source.document.url) },
                     "hreflang")
                }
            },
            { source in
                // By address alone only the site's own links: a footer link to another site's
                // English edition (english.www.gov.cn) is not this portal's English version.
                source.document.links.first { link in
                    guard let url = link.url, site != nil, URLResolver.site(of: url) == site else { return false }
                    return self.href.matches(url)
                }.map { ($0.element, $0.url, "link") }
            },
            { source in
                ((try? source.document.select(self.options)) ?? []).first { option in
                    self.text.matches(option.text) || self.href.matches(option.attribute("value") ?? "")
                }.map { option in
                    let value = option.attribute("value") ?? ""
                    let url = value.contains("/") ? URLResolver.resolve(value, against: source.document.url) : nil
                    return (option, url, "language_selector")
                }
            },
        ]
        for search in searches {
            for source in sources {
                guard let (element, url, kind) = search(source) else { continue }
                var evidence = source.evidence(element, element.snippet)
                evidence.extra.append(("kind", .string(kind)))
                if let url { evidence.extra.append(("entry", .string(url))) }
                return Entry(evidence: evidence, confidence: source.confidence, url: url, kind: kind)
            }
        }
        return nil
    }
}
