import TiyanCore
import TiyanHTML

/// SR-06: search aids a citizen can see or use: hot words, suggestions (联想 endpoints), sorting
/// and category tabs (事项/政策/问答). Looked for in the markup and scripts of the home page and
/// of the result pages the crawl fetched.
struct SearchAids: Rule {
    static let id = "SR-06"
    let judging: SearchJudging
    let flags: [(name: String, pattern: Pattern)]
    let minFlags: Int

    init(settings: RuleSettings) throws {
        judging = try SearchJudging(settings: settings)
        flags = [
            ("hot_words", try settings.pattern("hot_words")), ("suggestions", try settings.pattern("suggestions")),
            ("sort", try settings.pattern("sort")), ("category_tabs", try settings.pattern("category_tabs")),
        ]
        minFlags = try settings.integer("min_flags")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let run = try judging.run(site)
        let home = try site.page(.home)
        var sources: [(url: String, text: String)] = [(home.url, home.document.decoding.text)]
        let loaded = Set(home.document.scripts.compactMap(\.url))
        for record in site.records(.script) where record.hasBody && record.error == nil
            && (loaded.contains(record.url) || loaded.contains(record.finalURL)) {
            sources.append((record.finalURL, site.text(of: record)))
        }
        for outcome in run.bases where outcome.failure == nil {
            sources.append((outcome.record.url,
                            CharsetDecoder.decode(outcome.record.body, contentType: outcome.record.contentType).text))
        }
        var value: [(String, JSONValue)] = []
        var evidence: [Evidence] = []
        var present = 0
        for flag in flags {
            let hit = sources.lazy.compactMap { source in flag.pattern.firstMatch(in: source.text).map { (source.url, $0) } }.first
            value.append((flag.name, .bool(hit != nil)))
            if let (url, match) = hit {
                present += 1
                evidence.append(Evidence(url: url, locator: "source", snippet: Evidence.clip(match),
                                         extra: [("aid", .string(flag.name))]))
            }
        }
        value.append(("count", .int(present)))
        let missing = flags.map(\.name).filter { name in value.contains { $0.0 == name && $0.1 == false } }
        if !missing.isEmpty {
            evidence.append(home.evidence(
                locator: "source", snippet: "not found in the home page, its scripts or the result pages: "
                    + missing.joined(separator: ", ")))
        }
        let finding = Finding(present >= minFlags ? .pass : .fail, value: .object(value),
                              confidence: .medium, evidence: evidence,
                              reason: "\(present) of \(flags.count) search aids found")
        return present >= minFlags ? finding : home.negative(finding)
    }
}
