import TiyanCore

/// EN-01 英文入口: the home page (or the login page) offers an English version.
struct EnglishEntry: Rule {
    static let id = "EN-01"
    let finder: EnglishEntryFinder

    init(settings: RuleSettings) throws {
        finder = try EnglishEntryFinder(settings: settings)
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        // The home page when there is one; `tiyan check --role login` judges that page alone.
        let pages = [site.optionalPage(.home), site.optionalPage(.login)].compactMap { $0 }
        guard let home = pages.first else {
            _ = try site.page(.home)
            throw PageUnavailable(.undetermined, reason: "no home page was fetched")
        }
        for page in pages {
            if let entry = finder.find(on: page, site: site) {
                return Finding(.pass, value: true, confidence: entry.confidence, evidence: [entry.evidence])
            }
        }
        let searched = pages.map { page in
            page.evidence(locator: "/html/body", snippet: page.document.title ?? "", extra: [("absent", "English entry")])
        }
        let finding = Finding(
            .fail, value: false, evidence: searched,
            reason: "no English link, hreflang alternate or language option on the home or login page")
        return site.negative(finding, on: home, what: "English entry")
    }
}
