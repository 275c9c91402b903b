import Foundation
import TiyanCore
import TiyanHTML

/// PR-10: the policy can be read: its text is text (not images), in simplified Chinese, and not
/// set in type smaller than 12px by the page's inline styles.
struct PolicyReadability: Rule {
    static let id = "PR-10"
    let traditional: Set<Character>
    let maxTraditionalShare: Double
    let traditionalLanguage: Pattern
    let minFontPixels: Double
    let fontSize: Pattern
    let minBlockCharacters: Int
    let minCharacters: Int

    init(settings: RuleSettings) throws {
        traditional = Set(try settings.keywords("traditional_characters").compactMap(\.first))
        maxTraditionalShare = try settings.number("max_traditional_share")
        traditionalLanguage = try settings.pattern("traditional_language")
        minFontPixels = try settings.number("min_font_pixels")
        fontSize = try settings.pattern("font_size")
        minBlockCharacters = try settings.integer("min_block_characters")
        minCharacters = try settings.integer("min_policy_characters")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let copy = try PolicyCopy.locate(.privacy, in: site, minCharacters: minCharacters)
        switch copy.form {
        case .image:
            return Finding(
                .fail, value: false, evidence: [copy.evidence], reason: "the policy is shown as images, not text")
        case .pdf, .frame:
            throw PageUnavailable(
                .undetermined, reason: "the policy is a \(copy.form.rawValue): its text is not in the HTML",
                evidence: [copy.evidence])
        case .html:
            break
        }
        let page = try copy.readable("readability")
        let text = page.document.visibleText
        if let language = page.document.language, traditionalLanguage.matches(language) {
            return Finding(
                .fail, value: false, evidence: [page.evidence(locator: "/html/@lang", snippet: "lang=\"\(language)\"")],
                reason: "the policy is declared traditional Chinese (lang=\(language))")
        }
        let chinese = PolicyCopy.chineseCharacterCount(text)
        let traditionalCount = text.reduce(0) { $0 + (traditional.contains($1) ? 1 : 0) }
        if chinese > 0, Double(traditionalCount) / Double(chinese) > maxTraditionalShare {
            return Finding(
                .fail, value: false, evidence: [copy.evidence],
                reason: "\(traditionalCount) of \(chinese) characters are traditional: no simplified Chinese version")
        }
        for element in (try? page.document.select("//body//*[@style]")) ?? [] {
            guard let style = element.attribute("style"),
                  let size = fontSize.allMatches(in: style).first?.dropFirst().first ?? nil,
                  let pixels = Double(size), pixels < minFontPixels,
                  PolicyCopy.chineseCharacterCount(element.text) >= minBlockCharacters
            else { continue }
            return Finding(
                .fail, value: false, evidence: [page.evidence(element)],
                reason: "the policy text is set at \(size)px, below \(Int(minFontPixels))px")
        }
        return Finding(.pass, value: true, evidence: [copy.evidence])
    }
}
