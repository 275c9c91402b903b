import TiyanCore

/// EL-11: the page says its language (`<html lang>`) and has a non-empty `<title>` (GB/T
/// 37668-2019 兼容): both pass, one is partial.
struct LanguageAndTitle: Rule {
    static let id = "EL-11"

    init(settings: RuleSettings) throws {}

    func evaluate(_ site: SiteContext) throws -> Finding {
        let pages = try site.accessibilityPages(including: [.elder])
        var languageOK = true
        var titleOK = true
        var evidence: [Evidence] = []
        for page in pages {
            let html = (try? page.document.select("/html"))?.first
            let language = html?.attribute("lang") ?? html?.attribute("xml:lang")
            let title = page.document.title ?? ""
            if (language ?? "").trimmingWhitespace.isEmpty {
                languageOK = false
                evidence.append(
                    page.evidence(
                        locator: "/html", snippet: html.map { String($0.snippet.prefix(120)) } ?? "",
                        extra: [("absent", "lang")]))
            }
            if title.trimmingWhitespace.isEmpty {
                titleOK = false
                let head = (try? page.document.select("/html/head"))?.first
                evidence.append(
                    page.evidence(
                        locator: "/html/head/title", snippet: head.map { String($0.snippet.prefix(120)) } ?? "",
                        extra: [("absent", "title")]))
            }
            if evidence.isEmpty, let html {
                evidence.append(
                    page.evidence(
                        locator: "/html", snippet: "lang=\(language ?? "") title=\(title)",
                        extra: [("element", .string(String(html.snippet.prefix(80))))]))
            }
        }
        let value = JSONValue.object([("lang_present", .bool(languageOK)), ("title_present", .bool(titleOK))])
        switch (languageOK, titleOK) {
        case (true, true): return Finding(.pass, value: value, evidence: evidence)
        case (false, false):
            return Finding(.fail, value: value, evidence: evidence, reason: "no html lang and no title")
        default:
            return Finding(
                .partial, value: value, evidence: evidence,
                reason: languageOK ? "a page has no title" : "a page does not declare its language (html lang)",
                score: 0.5)
        }
    }
}
