import Foundation
import TiyanHTML

/// 3ea0c8 Id attribute value is unique (W3C ACT rule 3ea0c8, version of 19 January 2026): every
/// `id` other than "" on an HTML or SVG element, hidden or not; values compare exactly (a value
/// of white space is a value). MathML ids neither apply nor count.
public struct IdentifierIsUnique: ACTRule {
    public static let id = "3ea0c8"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        let candidates = page.elements.filter(page.isHTMLOrSVG)
        var counts: [String: Int] = [:]
        for node in candidates {
            if let id = page[node].attribute("id"), !id.isEmpty { counts[id, default: 0] += 1 }
        }
        return candidates.compactMap { node in
            guard let id = page[node].attribute("id"), !id.isEmpty else { return nil }
            return .decide(node, counts[id] == 1, "The id \"\(id)\" is used by \(counts[id] ?? 0) elements.")
        }
    }
}

/// ff89c9 ARIA required context role (W3C ACT rule ff89c9, version of 19 January 2026): the
/// parent in the accessibility tree, through `aria-owns` and past nodes the tree leaves out.
public struct RequiredContextRole: ACTRule {
    public static let id = "ff89c9"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        let owners = page.ariaOwners
        return page.elements.compactMap { node in
            guard let explicit = page.explicitRole(node), page.isHTMLOrSVG(node), page.role(node) == explicit,
                  page.implicitRole(node) != explicit, page.isIncluded(node),
                  let context = ARIARoles.role(explicit)?.context, !context.isEmpty
            else { return nil }
            let parentRole = page.accessibilityParent(node, owners: owners).flatMap(page.role)
            return .decide(node, parentRole.map(context.contains) ?? false,
                           "Role \(explicit) must be owned by \(context.joined(separator: " or ")), not by \(parentRole ?? "nothing").")
        }
    }
}

/// bc4a75 ARIA required owned elements (W3C ACT rule bc4a75, version of 19 January 2026): an
/// element only owns elements of its required owned roles; `group>option` admits a group that
/// itself only owns options (or further such groups). Text it owns directly is owned content
/// of no such role.
public struct RequiredOwnedElements: ACTRule {
    public static let id = "bc4a75"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        let owners = page.ariaOwners
        return page.elements.compactMap { node in
            guard let role = page.role(node), let owned = ARIARoles.role(role)?.owned, !owned.isEmpty,
                  page.isHTMLOrSVG(node), page.isIncluded(node),
                  !([node] + page.tree.ancestors(of: node)).contains(where: {
                      page.attribute($0, "aria-busy")?.lowercased() == "true"
                  })
            else { return nil }
            let direct = Set(owned.filter { !$0.contains(">") })
            let inGroups = Dictionary(grouping: owned.filter { $0.contains(">") }.map { $0.split(separator: ">").map(String.init) },
                                      by: { $0[0] }).mapValues { Set($0.compactMap(\.last)) }
            if let problem = violation(of: node, role: role, direct: direct, inGroups: inGroups, page: page, owners: owners) {
                return .failed(node, problem)
            }
            return .passed(node)
        }
    }

    private func violation(
        of node: Int, role: String, direct: Set<String>, inGroups: [String: Set<String>], page: AccessiblePage,
        owners: [Int: Int]
    ) -> String? {
        for child in page.ownedChildren(node, owners: owners) {
            guard page[child].isElement else { return "Role \(role) owns text outside the elements it requires." }
            let childRole = page.role(child) ?? "generic"
            if direct.contains(childRole) { continue }
            if let members = inGroups[childRole] {
                // The group must own only the listed roles, or groups that do.
                if let problem = violation(of: child, role: childRole, direct: members,
                                           inGroups: [childRole: members], page: page, owners: owners)
                {
                    return problem
                }
                continue
            }
            let allowed = (direct.union(inGroups.keys)).sorted().joined(separator: ", ")
            return "Role \(role) owns an element of role \(childRole); it may own only \(allowed)."
        }
        return nil
    }
}

/// 6cfa84 Element with aria-hidden has no content in sequential focus navigation (W3C ACT rule
/// 6cfa84, version of 25 October 2022). A focusable
/// element whose focus is handled by script (an `onfocus` attribute, or an inline script that
/// names its id and listens for focus) may send focus elsewhere, which only running the page shows.
public struct HiddenHasNoFocusableContent: ACTRule {
    public static let id = "6cfa84"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        let scripts = page.elements.filter { page[$0].name == "script" }.map { page.tree.textContent(of: $0) }
            .filter { $0.contains("focus") }
        return page.elements.compactMap { node in
            guard page.attribute(node, "aria-hidden")?.lowercased() == "true" else { return nil }
            let focusable = ([node] + page.tree.descendants(of: node)).filter {
                page[$0].isElement && page.isInSequentialFocusOrder($0)
            }
            // ACT "focusable" excepts an element that loses focus within a second of getting it:
            // a focus handler that sends focus elsewhere (`.focus()` on another element) makes it
            // so; one that does something else leaves it open.
            func handlers(_ element: Int) -> [String] {
                var found = page[element].attribute("onfocus").map { [$0] } ?? []
                if let id = page.nonEmptyAttribute(element, "id") {
                    found += scripts.filter { $0.contains("'\(id)'") || $0.contains("\"\(id)\"") }
                }
                return found
            }
            let moving = focusable.filter { element in handlers(element).contains { $0.contains(".focus(") } }
            let remaining = focusable.filter { !moving.contains($0) }
            guard let first = remaining.first else { return .passed(node) }
            let handled = remaining.allSatisfy { !handlers($0).isEmpty }
            if handled {
                return .cantTell(node, "Hidden content is focusable, but a script handles its focus and may move it away.")
            }
            return .failed(node, "Content hidden with aria-hidden can still be reached with the keyboard at \(page[first].xpath).")
        }
    }
}

/// 307n5z Element with presentational children has no focusable content (W3C ACT rule 307n5z,
/// version of 31 August 2023): any HTML or SVG element of such a semantic role, exposed or not.
public struct PresentationalChildrenNotFocusable: ACTRule {
    public static let id = "307n5z"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard let role = page.role(node), ARIARoles.role(role)?.childrenPresentational == true,
                  page.isHTMLOrSVG(node)
            else { return nil }
            let focusable = page.tree.descendants(of: node).first { page[$0].isElement && page.isInSequentialFocusOrder($0) }
            return .decide(node, focusable == nil,
                           "Role \(role) makes its children presentational, yet it contains focusable content.")
        }
    }
}

/// 46ca7f Element marked as decorative is not exposed (W3C ACT rule 46ca7f, version of 31 August
/// 2023).
public struct DecorativeNotExposed: ACTRule {
    public static let id = "46ca7f"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page.isMarkedAsDecorative(node) else { return nil }
            let exposed = page.isIncluded(node) && !AccessiblePage.isPresentational(page.role(node))
            return .decide(node, !exposed,
                           "The element is marked as decorative but is exposed as \(page.role(node) ?? "an element").")
        }
    }
}

/// akn7bn Iframe with interactive elements is not excluded from tab-order (W3C ACT rule akn7bn,
/// version of 20 December 2023): an iframe that is not inert and whose document has a visible
/// element in its tab order. Only `srcdoc` content is known statically; for an iframe loading a
/// URL, whether it is applicable cannot be told.
public struct IframeNotExcludedFromTabOrder: ACTRule {
    public static let id = "akn7bn"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page[node].name == "iframe", page.isHTML(node), page.isVisible(node), !page.isInert(node) else {
                return nil
            }
            let width = page.attribute(node, "width").flatMap { Double($0) }
            let height = page.attribute(node, "height").flatMap { Double($0) }
            if let width, width <= 1 { return nil }
            if let height, height <= 1 { return nil }
            let negative = (page.tabIndex(node) ?? 0) < 0
            guard let srcdoc = page[node].attribute("srcdoc") else {
                return negative && page.nonEmptyAttribute(node, "src") != nil
                    ? .cantTell(node, "The iframe is removed from the tab order and its content is not in the page.") : nil
            }
            let inner = AccessiblePage(tree: HTMLDocument(html: srcdoc, url: page.url).tree, url: page.url)
            guard inner.elements.contains(where: { inner.isInSequentialFocusOrder($0) && inner.isVisible($0) }) else {
                return nil
            }
            return .decide(node, !negative, "The iframe has a negative tabindex, so keyboard users cannot reach its controls.")
        }
    }
}

/// e6952f Attribute is not duplicated (W3C ACT rule e6952f, version of 8 December 2025): read in
/// the source, since the parser keeps only the first of two same-named attributes.
public struct AttributeNotDuplicated: ACTRule {
    public static let id = "e6952f"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        guard let source = page.source else { return [] }
        var seen: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        for node in page.elements { byName[page[node].name, default: []].append(node) }
        return SourceTags.startTags(in: source).compactMap { tag in
            let position = seen[tag.name, default: 0]
            seen[tag.name] = position + 1
            guard !tag.attributes.isEmpty else { return nil }
            guard let node = byName[tag.name].flatMap({ position < $0.count ? $0[position] : nil })
                ?? page.tree.documentElement
            else { return nil }
            var names: Set<String> = []
            let duplicate = tag.attributes.first { !names.insert($0).inserted }
            return .decide(node, duplicate == nil, "The attribute \(duplicate ?? "") appears twice on <\(tag.name)>.")
        }
    }
}
