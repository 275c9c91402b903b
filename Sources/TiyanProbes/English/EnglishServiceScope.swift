import TiyanCore
import TiyanHTML

/// EN-03 英文覆盖服务而非仅资讯: the English site links to services and guides a foreigner can use,
/// not only news about the province.
struct EnglishServiceScope: Rule {
    static let id = "EN-03"
    let serviceHref: Pattern
    let serviceText: Pattern
    let newsText: Pattern
    let minimumServiceLinks: Int
    let minimumLatinRatio: Double

    init(settings: RuleSettings) throws {
        serviceHref = try settings.pattern("service_href")
        serviceText = try settings.pattern("service_text")
        newsText = try settings.pattern("news_text")
        minimumServiceLinks = try settings.integer("min_service_links")
        minimumLatinRatio = try settings.number("min_latin_ratio")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let judgement = try EnglishPageJudgement.judge(site)
        let page = judgement.page
        var links = page.document.links.map { (link: $0, evidence: page.evidence($0.element)) }
        for fragment in site.scriptFragments(of: page) {
            links += fragment.document.links.map { ($0, fragment.evidence(snippet: $0.element.snippet, element: $0.element)) }
        }
        let services = links.filter { isService($0.link) }
        let news = links.filter { !isService($0.link) && newsText.matches($0.link.text + " " + $0.link.href) }
        guard !judgement.isHomeAgain, judgement.share.latinRatio >= minimumLatinRatio else {
            return Finding(.fail, value: value("none", services.count, news.count),
                           evidence: [judgement.languageEvidence([("latin_ratio", .number(judgement.share.latinRatio))])],
                           reason: "the English entry does not lead to an English site (see EN-02)")
        }
        if services.count >= minimumServiceLinks {
            return Finding(.pass, value: value("services", services.count, news.count),
                           evidence: services.prefix(5).map(\.evidence))
        }
        let evidence = news.prefix(5).map(\.evidence)
        return Finding(.fail, value: value("news_only", services.count, news.count),
                       evidence: evidence.isEmpty ? [judgement.languageEvidence([])] : Array(evidence),
                       reason: "the English site links to no service or guide pages")
    }

    private func isService(_ link: HTMLLink) -> Bool {
        guard !newsText.matches(link.text), !newsText.matches(link.url ?? link.href) else { return false }
        return serviceText.matches(link.text) || serviceHref.matches(link.url ?? link.href)
    }

    private func value(_ scope: String, _ services: Int, _ news: Int) -> JSONValue {
        .object([("scope", .string(scope)), ("service_links", .int(services)), ("news_links", .int(news))])
    }
}
