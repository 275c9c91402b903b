import TiyanCore

/// EN-05 机器翻译插件 (diagnostic): a machine-translation widget on the home or English page — a
/// translation script, a widget element or an in-page 「翻译」 switch. Says what a foreign visitor
/// is offered besides an English site; it is not a substitute for one.
struct TranslationWidget: Rule {
    static let id = "EN-05"
    let scriptSource: Pattern
    let widgetMarkup: String
    let widgetText: Pattern

    init(settings: RuleSettings) throws {
        scriptSource = try settings.pattern("script_src")
        widgetMarkup = try settings.xpath("widget_markup")
        widgetText = try settings.pattern("widget_text")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        // The home page when there is one; `tiyan check --role english` judges that page alone.
        let pages = [site.optionalPage(.home), site.optionalPage(.english)].compactMap { $0 }
        guard let home = pages.first else {
            _ = try site.page(.home)
            throw PageUnavailable(.undetermined, reason: "no home page was fetched")
        }
        for page in pages {
            let search = MarkSearch(page: page, site: site)
            let hit = search.script(src: scriptSource) ?? markup(search) ?? search.link(text: widgetText)
                ?? search.text(widgetText)
            if let hit { return Finding(.pass, value: true, confidence: hit.confidence, evidence: [hit.evidence]) }
        }
        return home.negative(Finding(.fail, value: false,
                                     evidence: [home.evidence(locator: "/html/body", snippet: home.document.title ?? "",
                                                              extra: [("absent", "machine-translation widget")])],
                                     reason: "no machine-translation script or widget on the home or English page"))
    }

    private func markup(_ search: MarkSearch) -> MarkHit? {
        for source in search.sources {
            if let element = (try? source.document.select(widgetMarkup))?.first {
                return MarkHit(evidence: source.evidence(element, element.snippet), confidence: source.confidence,
                               value: element.snippet)
            }
        }
        return nil
    }
}
