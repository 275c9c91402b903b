import Foundation
import TiyanHTML

/// Explicit (ARIA 1.2 §7.1) and implicit (HTML-AAM §4) roles, with the presentational-role
/// conflict resolution of ARIA 1.2 §9.1.
extension AccessiblePage {
    /// The first token of `role` that names a non-abstract role; nil when none does.
    public func explicitRole(_ index: Int) -> String? {
        guard let raw = tree[index].attribute("role") else { return nil }
        return raw.lowercased().split(whereSeparator: \.isWhitespace).map(String.init).first(where: ARIARoles.isValid)
    }

    /// The element's semantic role: the explicit role unless it is `none`/`presentation` on an
    /// element that is focusable or carries a global ARIA attribute, in which case the implicit
    /// role stands. Nil for elements with no role (and for text).
    public func role(_ index: Int) -> String? {
        if let known = roleCache[index] { return known }
        let resolved = computeRole(index)
        roleCache[index] = resolved
        return resolved
    }

    private func computeRole(_ index: Int) -> String? {
        guard tree[index].isElement else { return nil }
        if let explicit = explicitRole(index) {
            if Self.isPresentational(explicit), hasGlobalARIAAttribute(index) || isFocusable(index) {
                return implicitRole(index)
            }
            return explicit
        }
        let implicit = implicitRole(index)
        // An image with alt="" is presentational only while nothing else gives it a name or focus.
        if Self.isPresentational(implicit), hasGlobalARIAAttribute(index) || isFocusable(index) {
            // The element's own native role comes back (an item of a presentational list is
            // still a list item when it is focusable or carries a global attribute).
            switch tree[index].name {
            case "img": return "img"
            case "li": return "listitem"
            case "tr": return "row"
            case "td": return "cell"
            case "th": return "columnheader"
            case "tbody", "thead", "tfoot": return "rowgroup"
            default: return implicit
            }
        }
        return implicit
    }

    static func isPresentational(_ role: String?) -> Bool { role == "none" || role == "presentation" }

    /// ACT "marked as decorative": an explicit role of none or presentation, or an HTML `img`
    /// with `alt=""` and no explicit role. (What the author meant, not what is exposed.)
    public func isMarkedAsDecorative(_ index: Int) -> Bool {
        guard tree[index].isElement else { return false }
        let explicit = explicitRole(index)
        if Self.isPresentational(explicit) { return true }
        return explicit == nil && tree[index].name == "img" && isHTML(index) && tree[index].attribute("alt") == ""
    }

    public func hasGlobalARIAAttribute(_ index: Int) -> Bool {
        tree[index].attributes.contains { ARIAAttributes.global.contains($0.name) && $0.name != "aria-hidden" }
    }

    /// The role HTML-AAM maps the element to, ignoring `role`.
    public func implicitRole(_ index: Int) -> String? {
        let node = tree[index]
        let name = node.name
        if !isHTML(index) {
            return name == "svg" ? "graphics-document" : nil
        }
        switch name {
        case "a", "area": return node.hasAttribute("href") ? "link" : (name == "a" ? "generic" : nil)
        case "article": return "article"
        case "aside": return "complementary"
        case "blockquote": return "blockquote"
        case "button": return "button"
        case "caption": return "caption"
        case "code": return "code"
        case "datalist": return "listbox"
        case "dd": return "definition"
        case "del", "s": return "deletion"
        case "details": return "group"
        case "dfn", "dt": return "term"
        case "dialog": return "dialog"
        case "div", "span", "b", "i", "u", "bdi", "bdo", "data", "pre", "q", "samp", "small", "body": return "generic"
        case "em": return "emphasis"
        case "fieldset", "optgroup", "address", "hgroup": return "group"
        case "figure": return "figure"
        case "footer", "header":
            let sectioning = ancestor(of: index, named: ["article", "aside", "main", "nav", "section"]) != nil
            return sectioning ? "generic" : (name == "header" ? "banner" : "contentinfo")
        case "form": return "form"
        case "h1", "h2", "h3", "h4", "h5", "h6": return "heading"
        case "hr": return "separator"
        case "html": return "document"
        case "img":
            if let alt = node.attribute("alt"), alt.isEmpty { return "presentation" }
            return "img"
        case "input": return inputRole(index)
        case "ins": return "insertion"
        case "li":
            guard let parent = node.parent, ["ul", "ol", "menu"].contains(tree[parent].name) else { return "listitem" }
            return Self.isPresentational(role(parent)) ? "none" : "listitem"
        case "main": return "main"
        case "math": return "math"
        case "menu", "ol", "ul": return "list"
        case "meter": return "meter"
        case "nav": return "navigation"
        case "option": return "option"
        case "output": return "status"
        case "p": return "paragraph"
        case "progress": return "progressbar"
        case "search": return "search"
        case "section":
            return nonEmptyAttribute(index, "aria-label") != nil || nonEmptyAttribute(index, "aria-labelledby") != nil
                ? "region" : "generic"
        case "select":
            let size = attribute(index, "size").flatMap { Int($0) } ?? 0
            return node.hasAttribute("multiple") || size > 1 ? "listbox" : "combobox"
        case "strong": return "strong"
        case "sub": return "subscript"
        case "sup": return "superscript"
        case "table": return "table"
        case "textarea": return "textbox"
        case "time": return "time"
        case "tbody", "thead", "tfoot", "tr", "td", "th": return tablePartRole(index)
        // HTML-AAM: an autonomous custom element without ElementInternals semantics is generic.
        default: return name.contains("-") ? "generic" : nil
        }
    }

    private func inputRole(_ index: Int) -> String? {
        let type = attribute(index, "type")?.lowercased() ?? "text"
        let hasList = tree[index].hasAttribute("list")
        switch type {
        case "button", "image", "reset", "submit": return "button"
        case "checkbox": return "checkbox"
        case "radio": return "radio"
        case "range": return "slider"
        case "number": return "spinbutton"
        case "search": return hasList ? "combobox" : "searchbox"
        case "email", "tel", "text", "url": return hasList ? "combobox" : "textbox"
        case "hidden", "color", "date", "datetime-local", "file", "month", "password", "time", "week": return nil
        default: return hasList ? "combobox" : "textbox"
        }
    }

    /// Rows, row groups and cells take their role from their table, and none when the table is
    /// presentational.
    private func tablePartRole(_ index: Int) -> String? {
        guard let table = ancestor(of: index, named: ["table"]) else { return nil }
        let tableRole = role(table)
        if Self.isPresentational(tableRole) { return "none" }
        let grid = tableRole == "grid" || tableRole == "treegrid"
        switch tree[index].name {
        case "tbody", "thead", "tfoot": return "rowgroup"
        case "tr": return "row"
        case "td": return grid ? "gridcell" : "cell"
        default:
            switch attribute(index, "scope")?.lowercased() {
            case "row", "rowgroup": return "rowheader"
            case "col", "colgroup": return "columnheader"
            default:
                if let row = tree[index].parent, tree[row].name == "tr" {
                    let cells = elementChildren(row).filter { ["td", "th"].contains(tree[$0].name) }
                    let inHead = tree[row].parent.map { tree[$0].name == "thead" } ?? false
                    if !inHead, cells.contains(where: { tree[$0].name == "td" }), cells.first == index {
                        return "rowheader"
                    }
                }
                return "columnheader"
            }
        }
    }
}
