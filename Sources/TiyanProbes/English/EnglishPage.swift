import TiyanCore
import TiyanHTML

/// What the fetched English target is, judged by what it shows: shared by EN-02 and EN-03.
struct EnglishPageJudgement {
    let page: SitePage
    let share: LetterShare
    let language: String?
    /// The entry led back to the Chinese home page.
    let isHomeAgain: Bool

    /// The English page, or the status SPEC.md gives when there is none to judge: without an
    /// English page, the home page's own trouble or not applicable (no entry was found);
    /// otherwise the English target's fetch status.
    static func judge(_ site: SiteContext) throws -> EnglishPageJudgement {
        guard !site.records(.english).isEmpty else {
            let home = try site.page(.home)
            throw PageUnavailable(.notApplicable, reason: "no English entry was found, so there is no English page to judge",
                                  evidence: [home.evidence(locator: "/html/body", snippet: home.document.title ?? "",
                                                           extra: [("absent", "English entry")])])
        }
        let page = try site.page(.english)
        if let reason = page.shellReason {
            throw PageUnavailable(.undetermined, reason: "the English page is a script shell (\(reason))",
                                  evidence: [page.evidence(locator: "/html/body", snippet: page.document.title ?? "")])
        }
        // `tiyan check --role english` judges a page without a home page beside it.
        let home = site.optionalPage(.home)
        let same = home.map { page.url == $0.url || page.record.body == $0.record.body } ?? false
        return EnglishPageJudgement(page: page, share: LetterShare(page.document.visibleText),
                                    language: page.document.language, isHomeAgain: same)
    }

    func languageEvidence(_ extra: [(String, JSONValue)]) -> Evidence {
        let root = (try? page.document.select("/html"))?.first
        let snippet = "<html lang=\"\(language ?? "")\"> title: \(page.document.title ?? "")"
        return page.evidence(locator: root?.xpath ?? "/html", snippet: snippet, extra: extra)
    }
}
