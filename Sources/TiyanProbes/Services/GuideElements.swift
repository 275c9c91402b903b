import TiyanCore
import TiyanHTML

/// The elements a 办事指南 must state (国务院办公厅 政务服务事项 办事指南 要素), read the way guides lay
/// them out: a label cell and its value cell (基本信息 table), a heading or tab and the section it
/// opens (tabbed guides: by `href="#…"` / `data-target` / `aria-controls`, else by position), a
/// term and its definition, or "label：value" in one line. A label whose value is empty or a
/// placeholder (暂无, —) states nothing: the element is missing and listed as `empty`.
struct GuideElements {
    static let keys = [
        "acceptance_conditions", "materials", "process", "time_limit_legal", "time_limit_promised", "fees",
        "place", "hours", "consultation_phone", "complaint_phone", "legal_basis", "result",
    ]

    struct Statement {
        var key: String
        var label: String
        var text: String
        var evidence: Evidence
    }

    struct Reading {
        var present: [Statement]
        var empty: [String]
        var missing: [String] { GuideElements.keys.filter { key in !present.contains { $0.key == key } } }
        var coverage: Double { Double(present.count) / Double(GuideElements.keys.count) }
    }

    let labels: [String: Pattern]
    let candidates: String
    let placeholder: Pattern
    let maxLabelLength: Int

    init(settings: RuleSettings) throws {
        var labels: [String: Pattern] = [:]
        for key in Self.keys { labels[key] = try settings.pattern("label_\(key)") }
        self.labels = labels
        candidates = try settings.xpath("label_elements")
        placeholder = try settings.pattern("placeholder_value")
        maxLabelLength = try settings.integer("max_label_length")
    }

    func read(_ page: SitePage, service: String) -> Reading {
        let document = page.document
        var present: [Statement] = []
        var empty: [String] = []
        for element in (try? document.select(candidates)) ?? [] {
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            for key in Self.keys where !present.contains(where: { $0.key == key }) {
                guard let pattern = labels[key] else { continue }
                var label = Self.withoutColon(text)
                var statement: (HTMLElement, String)?
                if label.count <= maxLabelLength, pattern.matches(label) {
                    statement = near(element, in: document)
                    if statement == nil, !empty.contains(key) { empty.append(key) }
                } else if let inline = inlineStatement(text, pattern) {
                    label = inline.label
                    statement = (element, inline.value)
                }
                guard let (where_, value) = statement else { continue }
                if placeholder.matches(value) {
                    if !empty.contains(key) { empty.append(key) }
                    continue
                }
                let snippet = "\(label)：\(value)"
                let evidence = page.evidence(
                    locator: where_.xpath, snippet: snippet,
                    extra: [("element", .string(key)), ("service", .string(service))])
                present.append(Statement(key: key, label: label, text: value, evidence: evidence))
                // One label may state two elements (办理地点/时间), so the loop goes on.
                empty.removeAll { $0 == key }
            }
        }
        let order = Self.keys
        present.sort { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }
        return Reading(present: present, empty: empty)
    }

    private static func withoutColon(_ text: String) -> String {
        var label = Substring(text)
        while let last = label.last, last == ":" || last == "：" || last.isWhitespace { label = label.dropLast() }
        return String(label)
    }

    /// "办理地点：市民中心三楼" in one element.
    private func inlineStatement(_ text: String, _ pattern: Pattern) -> (label: String, value: String)? {
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let head = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard !head.isEmpty, head.count <= maxLabelLength, pattern.matches(head) else { return nil }
        let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        return rest.isEmpty ? nil : (head, rest)
    }

    private func isLabel(_ text: String) -> Bool {
        let label = Self.withoutColon(text)
        return label.count <= maxLabelLength && labels.values.contains { $0.matches(label) }
    }

    /// The value a label introduces: the section a tab controls, the next sibling (value cell,
    /// definition, section body), the pane at the tab's position, or the next block after the
    /// label's wrapper.
    private func near(_ label: HTMLElement, in document: HTMLDocument) -> (HTMLElement, String)? {
        func usable(_ element: HTMLElement?) -> (HTMLElement, String)? {
            guard let element else { return nil }
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !isLabel(text) else { return nil }
            return (element, text)
        }
        let controls = ([label] + ((try? document.select(".//a | .//*[@data-target or @aria-controls]", in: label)) ?? []))
        for control in controls {
            for attribute in ["aria-controls", "data-target", "data-tab", "href"] {
                guard var id = control.attribute(attribute)?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
                    continue
                }
                if attribute == "href" || id.hasPrefix("#") {
                    guard id.hasPrefix("#"), id.count > 1 else { continue }
                    id.removeFirst()
                }
                guard !id.contains("'") else { continue }
                if let pane = usable((try? document.select("//*[@id='\(id)']"))?.first) { return pane }
            }
        }
        if let next = usable((try? document.select("following-sibling::*[1]", in: label))?.first) {
            // A label cell's value is the next cell, even when empty: never a cell of another row.
            if !next.1.isEmpty || ["td", "th", "dt"].contains(label.name) { return next.1.isEmpty ? nil : next }
        }
        if label.name == "li", let position = Self.position(in: label.xpath),
           let pane = usable((try? document.select("../following-sibling::*[1]/*[\(position)]", in: label))?.first),
           !pane.1.isEmpty {
            return pane
        }
        // A heading wrapped alone in its own block (<div class="title"><h3>受理条件</h3></div>): the next block.
        let parent = (try? document.select("..", in: label))?.first
        if let parent, parent.text.trimmingCharacters(in: .whitespacesAndNewlines) == label.text.trimmingCharacters(in: .whitespacesAndNewlines),
           let after = usable((try? document.select("following-sibling::*[1]", in: parent))?.first), !after.1.isEmpty {
            return after
        }
        return nil
    }

    /// `li[3]` at the end of an XPath is 3; a step without a position is the only one (1).
    static func position(in xpath: String) -> Int? {
        guard let step = xpath.split(separator: "/").last else { return nil }
        guard let open = step.firstIndex(of: "["), let close = step.lastIndex(of: "]") else { return 1 }
        return Int(step[step.index(after: open)..<close])
    }
}
