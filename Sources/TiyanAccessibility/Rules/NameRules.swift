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

/// 23a2a8 Image has non-empty accessible name: HTML `<img>` and elements of role img; an
/// image marked as decorative (role none or presentation) passes as well.
public struct ImageHasName: ACTRule {
    public static let id = "23a2a8"
    public init(configuration: ACTConfiguration) {}
    public func targets(in page: AccessiblePage) -> [ACTTarget] {
        page.elements.compactMap { node in
            guard page.isIncluded(node) else { return nil }
            let role = page.role(node)
            let htmlImage = page[node].name == "img" && page.isHTML(node)
            guard htmlImage || (role == "img" && (page.isHTML(node) || page.explicitRole(node) == "img")) else { return nil }
            if htmlImage, role == "none" || role == "presentation" { return .passed(node) }
            return .decide(node, !page.accessibleName(node).isEmpty, "The image has no accessible name.")
        }
    }
}

/// 59796f Image button has non-empty accessible name.
public struct ImageButtonHasName: NameRule {
    public static let id = "59796f"
    let what = "image button"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        page[node].name == "input" && page.attribute(node, "type")?.lowercased() == "image" && page.role(node) == "button"
    }
}

/// 97a4e1 Button has non-empty accessible name.
public struct ButtonHasName: NameRule {
    public static let id = "97a4e1"
    let what = "button"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        page.role(node) == "button" && !(page[node].name == "input" && page.attribute(node, "type")?.lowercased() == "image")
    }
}

/// c487ae Link has non-empty accessible name.
public struct LinkHasName: NameRule {
    public static let id = "c487ae"
    let what = "link"
    public init(configuration: ACTConfiguration) {}
    /// DPUB-ARIA's reference roles are links (their superclass is `link`).
    static let roles: Set<String> = ["link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"]
    func applies(_ node: Int, in page: AccessiblePage) -> Bool { page.role(node).map(Self.roles.contains) ?? false }
}

/// e086e5 Form field has non-empty accessible name.
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

/// cae760 Iframe element has non-empty accessible name.
public struct IframeHasName: NameRule {
    public static let id = "cae760"
    let what = "iframe"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        page[node].name == "iframe" && (page.tabIndex(node) ?? 0) >= 0
    }
}

/// ffd0e9 Heading has non-empty accessible name.
public struct HeadingHasName: NameRule {
    public static let id = "ffd0e9"
    let what = "heading"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool { page.role(node) == "heading" }
}

/// 2t702h Summary element has non-empty accessible name.
public struct SummaryHasName: NameRule {
    public static let id = "2t702h"
    let what = "summary"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool {
        guard page[node].name == "summary", page.explicitRole(node) == nil, let parent = page[node].parent,
              page[parent].name == "details"
        else { return false }
        return page.elementChildren(parent).first { page[$0].name == "summary" } == node
    }
}

/// 7d6734 SVG element with explicit role has non-empty accessible name.
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

/// m6b1q3 Menuitem has non-empty accessible name.
public struct MenuItemHasName: NameRule {
    public static let id = "m6b1q3"
    let what = "menu item"
    public init(configuration: ACTConfiguration) {}
    func applies(_ node: Int, in page: AccessiblePage) -> Bool { page.role(node) == "menuitem" }
}

/// 8fc3b6 Object element rendering non-text content has non-empty accessible name. Without
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
