import TiyanCore

/// One issued query judged: its results, which of the first k are relevant, or why the
/// response could not be judged.
struct QueryOutcome {
    let record: FetchRecord
    let query: SearchQuery
    /// Why the response could not be judged: a fetch failure or challenge (the citizen got
    /// nothing), or `undetermined` when tiyan could not read an answer (see `isUnreadable`).
    var failure: (status: Status, reason: String)?
    let items: [ResultItem]
    /// Relevance of the first `query.k` items.
    let relevant: [Bool]
    /// Service, news or other, for the first `query.k` items (evidence only).
    let kinds: [ResultKind]
    /// The result page is a script shell that showed no items: its results are not in the HTML.
    let shell: Bool
    /// How the engine's result list was found.
    let source: ResultListSource?
    /// What the page says of its results (共找到 12 条结果, 抱歉，没有找到…).
    let statement: String?

    var isBase: Bool { query.variant == nil }
    var hasResults: Bool { !items.isEmpty }
    /// An answer tiyan could not read: it neither counts as results nor as none.
    var isUnreadable: Bool { failure?.status == .undetermined }
    /// No answer reached the citizen: counted as no results.
    var isTransportFailure: Bool { failure != nil && !isUnreadable }
    var firstIsRelevant: Bool { relevant.first == true }

    /// 1-based rank of the first relevant result among the first k; nil when none.
    var firstRelevantRank: Int? { relevant.firstIndex(of: true).map { $0 + 1 } }

    /// Relevant results among the first five, over five whatever the number of results (SPEC.md).
    var precisionAtFive: Double { Double(relevant.prefix(5).filter { $0 }.count) / 5 }

    /// What the citizen saw, for evidence: the query, the URL and the top results.
    var evidence: Evidence {
        var summary: String
        if let failure {
            summary = "\(failure.status.rawValue): \(failure.reason)"
        } else if shell {
            summary = "script-rendered result page, no items in the HTML"
        } else {
            summary = "\(items.count) results"
            if let first = items.first { summary += "; 1. \(SearchText.plain(first.title))" }
        }
        let label = query.variant.map { "\($0) variant of \(query.base)" } ?? "query"
        let top: [JSONValue] = items.prefix(query.k).enumerated().map { index, item in
            .object([
                ("rank", .int(index + 1)), ("title", .string(SearchText.plain(item.title))),
                ("link", .string(item.link)), ("relevant", .bool(relevant[index])),
                ("type", .string(kinds[index].rawValue)), ("locator", .string(item.locator)),
            ])
        }
        var extra: [(String, JSONValue)] = [("query", .string(query.text))]
        if let variant = query.variant { extra += [("variant", .string(variant)), ("base_query", .string(query.base))] }
        extra += [("ms", .int(record.elapsedMilliseconds))]
        if let statement { extra.append(("page_says", .string(statement))) }
        if let source { extra += source.extra }
        extra.append(("results", .array(top)))
        return Evidence(url: record.url, locator: "search_results",
                        snippet: Evidence.clip("\(label) \"\(query.text)\": \(summary)"), extra: extra)
    }
}
