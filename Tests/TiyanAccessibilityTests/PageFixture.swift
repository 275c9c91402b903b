import TiyanAccessibility
import TiyanHTML

/// A page built from a body fragment, and its elements by id.
struct PageFixture {
    let page: AccessiblePage

    init(_ body: String, head: String = "<title>t</title>") {
        let html = "<!DOCTYPE html><html lang=\"zh\"><head>\(head)</head><body>\(body)</body></html>"
        page = AccessiblePage(tree: HTMLDocument(html: html, url: "https://www.example.gov.cn/").tree,
                              url: "https://www.example.gov.cn/", source: html)
    }

    subscript(id: String) -> Int {
        guard let node = page.tree.element(id: id) else { fatalError("no element #\(id) in the fixture") }
        return node
    }

    static let configuration = ACTConfiguration(
        languageTags: LanguageTagValidator(primarySubtags: ["en", "zh", "fr", "yue"]),
        autocomplete: AutocompleteGrammar(
            fieldNames: ["name", "email", "tel", "bday-day", "street-address", "photo"], contactFields: ["email", "tel"]))

    func outcomes<Rule: ACTRule>(_ rule: Rule.Type) -> [ACTOutcome] {
        Rule(configuration: Self.configuration).targets(in: page).map(\.outcome)
    }
}
