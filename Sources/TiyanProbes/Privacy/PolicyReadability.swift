import Foundation
import TiyanCore
import TiyanHTML

/// PR-10: the policy can be read: its text is text (not images), in simplified Chinese, and not
/// set in type smaller than 12px by the page's inline styles or `<style>` rules.
struct PolicyReadability: Rule {
    static let id = "PR-10"
    let traditional: Set<Character>
    let maxTraditionalShare: Double
    let traditionalLanguage: Pattern
    let minFontPixels: Double
    let fontSize: Pattern
    let cssRule: Pattern
    let minBlockCharacters: Int
    let minCharacters: Int

    init(settings: RuleSettings) throws {
        traditional = Set(try settings.keywords("traditional_characters").compactMap(\.first))
        maxTraditionalShare = try settings.number("max_traditional_share")
        traditionalLanguage = try settings.pattern("traditional_language")
        minFontPixels = try settings.number("min_font_pixels")
        fontSize = try settings.pattern("font_size")
        cssRule = try settings.pattern("css_rule")
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
        if let small = smallStyleRule(in: page) { return small }
        return Finding(.pass, value: true, evidence: [copy.evidence])
    }

    /// A `<style>` rule that sets text blocks below the minimum: `p{font-size:10px}`,
    /// `.article .con{font-size:11px}`. The rule's last simple selector (tag, .class or #id)
    /// must match an element of the page that holds enough text.
    private func smallStyleRule(in page: SitePage) -> Finding? {
        for style in page.document.stylesheets where style.url == nil && !style.inlineText.isEmpty {
            for groups in cssRule.allMatches(in: style.inlineText) {
                guard groups.count > 2, let selectors = groups[1], let declarations = groups[2],
                      let size = fontSize.allMatches(in: declarations).first?.dropFirst().first ?? nil,
                      let pixels = Double(size), pixels < minFontPixels
                else { continue }
                for selector in selectors.split(separator: ",") {
                    guard let xpath = Self.xpath(of: String(selector)),
                          let element = ((try? page.document.select(xpath)) ?? []).first(where: {
                              PolicyCopy.chineseCharacterCount($0.text) >= minBlockCharacters
                          })
                    else { continue }
                    return Finding(
                        .fail, value: false,
                        evidence: [page.evidence(
                            locator: style.element.xpath, snippet: Evidence.clip("\(selector.trimmingCharacters(in: .whitespaces)){\(declarations)}"),
                            extra: [("applies_to", .string(element.xpath))])],
                        reason: "the policy text is set at \(size)px, below \(Int(minFontPixels))px")
                }
            }
        }
        return nil
    }

    /// The XPath of a selector's last simple selector; nil for what this reading does not handle.
    static func xpath(of selector: String) -> String? {
        guard let last = selector.split(whereSeparator: { " >+~".contains($0) }).last.map(String.init),
              !last.contains(":"), !last.contains("[")
        else { return nil }
        if last.hasPrefix("#") { return "//*[@id=\(TextLocator.literal(String(last.dropFirst())))]" }
        let parts = last.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let tag = parts[0].isEmpty || parts[0] == "*" ? "*" : parts[0].lowercased()
        guard tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "*" }) else { return nil }
        let classes = parts.dropFirst().filter { !$0.isEmpty }.map {
            "contains(concat(' ', normalize-space(@class), ' '), \(TextLocator.literal(" \($0) ")))"
        }
        return "//body//" + tag + (classes.isEmpty ? "" : "[" + classes.joined(separator: " and ") + "]")
    }
}
