import TiyanCore
import TiyanHTML

/// PR-08: the policy lists the third parties (SDKs, 共享清单) item by item: a table or list
/// about them, or a link to a list page. Value `{"listed":…,"count":N}`.
struct SharingList: Rule {
    static let id = "PR-08"
    let mention: Pattern
    let listLink: Pattern
    let rowTopic: Pattern
    let minCharacters: Int

    init(settings: RuleSettings) throws {
        mention = try settings.pattern("mention")
        listLink = try settings.pattern("list_link")
        rowTopic = try settings.pattern("row_topic")
        minCharacters = try settings.integer("min_policy_characters")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let copy = try PolicyCopy.locate(.privacy, in: site, minCharacters: minCharacters)
        let page = try copy.readable("the third-party list")
        let document = page.document
        for table in (try? document.select("//table")) ?? [] where rowTopic.matches(table.text) && mention.matches(table.text) {
            let rows = ((try? document.select("\(table.xpath)//tr")) ?? []).filter { !$0.text.isEmpty }
            let count = max(0, rows.count - 1)
            guard count > 0 else { continue }
            return Finding(
                .pass, value: .object([("listed", true), ("count", .number(Double(count)))]),
                evidence: [page.evidence(table)])
        }
        for list in (try? document.select("//ul | //ol")) ?? [] {
            let items = ((try? document.select("\(list.xpath)/li")) ?? []).filter { mention.matches($0.text) }
            guard items.count >= 2 else { continue }
            return Finding(
                .pass, value: .object([("listed", true), ("count", .number(Double(items.count)))]),
                evidence: [page.evidence(list)])
        }
        if let link = document.links.first(where: { listLink.matches($0.text) && mention.matches($0.text) }) {
            return Finding(
                .pass, value: .object([("listed", true), ("count", nil)]), confidence: .medium,
                evidence: [page.evidence(link.element)], reason: "the list is on a page of its own")
        }
        let text = PolicyText(page: page)
        if let sentence = text.sentences.first(where: { mention.matches($0.text) }) {
            return Finding(
                .partial, value: .object([("listed", false), ("count", 0)]), evidence: [text.evidence(sentence)],
                reason: "third parties are mentioned but not listed item by item", score: 0.5)
        }
        return page.negative(Finding(
            .fail, value: .object([("listed", false), ("count", 0)]), evidence: [copy.evidence],
            reason: "the policy names no SDK or third-party list"))
    }
}
