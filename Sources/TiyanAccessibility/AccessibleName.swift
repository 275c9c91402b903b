import Foundation
import TiyanHTML

/// The accessible name computation (Accessible Name and Description Computation 1.2 §4.3, with
/// the native sources of HTML-AAM §4.1): aria-labelledby, embedded controls, aria-label, the
/// host language (label, alt, legend, caption, figcaption, svg title, button values), name from
/// content, then the tooltip (`title`). No CSS generated content: static markup has none.
extension AccessiblePage {
    struct NameStep {
        /// Inside an aria-labelledby traversal: aria-labelledby is not followed again.
        var inLabelledBy = false
        /// Computing a part of another element's name (2F "recursion").
        var recursion = false
        /// The node directly referenced by aria-labelledby was hidden: hidden content counts.
        var includeHidden = false
    }

    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    ]
    static let labelable: Set<String> = ["button", "input", "meter", "output", "progress", "select", "textarea"]
    static let textInputTypes: Set<String> = ["", "text", "email", "tel", "url", "search", "password", "number"]

    /// The element's accessible name, white space collapsed; empty when it has none.
    public func accessibleName(_ index: Int) -> String {
        if let known = nameCache[index] { return known }
        let name = Self.collapse(name(of: index, NameStep()))
        nameCache[index] = name
        return name
    }

    /// The accessible description (Accessible Name and Description Computation 1.2 §4.3 for
    /// `aria-describedby`, HTML-AAM for `title` when the title did not already give the name).
    public func accessibleDescription(_ index: Int) -> String {
        if let ids = nonEmptyAttribute(index, "aria-describedby") {
            let parts = ids.split(whereSeparator: \.isWhitespace).compactMap { tree.element(id: String($0)) }.map {
                Self.collapse(name(of: $0, NameStep(inLabelledBy: true, recursion: true, includeHidden: hiddenForNaming($0))))
            }
            let joined = parts.filter { !$0.isEmpty }.joined(separator: " ")
            if !joined.isEmpty { return joined }
        }
        if let title = nonEmptyAttribute(index, "title"), Self.collapse(title) != accessibleName(index) {
            return Self.collapse(title)
        }
        return ""
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func hiddenForNaming(_ index: Int) -> Bool { isProgrammaticallyHidden(index) }

    func name(of index: Int, _ step: NameStep) -> String {
        let node = tree[index]
        if !node.isElement {
            return step.includeHidden || !hiddenForNaming(index) ? node.text : ""
        }
        if !step.includeHidden, hiddenForNaming(index) { return "" }

        // 2B aria-labelledby
        if !step.inLabelledBy, let ids = nonEmptyAttribute(index, "aria-labelledby") {
            let parts = ids.split(whereSeparator: \.isWhitespace).compactMap { tree.element(id: String($0)) }.map {
                referenced in
                name(of: referenced, NameStep(inLabelledBy: true, recursion: true, includeHidden: hiddenForNaming(referenced)))
            }
            let joined = Self.collapse(parts.map(Self.collapse).joined(separator: " "))
            if !joined.isEmpty { return joined }
        }
        let role = self.role(index)
        // 2C embedded control, when it is part of another element's name
        if step.recursion, let value = embeddedControlValue(index, role: role) { return value }
        // 2D aria-label
        if let label = nonEmptyAttribute(index, "aria-label") { return label }
        // 2E host language
        let native = nativeName(index, step)
        if !Self.collapse(native).isEmpty { return native }
        // 2F name from content
        let fromContent = step.recursion || role.flatMap(ARIARoles.role)?.nameFromContent == true
            || node.name == "summary" || (node.name == "label")
        if fromContent, !(Self.isPresentational(role) && !step.recursion) {
            let content = contentName(index, step)
            if !Self.collapse(content).isEmpty { return content }
        }
        // 2I tooltip
        if let title = nonEmptyAttribute(index, "title") { return title }
        if node.name == "input" || node.name == "textarea",
           let placeholder = nonEmptyAttribute(index, "placeholder") ?? nonEmptyAttribute(index, "aria-placeholder")
        {
            return placeholder
        }
        return ""
    }

    private func embeddedControlValue(_ index: Int, role: String?) -> String? {
        let node = tree[index]
        switch role {
        case "textbox", "searchbox":
            if node.name == "textarea" { return tree.textContent(of: index) }
            if node.name == "input" { return node.attribute("value") ?? "" }
            return tree.textContent(of: index)
        case "combobox", "listbox":
            if node.name == "select" {
                let options = tree.descendants(of: index).filter { tree[$0].name == "option" }
                let selected = options.filter { tree[$0].hasAttribute("selected") }
                let chosen = selected.isEmpty ? Array(options.prefix(node.hasAttribute("multiple") ? 0 : 1)) : selected
                return chosen.map { tree.textContent(of: $0) }.joined(separator: " ")
            }
            if node.name == "input" { return node.attribute("value") ?? "" }
            return nil
        case "slider", "spinbutton", "progressbar", "scrollbar", "meter":
            return nonEmptyAttribute(index, "aria-valuetext") ?? nonEmptyAttribute(index, "aria-valuenow")
                ?? node.attribute("value") ?? ""
        default:
            return nil
        }
    }

    private func nativeName(_ index: Int, _ step: NameStep) -> String {
        let node = tree[index]
        let child = NameStep(inLabelledBy: step.inLabelledBy, recursion: true, includeHidden: step.includeHidden)
        switch node.name {
        case "input":
            let type = attribute(index, "type")?.lowercased() ?? "text"
            switch type {
            case "button": return node.attribute("value") ?? ""
            case "submit", "reset":
                if let value = node.attribute("value") { return value }
                return type == "submit" ? "Submit" : "Reset"
            case "image":
                return node.attribute("alt") ?? ""
            default:
                return labelText(index, child)
            }
        case "button", "select", "textarea", "meter", "output", "progress":
            return labelText(index, child)
        case "img", "area":
            return node.attribute("alt") ?? ""
        case "fieldset":
            return firstChild(index, named: "legend").map { contentName($0, child) } ?? ""
        case "table":
            return firstChild(index, named: "caption").map { contentName($0, child) } ?? ""
        case "figure":
            return firstChild(index, named: "figcaption").map { contentName($0, child) } ?? ""
        default:
            // SVG-AAM: any SVG element is named by its first `<title>` child.
            guard !isHTML(index), ancestor(of: index, named: ["svg"]) != nil || node.name == "svg" else { return "" }
            return firstChild(index, named: "title").map { tree.textContent(of: $0) } ?? ""
        }
    }

    private func firstChild(_ index: Int, named name: String) -> Int? {
        elementChildren(index).first { tree[$0].name == name }
    }

    /// The text of the `<label>` elements of a labelable element, in tree order.
    func labels(of index: Int) -> [Int] {
        guard Self.labelable.contains(tree[index].name) else { return [] }
        if let map = labelMap { return map[index] ?? [] }
        // Every label's control, found once per page: `for` names an id, else the first
        // labelable descendant.
        var map: [Int: [Int]] = [:]
        for label in elements where tree[label].name == "label" {
            let control: Int?
            if let target = tree[label].attribute("for") {
                control = tree.element(id: target).flatMap { Self.labelable.contains(tree[$0].name) ? $0 : nil }
            } else {
                control = firstLabelable(in: label)
            }
            if let control { map[control, default: []].append(label) }
        }
        labelMap = map
        return map[index] ?? []
    }

    private func firstLabelable(in label: Int) -> Int? {
        tree.descendants(of: label).first {
            Self.labelable.contains(tree[$0].name) && !(tree[$0].name == "input" && attribute($0, "type")?.lowercased() == "hidden")
        }
    }

    private func labelText(_ index: Int, _ step: NameStep) -> String {
        labels(of: index).map { contentName($0, step, skipping: index) }.joined(separator: " ")
    }

    /// 2F: the names of the children, block elements set apart by spaces.
    func contentName(_ index: Int, _ step: NameStep, skipping skipped: Int? = nil) -> String {
        var step = step
        step.recursion = true
        var text = ""
        for child in tree[index].children where child != skipped {
            let node = tree[child]
            if node.isElement, node.name == "br" {
                text += " "
                continue
            }
            let part = name(of: child, step)
            if node.isElement, Self.blockElements.contains(node.name) || tree[child].isElement && isReplaced(child) {
                text += " " + part + " "
            } else {
                text += part
            }
        }
        return text
    }

    private func isReplaced(_ index: Int) -> Bool {
        ["img", "input", "select", "textarea", "button"].contains(tree[index].name)
    }
}
