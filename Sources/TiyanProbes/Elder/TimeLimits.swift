import Foundation
import TiyanCore
import TiyanHTML

/// EL-13: automatic refresh and time limits on the elder page: a timed `meta refresh`, countdown
/// texts (5秒后自动跳转), `<marquee>`, and carousels set to play by themselves. The value is the
/// count (0 passes).
struct TimeLimits: Rule {
    static let id = "EL-13"
    let countdown: Pattern
    let autoplay: String

    init(settings: RuleSettings) throws {
        countdown = try settings.pattern("countdown_text")
        autoplay = try settings.xpath("autoplay")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let choice = try ElderPageChoice(site)
        let page = choice.page
        var signs = SignTally()
        for meta in page.document.metas where meta.httpEquiv?.lowercased() == "refresh" {
            // An immediate redirect (0 seconds) is no time limit (WCAG 2.2.1 exception).
            let delay =
                Double(
                    meta.content.split(whereSeparator: { $0 == ";" || $0 == "," }).first?
                        .trimmingCharacters(in: .whitespaces) ?? "") ?? 0
            if delay > 0 { signs.record("meta_refresh", page.evidence(meta.element)) }
        }
        if let match = countdown.firstMatch(in: page.document.visibleText) {
            let element = TextLocator.element(showing: match, pattern: countdown, in: page.document)
            signs.record(
                "countdown", element.map { page.evidence($0) } ?? page.evidence(locator: "/html/body", snippet: match))
        }
        for element in (try? page.document.select("//marquee")) ?? [] {
            signs.record("marquee", page.evidence(element))
        }
        for element in (try? page.document.select(autoplay)) ?? [] {
            signs.record("autoplay", page.evidence(element))
        }
        return signs.finding(
            on: page, choice: choice, clean: "no refresh, countdown or autoplay",
            failure: { "\($0) automatic refreshes, countdowns or self-playing elements" })
    }
}
