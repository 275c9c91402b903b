import Foundation
import TiyanCore

/// SB-10: coverage of the 政府网站 page meta tags on the home page. A script shell may add them
/// at run time, so on a shell only their presence is a finding.
struct PageMetadata: Rule {
    static let id = "SB-10"
    let names: [String]
    let passCoverage: Double

    init(settings: RuleSettings) throws {
        names = try settings.keywords("names")
        passCoverage = try settings.number("pass_coverage")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let page = try site.markPage()
        var present: [JSONValue] = []
        var missing: [JSONValue] = []
        var evidence: [Evidence] = []
        for name in names {
            let meta = page.document.metas.first {
                $0.name?.caseInsensitiveCompare(name) == .orderedSame
                    && !$0.content.trimmingCharacters(in: .whitespaces).isEmpty
            }
            if let meta {
                present.append(.string(name))
                evidence.append(page.evidence(meta.element))
            } else {
                missing.append(.string(name))
            }
        }
        let coverage = names.isEmpty ? 0 : Double(present.count) / Double(names.count)
        let value = JSONValue.object([
            ("present", .array(present)), ("missing", .array(missing)), ("coverage", .number(coverage)),
        ])
        if !missing.isEmpty {
            let head = (try? page.document.select("/html/head"))?.first
            let note = JSONValue.array(missing)
            evidence.append(
                head.map { page.evidence($0, extra: [("missing", note)]) }
                    ?? page.evidence(locator: "/html/head", snippet: "", extra: [("missing", note)]))
        }
        let status: Status = coverage >= passCoverage ? .pass : coverage > 0 ? .partial : .fail
        let finding = Finding(status, value: value, evidence: evidence, score: status == .partial ? coverage : nil)
        return status == .pass ? finding : page.negative(finding)
    }
}
