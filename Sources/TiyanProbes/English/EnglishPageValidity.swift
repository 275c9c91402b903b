import TiyanCore
import TiyanHTML

/// EN-02 英文页面有效性: the English entry leads to a page that really is in English — most of its
/// visible letters are Latin — and not the Chinese page again. A 404 or a bot wall is
/// unreachable or blocked, never a fail.
struct EnglishPageValidity: Rule {
    static let id = "EN-02"
    let minimumLatinRatio: Double
    let minimumLetters: Int
    let officialHost: Pattern

    init(settings: RuleSettings) throws {
        minimumLatinRatio = try settings.number("min_latin_ratio")
        minimumLetters = try settings.integer("min_letters")
        officialHost = try settings.pattern("official_host")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let judgement = try EnglishPageJudgement.judge(site)
        let share = judgement.share
        let value: JSONValue = .object([
            ("english", .bool(isEnglish(judgement))), ("latin_ratio", .number(share.latinRatio)),
            ("lang", judgement.language.map { .string($0) } ?? .null),
        ])
        let evidence = judgement.languageEvidence([
            ("latin_letters", .int(share.latin)), ("cjk_letters", .int(share.cjk)),
        ])
        if !isOfficial(judgement.page, site: site) {
            return Finding(.fail, value: value, evidence: [evidence],
                           reason: "the English entry leads off the portal's site to a host that is not a government one (e.g. a translation proxy)")
        }
        if judgement.isHomeAgain {
            return Finding(.fail, value: value, evidence: [evidence], reason: "the English entry leads back to the Chinese home page")
        }
        guard share.letters >= minimumLetters else {
            return Finding(.undetermined, value: value, evidence: [evidence],
                           reason: "the English page shows only \(share.letters) letters: too little text to judge")
        }
        if isEnglish(judgement) { return Finding(.pass, value: value, evidence: [evidence]) }
        let claim = judgement.language?.lowercased().hasPrefix("en") == true ? " although it declares lang=\(judgement.language ?? "")" : ""
        return Finding(.fail, value: value, evidence: [evidence],
                       reason: "the English entry leads to a page whose text is mostly Chinese\(claim) (Latin share \(share.latinRatio))")
    }

    /// The English version is the portal's own or another government host's, not a third party's.
    private func isOfficial(_ page: SitePage, site: SiteContext) -> Bool {
        // A local file (`tiyan check`) has no host to judge.
        guard let host = URLResolver.host(of: page.url), !host.isEmpty else { return true }
        if officialHost.matches(host) { return true }
        let portal = URLResolver.site(of: site.site.target.url)
        return portal != nil && URLResolver.site(of: page.url) == portal
    }

    func isEnglish(_ judgement: EnglishPageJudgement) -> Bool {
        !judgement.isHomeAgain && judgement.share.latinRatio >= minimumLatinRatio
    }
}
