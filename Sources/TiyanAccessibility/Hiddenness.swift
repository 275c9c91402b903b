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

    /// SVG elements that are never rendered themselves (SVG 2 §5 "never-rendered elements") or
    /// only where referenced.
    static let svgNeverRendered: Set<String> = [
        "desc", "defs", "metadata", "symbol", "clippath", "mask", "lineargradient", "radialgradient", "pattern",
        "filter", "marker", "title",
    ]

    /// The element itself (not its ancestors) generates no box.
    func hidesItself(_ index: Int) -> Bool {
        let node = tree[index]
        guard node.isElement else { return false }
        if Self.neverRendered.contains(node.name) { return true }
        if !isHTML(index), Self.svgNeverRendered.contains(node.name.lowercased()) { return true }
        if node.name == "input", attribute(index, "type")?.lowercased() == "hidden" { return true }
        if let display = cascaded("display", index) {
            return display.value.lowercased() == "none"
        }
        // The UA style sheet: `[hidden]` and a `<dialog>` that is not open are display: none.
        if node.name == "dialog", !node.hasAttribute("open"), isHTML(index) { return true }
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

    /// Rendered: neither the node nor an ancestor hides itself. The content of a closed
    /// `<details>` other than its summary is not rendered either (HTML §15.3.9).
    public func isRendered(_ index: Int) -> Bool {
        if let known = renderedCache[index] { return known }
        var rendered = !hidesItself(index)
        if let parent = tree[index].parent {
            rendered = rendered && isRendered(parent)
            if rendered, tree[parent].name == "details", !tree[parent].hasAttribute("open"), isHTML(parent) {
                rendered = tree[index].isElement && elementChildren(parent).first { tree[$0].name == "summary" } == index
            }
        }
        renderedCache[index] = rendered
        return rendered
    }

    /// ACT "visible", judged without layout: rendered, not `visibility: hidden` (inherited; a
    /// descendant may set it back), not moved off-screen, not made fully transparent
    /// (`opacity: 0` on the element or an ancestor), not clipped away, and for text not of
    /// font size 0 or a transparent colour.
    public func isVisible(_ index: Int) -> Bool {
        guard isRendered(index), !isVisibilityHidden(index), !isOffScreen(index), !isTransparentOrClipped(index) else {
            return false
        }
        if !tree[index].isElement {
            if fontSize(index) <= 0 { return false }
            if let parent = tree[index].parent, inheritedColorIsTransparent(parent) { return false }
        }
        return true
    }

    /// Opacity 0 or a clip that leaves nothing, on the element or an ancestor.
    func isTransparentOrClipped(_ index: Int) -> Bool {
        if let known = transparentCache[index] { return known }
        var hidden = tree[index].parent.map(isTransparentOrClipped) ?? false
        if !hidden, tree[index].isElement {
            if let opacity = cascaded("opacity", index), let value = Double(opacity.value.replacingOccurrences(of: "%", with: "")),
               value <= 0
            {
                hidden = true
            }
            if let clip = cascaded("clip", index)?.value.lowercased().replacingOccurrences(of: " ", with: ""),
               ["rect(0,0,0,0)", "rect(0px,0px,0px,0px)", "rect(1px,1px,1px,1px)", "rect(0000)", "rect(0px0px0px0px)"].contains(clip),
               let position = cascaded("position", index)?.value.lowercased(), ["absolute", "fixed"].contains(position)
            {
                hidden = true
            }
            if let clipPath = cascaded("clip-path", index)?.value.lowercased().replacingOccurrences(of: " ", with: ""),
               ["inset(50%)", "inset(100%)", "circle(0)", "circle(0px)", "polygon(000000)"].contains(clipPath)
            {
                hidden = true
            }
        }
        transparentCache[index] = hidden
        return hidden
    }

    /// `color` is inherited: the nearest element declaring it decides.
    func inheritedColorIsTransparent(_ element: Int) -> Bool {
        for node in [element] + tree.ancestors(of: element) where tree[node].isElement {
            if let color = cascaded("color", node) {
                let value = color.value.lowercased().replacingOccurrences(of: " ", with: "")
                if value == "inherit" { continue }
                return value == "transparent" || value.hasSuffix(",0)") && value.hasPrefix("rgba(")
            }
        }
        return false
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

    /// ACT "included in the accessibility tree" (Core-AAM §5.1 "Excluding Elements from the
    /// Accessibility Tree"): not programmatically hidden, and not a descendant of an element
    /// whose role makes its children presentational (a link inside a button is part of the
    /// button). An element of role none/presentation stays in scope: the ACT rules judge the
    /// attributes put on it (rule kb1m8s fails a prohibited attribute there).
    public func isIncluded(_ index: Int) -> Bool {
        !isProgrammaticallyHidden(index) && !isInsidePresentationalChildren(index)
    }

    /// An ancestor's role has "Children Presentational: True".
    func isInsidePresentationalChildren(_ index: Int) -> Bool {
        tree.ancestors(of: index).contains { ancestor in
            tree[ancestor].isElement && role(ancestor).flatMap(ARIARoles.role)?.childrenPresentational == true
        }
    }

    /// The element has a text node descendant with visible, non-blank text.
    public func hasVisibleText(_ index: Int, ownChildrenOnly: Bool = false) -> Bool {
        let candidates = ownChildrenOnly ? tree[index].children : tree.descendants(of: index)
        return candidates.contains { node in
            !tree[node].isElement && isVisible(node)
                && !tree[node].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }
}
