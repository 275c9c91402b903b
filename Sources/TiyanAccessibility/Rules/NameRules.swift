import Foundation
import TiyanHTML

/// The rules "X has non-empty accessible name": their applicability picks elements of a role
/// that are included in the accessibility tree; the one expectation is a non-empty name.
protocol NameRule: ACTRule {
    var what: String { get }
    func applies(_ node: Int, in page: AccessiblePage) -> Bool
}

extension NameRule {
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page.isIncluded(node), applies(node, in: page) else { return nil }
            return .decide(node, !page.accessibleName(node).isEmpty, "The \(what) has no accessible name.")
        }
    }
}

/// 23a2a8 Image has non-empty accessible name (W3C ACT rule 23a2a8, version of 31 August 2023):
/// HTML `<img>` elements and HTML elements of semantic role img that are not programmatically
/// hidden (off-screen or inside a button still counts); one of semantic role none or
/// presentation passes.
public struct ImageHasName: ACTRule {
    public static let id = "23a2a8"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page.isHTML(node), !page.isProgrammaticallyHidden(node) else { return nil }
            let role = page.role(node)
            guard page[node].name == "img" || role == "img" else { return nil }
            if AccessiblePage.isPresentational(role) { return .passed(node) }
            return .decide(node, !page.accessibleName(node).isEmpty, "The image has no accessible name.")
        }
    }
}

/// 59796f Image button has non-empty accessible name (W3C ACT rule 59796f, version of 31 August
/// 2023): every `<input type=image>` in the accessibility tree, whatever role it is given.
public struct ImageButtonHasName: NameRule {
    public static let id = "59796f"
    let what = "image button"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        page[node].name == "input" && page.isHTML(node) && page.attribute(node, "type")?.lowercased() == "image"
    }
}

/// 97a4e1 Button has non-empty accessible name (W3C ACT rule 97a4e1, version of 31 August 2023).
public struct ButtonHasName: NameRule {
    public static let id = "97a4e1"
    let what = "button"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        page.role(node) == "button" && !(page[node].name == "input" && page.attribute(node, "type")?.lowercased() == "image")
    }
}

/// c487ae Link has non-empty accessible name (W3C ACT rule c487ae, version of 31 August 2023):
/// HTML elements that are an inheriting semantic link.
public struct LinkHasName: NameRule {
    public static let id = "c487ae"
    let what = "link"
    public init(configuration: ACTConfiguration) {}
    /// DPUB-ARIA's reference roles are links (their superclass is `link`).
    static let roles: Set<String> = ["link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"]
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        page.isHTML(node) && (page.role(node).map(Self.roles.contains) ?? false)
    }
}

/// e086e5 Form field has non-empty accessible name (W3C ACT rule e086e5, version of 31 August 2023).
public struct FormFieldHasName: NameRule {
    public static let id = "e086e5"
    let what = "form field"
    static let roles: Set<String> = [
        "checkbox", "combobox", "listbox", "menuitemcheckbox", "menuitemradio", "radio", "searchbox", "slider",
        "spinbutton", "switch", "textbox",
    ]
    /// Text-entry inputs HTML-AAM maps to no ARIA role are form fields all the same.
    static let roleless: Set<String> = ["date", "datetime-local", "month", "password", "time", "week", "color", "file"]
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        if let role = page.role(node) { return Self.roles.contains(role) }
        return page[node].name == "input" && Self.roleless.contains(page.attribute(node, "type")?.lowercased() ?? "")
    }
}

/// cae760 Iframe element has non-empty accessible name (W3C ACT rule cae760, version of 19 January
/// 2026): not for an iframe with a negative tabindex or one marked as decorative (explicit role
/// none or presentation, even when the role conflict makes it exposed after all).
public struct IframeHasName: NameRule {
    public static let id = "cae760"
    let what = "iframe"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        page[node].name == "iframe" && page.isHTML(node) && (page.tabIndex(node) ?? 0) >= 0
            && !AccessiblePage.isPresentational(page.explicitRole(node))
    }
}

/// ffd0e9 Heading has non-empty accessible name (W3C ACT rule ffd0e9, version of 19 January 2026).
public struct HeadingHasName: NameRule {
    public static let id = "ffd0e9"
    let what = "heading"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool { page.isHTML(node) && page.role(node) == "heading" }
}

/// 2t702h Summary element has non-empty accessible name (W3C ACT rule 2t702h, version of
/// 2 September 2025): the summary button of its details (the first summary child), with no
/// explicit role or one the presentational-role conflict sets aside.
public struct SummaryHasName: NameRule {
    public static let id = "2t702h"
    let what = "summary"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        guard page[node].name == "summary", page.isHTML(node),
              page.explicitRole(node) == nil || page.role(node) != page.explicitRole(node), let parent = page[node].parent,
              page[parent].name == "details"
        else { return false }
        return page.elementChildren(parent).first { page[$0].name == "summary" } == node
    }
}

/// 7d6734 SVG element with explicit role has non-empty accessible name (W3C ACT rule 7d6734,
/// version of 31 August 2023).
public struct SVGHasName: NameRule {
    public static let id = "7d6734"
    let what = "SVG graphic"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        guard page[node].name == "svg" || page.ancestor(of: node, named: ["svg"]) != nil,
              page.ancestor(of: node, named: ["foreignobject"]) == nil
        else { return false }
        return ["img", "graphics-document", "graphics-symbol"].contains(page.explicitRole(node) ?? "")
    }
}

/// m6b1q3 Menuitem has non-empty accessible name (W3C ACT rule m6b1q3, version of 20 December 2023).
public struct MenuItemHasName: NameRule {
    public static let id = "m6b1q3"
    let what = "menu item"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool { page.isHTML(node) && page.role(node) == "menuitem" }
}

/// 8fc3b6 Object element rendering non-text content has non-empty accessible name (W3C ACT rule
/// 8fc3b6, version of 31 August 2023). Without
/// fetching the object, the content kind comes from its `type` or the extension of its `data`.
public struct ObjectHasName: NameRule {
    public static let id = "8fc3b6"
    let what = "object"
    static let mediaExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "mp3", "wav", "ogg", "oga", "mp4", "webm", "ogv",
        "mov", "avi", "m4a", "aac", "flac",
    ]
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        guard page[node].name == "object", page.explicitRole(node) == nil else { return false }
        if let type = page.attribute(node, "type")?.lowercased() {
            return type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/")
        }
        guard let data = page.nonEmptyAttribute(node, "data") else { return false }
        let path = data.split(separator: "?").first.map(String.init) ?? data
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return Self.mediaExtensions.contains(ext)
    }
}
