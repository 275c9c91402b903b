import TiyanCore

/// EL-08: pages let visitors zoom: no `<meta name="viewport">` with `user-scalable=no` or a
/// maximum scale of 1, on the elder page, the home page and the page phones get.
struct ZoomAllowed: Rule {
    static let id = "EL-08"
    let blocking: Pattern

    init(settings: RuleSettings) throws {
        blocking = try settings.pattern("zoom_blocking")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let pages = try site.accessibilityPages(including: [.homeMobile, .elder])
        let home = pages[0]
        var blocked: [Evidence] = []
        var allowing: [Evidence] = []
        for page in pages {
            for meta in page.document.metas where meta.name?.lowercased() == "viewport" {
                if let match = blocking.firstMatch(in: meta.content) {
                    blocked.append(page.evidence(meta.element, extra: [("blocks_zoom", .string(match))]))
                } else {
                    allowing.append(page.evidence(meta.element))
                }
            }
        }
        let value = JSONValue.object([
            ("zoom_allowed", .bool(blocked.isEmpty)),
            ("pages", .array(pages.map { .string($0.record.role.rawValue) })),
        ])
        if blocked.isEmpty {
            return Finding(
                .pass, value: value, evidence: allowing.isEmpty ? [home.scopeEvidence("no viewport meta")] : allowing,
                reason: allowing.isEmpty ? "no viewport meta: browsers allow zooming" : nil)
        }
        return Finding(.fail, value: value, evidence: blocked, reason: "a viewport meta forbids zooming")
    }
}
