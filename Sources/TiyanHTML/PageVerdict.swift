public import TiyanCore

/// What a page-role response is to the probes: a bot challenge or a body that is not a page
/// are error classes of their own (SPEC.md). These are readings, not observations: the archive
/// stores the response as the fetcher saw it and every reader of it derives them again with
/// the markers of probes/page-nature.yaml.
public enum PageVerdict {
    /// The record as the probes judge it: with `challenge` / `not_html` and the reason in
    /// `errorDetail` when its bytes say so, otherwise as archived. `document` is the parsed
    /// body if the caller already has it.
    public static func judged(
        _ archived: FetchRecord, markers: PageNatureMarkers, document: HTMLDocument? = nil
    ) -> (record: FetchRecord, document: HTMLDocument?) {
        let verdict = judgedWithNature(archived, markers: markers, document: document)
        return (verdict.record, verdict.document)
    }

    /// As `judged`, with the page's nature (nil for records that are not judged), so a caller
    /// that also asks "is this a script shell?" does not classify the page a second time.
    public static func judgedWithNature(
        _ archived: FetchRecord, markers: PageNatureMarkers, document: HTMLDocument? = nil
    ) -> (record: FetchRecord, document: HTMLDocument?, nature: PageNature?) {
        // Only pages were ever read this way; other records are judged as archived.
        guard isJudged(archived) else { return (archived, nil, nil) }
        var record = observed(archived)
        let page = document ?? (looksLikeHTML(record)
            ? HTMLDocument(data: record.body, contentType: record.contentType, url: record.finalURL) : nil)
        let nature = PageNature.classify(
            status: record.status, headers: record.headers, body: record.body, document: page, markers: markers)
        if case let .challenge(reason) = nature {
            record.error = .challenge
            record.errorDetail = reason
        } else if record.error == nil, page == nil, !record.body.isEmpty {
            record.error = .notHTML
            record.errorDetail = "content type \(record.contentType ?? "none")"
        }
        return (record, page, nature)
    }

    /// Pages a citizen would see that answered; a search API's JSON answer is a result list,
    /// not a page that is "not HTML".
    static func isJudged(_ record: FetchRecord) -> Bool {
        guard record.role.isPage, record.status != nil else { return false }
        let json = record.role == .searchResults && (record.contentType?.lowercased().contains("json") ?? false)
        return !json
    }

    /// The record without a verdict that archives written before page nature was re-derived
    /// stored: the error class goes back to what the status says, as the fetcher gives it.
    public static func observed(_ record: FetchRecord) -> FetchRecord {
        guard record.error == .challenge || record.error == .notHTML else { return record }
        var observed = record
        switch record.status ?? 0 {
        case 400..<500: observed.error = .http4xx
        case 500...: observed.error = .http5xx
        default: observed.error = nil
        }
        observed.errorDetail = observed.error == nil ? nil : "HTTP \(record.status ?? 0)"
        return observed
    }

    /// The Content-Type says HTML or XML, or says nothing useful and the first bytes look like
    /// markup.
    public static func looksLikeHTML(_ record: FetchRecord) -> Bool {
        if let type = record.contentType?.lowercased() {
            if type.contains("html") || type.contains("xml") { return true }
            if !type.hasPrefix("text/plain") && !type.isEmpty { return false }
        }
        let head = String(decoding: record.body.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
            || head.contains("<body")
    }
}
