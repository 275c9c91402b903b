import TiyanCore
import TiyanHTML

/// SV-08 一件事 (集成服务): the home page has a 一件事一次办 area, and how many 一件事 it lists. The
/// area is the nearest block around a short 一件事 title (a heading, a tab, a link) that holds
/// links besides the title and 更多; each such link is an item. A title that is itself a link is
/// an entry to a 一件事 page: alone, like a heading with no items beside it, it is partial (the
/// offer exists but its size cannot be seen from the home page).
struct IntegratedServices: Rule {
    static let id = "SV-08"
    let title: Pattern
    let titles: String
    let more: Pattern
    let maxTitleLength: Int
    let maxLevels: Int
    let minimumItems: Int
    let titleOnlyScore: Double

    init(settings: RuleSettings) throws {
        title = try settings.pattern("area_title")
        titles = try settings.xpath("area_titles")
        more = try settings.pattern("more_link")
        maxTitleLength = try settings.integer("max_entry_length")
        maxLevels = try settings.integer("max_levels")
        minimumItems = try settings.integer("min_items")
        titleOnlyScore = try settings.number("title_only_score")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.markPage()
        var best: (area: Area, evidence: Evidence, confidence: Confidence)?
        for source in MarkSearch(page: home, site: site).sources {
            for element in (try? source.document.select(titles)) ?? [] {
                let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty, text.count <= maxTitleLength, title.matches(text) else { continue }
                // A title that is a link (出生一件事, or 一件事一次办 in a mixed 热门服务 list) is an
                // entry, not a heading: what sits around it is not its items.
                let isLink = element.name == "a"
                    || !((try? source.document.select("ancestor::a", in: element)) ?? []).isEmpty
                    || ((try? source.document.select(".//a", in: element)) ?? []).contains {
                        $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == text
                    }
                let area = isLink ? Area(title: text, container: nil, items: [])
                    : self.area(around: element, title: text, in: source.document)
                if best == nil || area.items.count > (best?.area.items.count ?? 0) {
                    best = (area, source.evidence(area.container ?? element, area.container?.snippet ?? element.snippet),
                            source.confidence)
                }
            }
        }
        guard let best else {
            let finding = Finding(.fail, value: .object([("present", false), ("items", 0)]),
                                  evidence: [home.absence("no 一件事 area")],
                                  reason: "no 一件事 / 集成服务 area on the home page")
            return site.negative(finding, on: home, what: "一件事 area")
        }
        let items = best.area.items
        let value = JSONValue.object([
            ("present", true), ("title", .string(best.area.title)), ("items", .int(items.count)),
            ("names", .array(items.prefix(20).map(JSONValue.string))),
        ])
        var evidence = best.evidence
        evidence.extra.append(("items", .int(items.count)))
        if items.count >= minimumItems {
            return Finding(.pass, value: value, confidence: best.confidence, evidence: [evidence])
        }
        return Finding(.partial, value: value, confidence: best.confidence, evidence: [evidence],
                       reason: items.isEmpty
                           ? "a 一件事 title, but no items listed beside it on the home page"
                           : "the 一件事 area lists \(items.count) items (fewer than \(minimumItems))",
                       score: titleOnlyScore)
    }

    struct Area {
        var title: String
        var container: HTMLElement?
        var items: [String]
    }

    /// Climbs from the title to the first ancestor (up to `maxLevels`) that holds item links.
    private func area(around element: HTMLElement, title text: String, in document: HTMLDocument) -> Area {
        var path = element.xpath
        for _ in 0..<maxLevels {
            guard let cut = path.range(of: "/", options: .backwards), cut.lowerBound > path.startIndex else { break }
            path = String(path[..<cut.lowerBound])
            guard path.hasPrefix("/html/body/"), let container = (try? document.select(path))?.first else { break }
            var names: [String] = []
            for link in (try? document.select(".//a", in: container)) ?? [] {
                let name = link.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !name.isEmpty, name != text, !more.matches(name), !names.contains(name) else { continue }
                names.append(name)
            }
            if !names.isEmpty { return Area(title: text, container: container, items: names) }
        }
        return Area(title: text, container: nil, items: [])
    }
}
