import TiyanCore
import TiyanHTML

/// SV-15 省市入口连通: a provincial portal links to its cities' (地市) service portals, and those
/// links answer. The prefecture count per province (`prefectures`, 行政区划代码:count) is data with
/// its source; the links are the home page's links whose text is a city's name and that lead to
/// another host; the crawl checked them (roles `city_check`, or `link_check` when SB-11 already
/// had). All cities linked and all answering passes; some is partial, scored by the share linked
/// times the share answering; none linked fails. A target that is not a province is not applicable.
struct CityPortals: Rule {
    static let id = "SV-15"
    let counts: [String: Int]
    let cityName: Pattern
    let minimumLinks: Int

    init(settings: RuleSettings) throws {
        var counts: [String: Int] = [:]
        for entry in try settings.keywords("prefectures") {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let count = Int(parts[1]), count > 0 else {
                throw settings.invalid("prefectures", "expected 行政区划代码:count, found \(entry)")
            }
            counts[String(parts[0])] = count
        }
        self.counts = counts
        cityName = try settings.pattern("city_name")
        minimumLinks = try settings.integer("min_links")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.markPage()
        let region = site.site.target.region
        guard let expected = counts[region] else {
            return Finding(.notApplicable, evidence: [home.evidence(locator: "target.region", snippet: region)],
                           reason: "region \(region) is not a province-level code with a prefecture count")
        }
        let host = URLResolver.host(of: home.url)
        var links: [(name: String, url: String, evidence: Evidence)] = []
        for source in MarkSearch(page: home, site: site).sources {
            for link in source.document.links {
                let name = link.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard let url = link.url, cityName.matches(name), URLResolver.host(of: url) != host,
                      !links.contains(where: { $0.name == name || $0.url == url }) else { continue }
                links.append((name, url, source.evidence(link.element, link.element.snippet)))
            }
        }
        if links.count < minimumLinks { links = [] }
        guard !links.isEmpty else {
            let finding = Finding(.fail, value: .object([("prefectures", .int(expected)), ("linked", 0)]),
                                  evidence: [home.absence("no city-entry block")],
                                  reason: "no links to the province's \(expected) city portals on the home page")
            return site.negative(finding, on: home, what: "city-entry block")
        }
        var answered: [String] = []
        var dead: [JSONValue] = []
        var evidence = Array(links.prefix(3).map(\.evidence))
        var checked = 0
        for link in links {
            guard let record = site.site.resources.first(where: {
                ($0.role == .cityCheck || $0.role == .linkCheck) && $0.url == link.url
            }) else { continue }
            checked += 1
            if record.error == nil, let status = record.status, (200..<400).contains(status) {
                answered.append(link.name)
            } else {
                let what = record.error.map { "\(record.status.map { "HTTP \($0), " } ?? "")\($0.rawValue)" }
                    ?? "HTTP \(record.status.map(String.init) ?? "-")"
                dead.append(.object([("name", .string(link.name)), ("url", .string(link.url)), ("answer", .string(what))]))
                evidence.append(FetchOutcome.evidence(record, "\(link.name): \(what)"))
            }
        }
        let linkedShare = min(1, Double(links.count) / Double(expected))
        let value = JSONValue.object([
            ("prefectures", .int(expected)), ("linked", .int(links.count)), ("checked", .int(checked)),
            ("answered", .int(answered.count)), ("names", .array(links.map { .string($0.name) })), ("dead", .array(dead)),
        ])
        guard checked > 0 else {
            return Finding(.undetermined, value: value, evidence: evidence,
                           reason: "the city links were not checked (page budget)")
        }
        let answeringShare = Double(answered.count) / Double(checked)
        if links.count >= expected, answered.count == checked, checked == links.count {
            return Finding(.pass, value: value, evidence: evidence)
        }
        var missing: [String] = []
        if links.count < expected { missing.append("\(links.count) of \(expected) cities linked") }
        if !dead.isEmpty { missing.append("\(dead.count) of \(checked) checked links do not answer") }
        if checked < links.count { missing.append("\(links.count - checked) links not checked") }
        return Finding(.partial, value: value, evidence: evidence, reason: missing.joined(separator: "; "),
                       score: linkedShare * answeringShare)
    }
}
