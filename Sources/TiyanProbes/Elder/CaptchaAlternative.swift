import Foundation
import TiyanCore
import TiyanHTML

/// EL-12: a captcha on the login page comes with a non-visual alternative (voice code, audio),
/// or a login path by SMS code exists. A login page without a captcha passes; a captcha without
/// any alternative fails. The captcha kind comes from the first type whose markers match.
struct CaptchaAlternative: Rule {
    static let id = "EL-12"
    let markers: Pattern
    let scriptMarkers: Pattern
    let types: [(tag: String, pattern: Pattern)]
    let alternative: Pattern
    let smsPath: Pattern
    let smsCode: Pattern

    init(settings: RuleSettings) throws {
        markers = try settings.pattern("captcha_markers")
        scriptMarkers = try settings.pattern("captcha_scripts")
        alternative = try settings.pattern("alternative_markers")
        smsPath = try settings.pattern("sms_login")
        smsCode = try settings.pattern("sms_code")
        types = try settings.keywords("captcha_types").map { entry in
            guard let colon = entry.firstIndex(of: ":"),
                let pattern = try? Pattern(entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            else { throw settings.invalid("captcha_types", "expected `type: regex`, found \"\(entry)\"") }
            return (entry[..<colon].trimmingCharacters(in: .whitespaces), pattern)
        }
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.page(.login)
        let scan = ControlScan(page: page, site: site, maxTextLength: 0)
        let documents: [(HTMLDocument, (HTMLElement) -> Evidence)] =
            [(page.document, { page.evidence($0) })]
            + site.scriptFragments(of: page).map { fragment in
                (fragment.document, { fragment.evidence(snippet: $0.snippet, element: $0) })
            }
        var captcha: (signal: String, evidence: Evidence)?
        var alternativeHit: Evidence?
        // Every captcha signal of the page names its kind, not only the first: a slider's widget
        // often sits next to a hidden `captcha` token field, and a slider is not an image captcha.
        var captchaSignals: [String] = []
        for (document, evidence) in documents {
            for element in (try? document.select("//body//*")) ?? [] {
                let signals = Self.signals(of: element)
                // An SMS code field (获取验证码) is a one-time code, not a captcha.
                let marked = signals.filter { markers.matches($0) && !smsCode.matches($0) }
                captchaSignals += marked
                if captcha == nil, let signal = marked.first {
                    captcha = (signal, evidence(element))
                }
                if alternativeHit == nil, signals.contains(where: { alternative.matches($0) || smsPath.matches($0) }) {
                    alternativeHit = evidence(element)
                }
            }
        }
        // Scripts are read with their own, narrower markers: `slide` in a script is a carousel
        // far more often than a slider captcha.
        for script in page.document.scripts where captcha == nil {
            if let src = script.url ?? script.element.attribute("src"), scriptMarkers.matches(src) {
                captcha = (src, page.evidence(script.element))
            }
        }
        for script in scan.scriptTexts() where captcha == nil {
            if let match = scriptMarkers.firstMatch(in: script.text) {
                captcha = (match, script.evidence(Excerpt.around(match, in: script.text)))
            }
        }
        guard let captcha else {
            return page.negative(
                Finding(
                    .pass, value: .object([("captcha_type", .null), ("alt_present", .null)]),
                    evidence: [page.scopeEvidence("no captcha markers")],
                    reason: "no captcha on the login page"))
        }
        let type = types.first { type in
            type.pattern.matches(captcha.signal) || captchaSignals.contains(where: type.pattern.matches)
        }?.tag ?? "unknown"
        let value = JSONValue.object([("captcha_type", .string(type)), ("alt_present", .bool(alternativeHit != nil))])
        if let alternativeHit {
            return Finding(.pass, value: value, evidence: [captcha.evidence, alternativeHit])
        }
        return page.negative(
            Finding(
                .fail, value: value, evidence: [captcha.evidence],
                reason: "a \(type) captcha without a voice or SMS alternative"))
    }

    /// What identifies an element: its own text (not its descendants'), id, class, name, src, alt.
    private static func signals(of element: HTMLElement) -> [String] {
        var values = ["id", "class", "name", "src", "alt", "title", "placeholder", "onclick"].compactMap {
            element.attribute($0)
        }.filter { !$0.isEmpty }
        if element.text.count <= 40 && !element.text.isEmpty { values.append(element.text) }
        return values
    }
}
