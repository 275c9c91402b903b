import TiyanCore
import TiyanHTML

/// PR-04: the login or registration page shows the policy or the agreement next to the consent
/// words (我已阅读并同意《隐私政策》), not only somewhere in the footer.
struct ConsentPrompt: Rule {
    static let id = "PR-04"
    let policyText: Pattern
    let agreementText: Pattern
    let consent: Pattern
    let maxLabelLength: Int

    init(settings: RuleSettings) throws {
        policyText = try settings.pattern("policy_link_text")
        agreementText = try settings.pattern("agreement_link_text")
        consent = try settings.pattern("consent_text")
        maxLabelLength = try settings.integer("max_label_length")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let pages = try ConsentPages(site)
        for source in pages.sources {
            for link in source.document.links
            where policyText.matches(link.text) || agreementText.matches(link.text) {
                guard let label = ConsentPages.label(
                    of: link.element, in: source.document, limit: maxLabelLength, matching: consent)
                else { continue }
                return Finding(
                    .pass, value: true, confidence: source.fragment?.confidence ?? .high,
                    evidence: [source.evidence(label, extra: [("link", .string(link.url ?? link.href))])])
            }
        }
        let evidence = pages.pages.map { $0.absenceEvidence(footer: "//form", "同意《隐私政策》") }
        let finding = Finding(
            .fail, value: false, evidence: evidence,
            reason: "no link to the policy or agreement next to 同意 / 已阅读 on the login or registration page")
        return pages.pages.contains { $0.shellReason == nil } ? finding : pages.pages[0].negative(finding)
    }
}
