import TiyanCore
import TiyanHTML

/// EL-10: form controls have a programmatic label (GB/T 37668-2019 可理解/兼容): `<label for>`,
/// a wrapping `<label>`, `aria-label`, `aria-labelledby` or `title`. A placeholder is no label.
struct FormLabels: Rule {
    static let id = "EL-10"
    let thresholds: RatioThresholds
    let controls: String

    init(settings: RuleSettings) throws {
        thresholds = try RatioThresholds(settings: settings)
        controls = try settings.xpath("controls")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let pages = try site.accessibilityPages(including: [.login, .elder])
        var total = 0
        var unlabelled: [Evidence] = []
        var first: Evidence?
        for page in pages {
            let labelTargets = Set(
                ((try? page.document.select("//label[@for]")) ?? []).compactMap { $0.attribute("for") })
            let wrapped = Set(((try? page.document.select("//label//*")) ?? []).map(\.xpath))
            for control in (try? page.document.select(controls)) ?? [] {
                total += 1
                if first == nil { first = page.evidence(control) }
                if !isLabelled(control, targets: labelTargets, wrapped: wrapped) {
                    unlabelled.append(page.evidence(control))
                }
            }
        }
        guard total > 0 else {
            return Finding(.notApplicable, value: .object([("controls", 0)]), reason: "the pages have no form controls")
        }
        let ratio = Double(total - unlabelled.count) / Double(total)
        let status = thresholds.status(ratio)
        return Finding(
            status,
            value: .object([
                ("ratio", .number(ratio)), ("controls", .number(Double(total))),
                ("unlabelled", .number(Double(unlabelled.count))),
                ("pages", .array(pages.map { .string($0.record.role.rawValue) })),
            ]),
            evidence: unlabelled.isEmpty ? first.map { [$0] } ?? [] : Array(unlabelled.prefix(10)),
            reason: unlabelled.isEmpty ? nil : "\(unlabelled.count) of \(total) form controls have no label",
            score: status == .partial ? ratio : nil)
    }

    private func isLabelled(_ control: HTMLElement, targets: Set<String>, wrapped: Set<String>) -> Bool {
        if let id = control.attribute("id"), !id.isEmpty, targets.contains(id) { return true }
        if wrapped.contains(control.xpath) { return true }
        for attribute in ["aria-label", "title"] where !(control.attribute(attribute) ?? "").trimmingWhitespace.isEmpty
        {
            return true
        }
        return !(control.attribute("aria-labelledby") ?? "").isEmpty
    }
}

extension String {
    var trimmingWhitespace: String { removingWhitespace }
}
