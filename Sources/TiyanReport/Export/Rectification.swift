public import TiyanCore
public import TiyanScoring

/// 整改清单: per target, every failing (then partial) indicator with its name, reason, evidence,
/// sources and what to change, for the office that must fix it. The same items feed the
/// printable HTML page, the XLSX sheet and the CSV.
public struct Rectification: Sendable {
    public struct Item: Sendable {
        public var targetID: String
        public var targetName: String
        public var rank: Int?
        public var result: IndicatorResult
        public var info: IndicatorGuide.Info
        /// The evidence's archived copy (relative to the run folder), when it has one.
        public var archived: String?
    }

    public var items: [Item]

    /// Targets in league-table order; within a target fails before partials, then by indicator id.
    public init(scores: ScoreTable, results: [IndicatorResult], pages: [PageLine], guide: IndicatorGuide) {
        let ranked = CompetitionRanking.rank(scores.rows.map { (id: $0.id, score: $0.total) })
        let names = Dictionary(scores.rows.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let byTarget = Dictionary(grouping: results.filter { $0.status == .fail || $0.status == .partial }, by: \.target)
        var copies: [String: String] = [:]
        for page in pages where ArchivedCopy.isKept(page) {
            guard let offset = page.warcOffset else { continue }
            for url in [page.url, page.finalURL] where copies[page.target + "\u{0}" + url] == nil {
                copies[page.target + "\u{0}" + url] = ArchivedCopy.path(offset: offset)
            }
        }
        items = ranked.flatMap { entry -> [Item] in
            let failing = (byTarget[entry.id] ?? []).sorted { a, b in
                a.status != b.status ? a.status == .fail : Array(a.indicator.utf8).lexicographicallyPrecedes(Array(b.indicator.utf8))
            }
            return failing.map { result in
                let url = result.evidence.first { !$0.url.isEmpty }?.url ?? ""
                return Item(targetID: entry.id, targetName: names[entry.id] ?? "", rank: entry.rank, result: result,
                            info: guide.info(for: result.indicator), archived: copies[entry.id + "\u{0}" + url])
            }
        }
    }

    public static let header = ["排名 rank", "目标 target", "名称 name", "指标 indicator", "指标名称 name", "English",
                                "模块 module", "状态 status", "得分 score", "原因 reason", "证据 evidence",
                                "存档 archived copy", "依据 source", "合格要求 pass needs", "整改建议 fix"]

    /// One row per item, as the sheet and the CSV carry it.
    public func rows() -> [[String]] {
        items.map { item in
            [item.rank.map(String.init) ?? "", item.targetID, item.targetName, item.result.indicator, item.info.name,
             item.info.english ?? "", item.result.module, item.result.status.rawValue,
             item.result.score.map { String(format: "%.2f", locale: nil, $0) } ?? "",
             item.result.reason ?? "", Self.evidenceText(item.result.evidence), item.archived ?? "",
             item.info.sources.map(\.text).joined(separator: "\n"), item.info.pass ?? "", item.info.fix ?? ""]
        }
    }

    /// The first three evidence items: URL, locator and snippet, one per line.
    static func evidenceText(_ evidence: [Evidence]) -> String {
        var lines: [String] = []
        for item in evidence.prefix(3) {
            lines.append([item.url, item.locator, item.snippet].filter { !$0.isEmpty }.joined(separator: " · "))
        }
        if evidence.count > 3 { lines.append("(+\(evidence.count - 3) more in results.jsonl)") }
        return lines.joined(separator: "\n")
    }
}
