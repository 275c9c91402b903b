import TiyanCore
import TiyanHTML

/// How one fetch of a page turned out, judged the same way for every rule.
enum FetchOutcome {
    case usable(SitePage)
    case failed(status: Status, reason: String, evidence: Evidence)

    static let fetchLocator = "fetch"

    static func judge(_ record: FetchRecord, parse: (FetchRecord) -> SitePage) -> FetchOutcome {
        if let error = record.error {
            if error == .http4xx || error == .http5xx, record.hasBody, case .challenge = parse(record).nature {
                return challenge(record, parse(record))
            }
            let detail = record.errorDetail.map { " (\($0))" } ?? ""
            let status = record.status.map { "HTTP \($0), " } ?? ""
            return .failed(
                status: error.indicatorStatus,
                reason: "the page could not be fetched: \(status)\(error.rawValue)\(detail)",
                evidence: evidence(record, "\(status)error: \(error.rawValue)\(detail)"))
        }
        guard let code = record.status else {
            return .failed(status: .unreachable, reason: "no response", evidence: evidence(record, "no response"))
        }
        let page = parse(record)
        if case .challenge = page.nature { return challenge(record, page) }
        guard (200..<300).contains(code) else {
            return .failed(
                status: .unreachable, reason: "the page answered HTTP \(code)",
                evidence: evidence(record, "HTTP \(code)"))
        }
        guard !record.body.isEmpty else {
            return .failed(
                status: .unreachable, reason: "the page answered with an empty body",
                evidence: evidence(record, "HTTP \(code), empty body"))
        }
        return .usable(page)
    }

    private static func challenge(_ record: FetchRecord, _ page: SitePage) -> FetchOutcome {
        var reason = "bot challenge"
        if case let .challenge(marker) = page.nature { reason += " (\(marker))" }
        return .failed(
            status: .blocked, reason: "the page answered with a \(reason)",
            evidence: evidence(record, "HTTP \(record.status.map(String.init) ?? "-"): \(reason)"))
    }

    static func evidence(_ record: FetchRecord, _ snippet: String) -> Evidence {
        Evidence(url: record.url, locator: fetchLocator, snippet: snippet)
    }
}
