import Foundation
import TiyanCore
import TiyanHTML

/// SB-13: a phone gets a page made for it: a responsive viewport on the page a mobile browser
/// receives (home_mobile, else the desktop home), or a separate mobile page.
struct MobileAdaptation: Rule {
    static let id = "SB-13"
    let viewportName: String
    let viewportContent: Pattern

    init(settings: RuleSettings) throws {
        viewportName = try settings.text("viewport_name")
        viewportContent = try settings.pattern("viewport_content")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.page(.home)
        let mobile = site.optionalPage(.homeMobile)
        var evidence: [Evidence] = []
        let desktopViewport = viewport(of: home, evidence: &evidence)
        let mobileViewport = mobile.map { viewport(of: $0, evidence: &evidence) }
        let separate = mobile.map { $0.record.finalURL != home.record.finalURL || $0.record.body != home.record.body }
        let value = JSONValue.object([
            ("viewport_desktop", .bool(desktopViewport)),
            ("viewport_mobile", mobileViewport.map(JSONValue.bool) ?? .null),
            ("separate_mobile_page", separate.map(JSONValue.bool) ?? .null),
        ])
        let servedToPhones = mobileViewport ?? desktopViewport
        var reason: String?
        if mobile == nil { reason = "no mobile-UA home page: judged from the desktop page" }
        if servedToPhones { return Finding(.pass, value: value, evidence: evidence, reason: reason) }
        // A script shell may set the viewport at run time: only its presence is a finding there.
        let judged = mobile ?? home
        if separate == true {
            return judged.negative(
                Finding(
                    .partial, value: value, evidence: evidence,
                    reason: "a separate page for mobile browsers, without a responsive viewport"))
        }
        return judged.negative(Finding(.fail, value: value, evidence: evidence, reason: reason))
    }

    /// Whether the page declares a responsive viewport; adds the deciding element as evidence.
    private func viewport(of page: SitePage, evidence: inout [Evidence]) -> Bool {
        let metas = page.document.metas.filter { $0.name?.caseInsensitiveCompare(viewportName) == .orderedSame }
        if let meta = metas.first(where: { viewportContent.matches($0.content) }) ?? metas.first {
            evidence.append(page.evidence(meta.element))
            return viewportContent.matches(meta.content)
        }
        let head = (try? page.document.select("/html/head"))?.first
        let note: [(String, JSONValue)] = [("absent", .string("meta viewport"))]
        evidence.append(
            head.map { page.evidence($0, extra: note) }
                ?? page.evidence(locator: "/html/head", snippet: "", extra: note))
        return false
    }
}
