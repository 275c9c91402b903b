import TiyanCore
import TiyanHTML

/// EL-03: advertising and pop-ups on the elder page (both MIIT 适老化 specs ban them): frames
/// and scripts from advertising hosts, floating or pop-up elements named so in their id or
/// class, ad scripts named so, and timers that open windows or layers. The value is the count.
struct ElderAds: Rule {
    static let id = "EL-03"
    let adHosts: [String]
    let adName: Pattern
    let layoutName: Pattern
    let timedPopup: Pattern
    let libraries: Pattern

    init(settings: RuleSettings) throws {
        adHosts = try settings.keywords("ad_hosts").map { $0.lowercased() }
        adName = try settings.pattern("ad_id_class")
        layoutName = try settings.pattern("layout_id_class")
        timedPopup = try settings.pattern("timed_popup")
        libraries = try settings.pattern("library_scripts")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let choice = try ElderPageChoice(site)
        let page = choice.page
        var signs = SignTally()
        let sources = (try? page.document.select("//iframe[@src] | //script[@src] | //embed[@src] | //img[@src]")) ?? []
        for element in sources {
            guard let src = element.attribute("src"),
                let url = URLResolver.resolve(src, against: page.document.baseURL),
                let host = URLResolver.host(of: url)?.lowercased()
            else { continue }
            if adHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
                signs.record("ad_host", page.evidence(element, extra: [("host", .string(host))]))
            } else if element.name != "img", adName.matches(Self.fileName(of: url)) {
                signs.record("ad_script", page.evidence(element))
            }
        }
        var counted: [String] = []
        for element in (try? page.document.select("//body//*[@id or @class]")) ?? [] {
            let names = [element.attribute("id") ?? "", element.attribute("class") ?? ""]
            guard names.contains(where: { adName.matches($0) && !layoutName.matches($0) }),
                !counted.contains(where: { element.xpath.hasPrefix($0 + "/") })
            else { continue }
            counted.append(element.xpath)
            signs.record("floating_or_popup_element", page.evidence(element))
        }
        let scan = ControlScan(page: page, site: site, maxTextLength: 0)
        // Libraries (jQuery's own effects code) hold timers and `.show()` without showing anything.
        for script in scan.scriptTexts() where !libraries.matches(script.element?.attribute("src") ?? "") {
            if let match = timedPopup.firstMatch(in: script.text) {
                signs.record("timed_popup_script", script.evidence(Excerpt.around(match, in: script.text)))
            }
        }
        return signs.finding(
            on: page, choice: choice, clean: "no advertisement or pop-up signs",
            failure: { "\($0) advertisement or pop-up signs on the page" })
    }

    private static func fileName(of url: String) -> String {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}
