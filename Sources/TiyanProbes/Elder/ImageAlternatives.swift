import TiyanCore

/// EL-09: images carry a text alternative (GB/T 37668-2019 可感知): a non-empty `alt`, or an
/// explicit mark of decoration (`alt=""`, `role=presentation|none`, `aria-hidden=true`).
struct ImageAlternatives: Rule {
    static let id = "EL-09"
    let thresholds: RatioThresholds
    let images: String

    init(settings: RuleSettings) throws {
        thresholds = try RatioThresholds(settings: settings)
        images = try settings.xpath("images")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let pages = try site.accessibilityPages(including: [.elder])
        var total = 0
        var missing: [Evidence] = []
        var first: Evidence?
        for page in pages {
            for image in (try? page.document.select(images)) ?? [] {
                total += 1
                if first == nil { first = page.evidence(image) }
                let role = image.attribute("role")?.lowercased()
                let described =
                    image.attribute("alt") != nil || role == "presentation" || role == "none"
                    || image.attribute("aria-hidden")?.lowercased() == "true"
                    || !(image.attribute("aria-label") ?? "").isEmpty || image.attribute("aria-labelledby") != nil
                if !described { missing.append(page.evidence(image)) }
            }
        }
        guard total > 0 else {
            return Finding(.notApplicable, value: .object([("images", 0)]), reason: "the pages show no images")
        }
        let ratio = Double(total - missing.count) / Double(total)
        let status = thresholds.status(ratio)
        let value = JSONValue.object([
            ("ratio", .number(ratio)), ("images", .number(Double(total))),
            ("missing_alt", .number(Double(missing.count))),
        ])
        return Finding(
            status, value: value, evidence: missing.isEmpty ? first.map { [$0] } ?? [] : Array(missing.prefix(10)),
            reason: missing.isEmpty ? nil : "\(missing.count) of \(total) images have no text alternative",
            score: status == .partial ? ratio : nil)
    }
}
