import Foundation
import TiyanCore
import TiyanHTML

/// The form in which a portal publishes its policy or agreement. A PDF, a page of images or a
/// frame is still a policy, but its text is not in the HTML: rules that read the text say so
/// instead of failing it.
enum PolicyForm: String {
    case html
    case pdf
    case image
    case frame
}

/// The copy of a document (role `privacy` or `agreement`) a rule judges: the fetched page with
/// the most text, else a PDF, a frame or an image-only page.
struct PolicyCopy {
    var form: PolicyForm
    var record: FetchRecord
    /// The parsed page; nil for a PDF.
    var page: SitePage?
    /// What shows the form: the image, the frame, or the page body.
    var evidence: Evidence

    var url: String { record.finalURL }

    /// Chinese characters in a text (CJK Unified Ideographs and Extension A).
    static func chineseCharacterCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { count, scalar in
            (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) ? count + 1 : count
        }
    }

    /// The best copy of the role's document. Throws `PageUnavailable` (with `ifAbsent` when the
    /// crawl has none) when no fetch of it can be judged.
    static func locate(
        _ role: PageRole, in site: SiteContext, minCharacters: Int, ifAbsent: Status = .undetermined
    ) throws -> PolicyCopy {
        let records = site.records(role)
        guard !records.isEmpty else {
            throw PageUnavailable(ifAbsent, reason: "no \(role.rawValue) page was fetched")
        }
        var best: (copy: PolicyCopy, rank: Int)?
        var failure: PageUnavailable?
        for record in records {
            let judged = judge(record, in: site, minCharacters: minCharacters)
            switch judged {
            case let .success(candidate):
                if best == nil || candidate.rank > (best?.rank ?? 0) { best = candidate }
            case let .failure(unavailable):
                failure = failure ?? unavailable
            }
        }
        if let best { return best.copy }
        throw failure ?? PageUnavailable(ifAbsent, reason: "no \(role.rawValue) page was fetched")
    }

    private static func judge(
        _ record: FetchRecord, in site: SiteContext, minCharacters: Int
    ) -> Result<(copy: PolicyCopy, rank: Int), PageUnavailable> {
        if isPDF(record) {
            let evidence = Evidence(
                url: record.finalURL, locator: "document",
                snippet: "PDF document, \(record.body.count) bytes (\(record.contentType ?? "no content type"))",
                extra: [("form", "pdf")])
            return .success((PolicyCopy(form: .pdf, record: record, page: nil, evidence: evidence), 2))
        }
        switch FetchOutcome.judge(record, parse: site.parse) {
        case let .failed(status, reason, evidence):
            return .failure(PageUnavailable(status, reason: reason, evidence: [evidence]))
        case let .usable(page):
            let characters = chineseCharacterCount(page.document.visibleText)
            // Rank text first (the more the better), then a frame, then images.
            if characters >= minCharacters {
                let body = (try? page.document.select("/html/body"))?.first
                let evidence =
                    body.map { page.evidence(locator: $0.xpath, snippet: Evidence.clip(page.document.visibleText)) }
                    ?? page.evidence(locator: "/html", snippet: Evidence.clip(page.document.visibleText))
                return .success((PolicyCopy(form: .html, record: record, page: page, evidence: evidence), 10 + characters))
            }
            if let frame = (try? page.document.select("//iframe[@src] | //embed[@src] | //object[@data]"))?.first {
                return .success((PolicyCopy(form: .frame, record: record, page: page, evidence: page.evidence(frame)), 3))
            }
            if let image = (try? page.document.select("//body//img[@src]"))?.first {
                return .success((PolicyCopy(form: .image, record: record, page: page, evidence: page.evidence(image)), 1))
            }
            if let reason = page.shellReason {
                return .failure(PageUnavailable(
                    .undetermined, reason: "the \(record.role.rawValue) page is a script shell (\(reason))",
                    evidence: [page.evidence(locator: "/html", snippet: Evidence.clip(page.document.visibleText))]))
            }
            let evidence = page.evidence(locator: "/html/body", snippet: Evidence.clip(page.document.visibleText))
            return .success((PolicyCopy(form: .html, record: record, page: page, evidence: evidence), 4 + characters))
        }
    }

    /// The crawler records a PDF as `not_html` and keeps its bytes; a PDF is known by its type
    /// or by its magic number (servers label PDFs application/octet-stream too).
    static func isPDF(_ record: FetchRecord) -> Bool {
        guard record.status.map({ (200..<300).contains($0) }) ?? false else { return false }
        if record.contentType?.lowercased().contains("pdf") == true { return true }
        return record.body.starts(with: Array("%PDF-".utf8))
    }

    /// A rule that reads the text: a copy without text in the HTML cannot be judged.
    func readable(_ what: String) throws -> SitePage {
        guard form == .html, let page else {
            let kind: String
            switch form {
            case .pdf: kind = "a PDF document"
            case .image: kind = "an image-only page"
            case .frame: kind = "a page that shows it in a frame"
            case .html: kind = "not parsed"
            }
            throw PageUnavailable(
                .undetermined, reason: "the \(record.role.rawValue) document is \(kind); \(what) needs its text",
                evidence: [evidence])
        }
        return page
    }
}
