import Foundation
import TiyanHTML

/// Focus per HTML §6.6: natively focusable elements, `tabindex`, and disabled form controls.
extension AccessiblePage {
    static let disableable: Set<String> = ["button", "input", "select", "textarea", "optgroup", "option", "fieldset"]

    /// The parsed `tabindex` (HTML "rules for parsing integers"); nil when absent or invalid.
    public func tabIndex(_ index: Int) -> Int? {
        guard let raw = attribute(index, "tabindex") else { return nil }
        var digits = Substring(raw)
        var sign = 1
        if digits.first == "-" {
            sign = -1
            digits = digits.dropFirst()
        } else if digits.first == "+" {
            digits = digits.dropFirst()
        }
        let prefix = digits.prefix { $0.isASCII && $0.isNumber }
        guard !prefix.isEmpty, let value = Int(prefix.prefix(9)) else { return nil }
        return sign * value
    }

    /// A form control that is disabled, itself or by a disabled `<fieldset>` (outside its first
    /// `<legend>`).
    public func isDisabled(_ index: Int) -> Bool {
        let node = tree[index]
        guard Self.disableable.contains(node.name) else { return false }
        if node.hasAttribute("disabled") { return true }
        if node.name == "option" || node.name == "optgroup" {
            return tree.ancestors(of: index).contains { ["select", "optgroup"].contains(tree[$0].name) && tree[$0].hasAttribute("disabled") }
        }
        var child = index
        for ancestor in tree.ancestors(of: index) {
            if tree[ancestor].name == "fieldset", tree[ancestor].hasAttribute("disabled") {
                let firstLegend = elementChildren(ancestor).first { tree[$0].name == "legend" }
                if child != firstLegend { return true }
            }
            child = ancestor
        }
        return false
    }

    /// ACT "disabled element", second way: the element or an ancestor has `aria-disabled="true"`.
    public func isAriaDisabled(_ index: Int) -> Bool {
        ([index] + tree.ancestors(of: index)).contains { tree[$0].isElement && attribute($0, "aria-disabled")?.lowercased() == "true" }
    }

    /// Focusable by its nature, without `tabindex`.
    public func isNativelyFocusable(_ index: Int) -> Bool {
        let node = tree[index]
        switch node.name {
        case "a", "area": return node.hasAttribute("href")
        case "button", "select", "textarea": return !isDisabled(index)
        case "input": return attribute(index, "type")?.lowercased() != "hidden" && !isDisabled(index)
        case "iframe", "embed": return true
        case "audio", "video": return node.hasAttribute("controls")
        case "summary":
            guard let parent = node.parent, tree[parent].name == "details" else { return false }
            return elementChildren(parent).first { tree[$0].name == "summary" } == index
        default:
            if let editable = attribute(index, "contenteditable")?.lowercased(), editable != "false" { return true }
            return false
        }
    }

    /// Focusable at all (by click or script): rendered, not disabled, natively or by `tabindex`.
    public func isFocusable(_ index: Int) -> Bool {
        guard tree[index].isElement, isRendered(index), !isInert(index) else { return false }
        if isDisabled(index) { return false }
        return tabIndex(index) != nil || isNativelyFocusable(index)
    }

    /// In sequential focus navigation (reached with Tab).
    public func isInSequentialFocusOrder(_ index: Int) -> Bool {
        // Off-screen elements stay in the tab order (focus sentinels, skip links).
        guard isFocusable(index), !isVisibilityHidden(index) else { return false }
        if let tabIndex = tabIndex(index) { return tabIndex >= 0 }
        return true
    }

    func isInert(_ index: Int) -> Bool {
        tree[index].hasAttribute("inert") || tree.ancestors(of: index).contains { tree[$0].hasAttribute("inert") }
    }
}
