import Foundation
import TiyanHTML

/// Whether elements are rendered, visible and exposed to assistive technology, judged from the
/// markup and inline styles (no style sheets, no layout): the `hidden` attribute, inline
/// `display:none` and `visibility:hidden|collapse`, `aria-hidden="true"`, and elements that are
/// never rendered (`<head>` and its content, `<script>`, `<style>`, `<template>`, `<noscript>`
/// with scripting on, hidden inputs). Hidden-ness is inherited from ancestors.
extension AccessiblePage {
    static let neverRendered: Set<String> = [
        "head", "script", "style", "template", "noscript", "title", "meta", "link", "base", "datalist", "param",
    ]

    /// The element itself (not its ancestors) generates no box.
    func hidesItself(_ index: Int) -> Bool {
        let node = tree[index]
        guard node.isElement else { return false }
        if Self.neverRendered.contains(node.name) { return true }
        if node.name == "input", attribute(index, "type")?.lowercased() == "hidden" { return true }
        if let display = cascaded("display", index) {
            return display.value.lowercased() == "none"
        }
        return node.hasAttribute("hidden")
    }

    /// The declaration that wins for the element: the inline one unless only a style sheet's is
    /// important.
    func cascaded(_ property: String, _ index: Int) -> StyleDeclaration? {
        let inline = InlineStyle.winning(property, in: style(index))
        let sheet = sheetStyles[index].flatMap { InlineStyle.winning(property, in: $0) }
        guard let sheet else { return inline }
        guard let inline else { return sheet }
        return sheet.important && !inline.important ? sheet : inline
    }

    /// Rendered: neither the node nor an ancestor hides itself.
    public func isRendered(_ index: Int) -> Bool {
        if let known = renderedCache[index] { return known }
        let parentRendered = tree[index].parent.map(isRendered) ?? true
        let rendered = parentRendered && !hidesItself(index)
        renderedCache[index] = rendered
        return rendered
    }

    /// Rendered and not `visibility: hidden` (inherited; a descendant may set it back to visible).
    public func isVisible(_ index: Int) -> Bool {
        isRendered(index) && !isVisibilityHidden(index) && !isOffScreen(index)
    }

    /// Positioned far outside the page by an inline style (the "screen-reader only" pattern):
    /// still exposed, but nobody sees it.
    func isOffScreen(_ index: Int) -> Bool {
        if let known = offScreenCache[index] { return known }
        var off = tree[index].parent.map(isOffScreen) ?? false
        if !off, tree[index].isElement, let position = InlineStyle.winning("position", in: style(index)),
           ["absolute", "fixed"].contains(position.value.lowercased())
        {
            off = ["left", "top", "right"].contains { side in
                guard let declared = InlineStyle.winning(side, in: style(index)),
                      let px = Self.length(declared.value, fontSize: fontSize(index), percentOf: 0)
                else { return false }
                return px <= -100
            }
        }
        offScreenCache[index] = off
        return off
    }

    func isVisibilityHidden(_ index: Int) -> Bool {
        if let known = visibilityCache[index] { return known }
        var hidden = tree[index].parent.map(isVisibilityHidden) ?? false
        if tree[index].isElement, let visibility = cascaded("visibility", index) {
            switch visibility.value.lowercased() {
            case "hidden", "collapse": hidden = true
            case "visible": hidden = false
            default: break
            }
        }
        visibilityCache[index] = hidden
        return hidden
    }

    /// The node or an ancestor has `aria-hidden="true"`.
    public func isAriaHidden(_ index: Int) -> Bool {
        if let known = ariaHiddenCache[index] { return known }
        let own = tree[index].isElement && attribute(index, "aria-hidden")?.lowercased() == "true"
        let hidden = own || (tree[index].parent.map(isAriaHidden) ?? false)
        ariaHiddenCache[index] = hidden
        return hidden
    }

    /// Programmatically hidden: not exposed to assistive technology at all.
    /// (Off-screen content stays exposed: it is how pages give screen readers extra text.)
    public func isProgrammaticallyHidden(_ index: Int) -> Bool {
        !isRendered(index) || isVisibilityHidden(index) || isAriaHidden(index)
    }

    /// ACT "included in the accessibility tree".
    public func isIncluded(_ index: Int) -> Bool { !isProgrammaticallyHidden(index) }

    /// The element has a text node descendant with visible, non-blank text.
    public func hasVisibleText(_ index: Int, ownChildrenOnly: Bool = false) -> Bool {
        let candidates = ownChildrenOnly ? tree[index].children : tree.descendants(of: index)
        return candidates.contains { node in
            !tree[node].isElement && isVisible(node)
                && !tree[node].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }
}
