public import TiyanHTML

/// A page as assistive technology would see it, computed from the DOM snapshot: hidden-ness,
/// roles, focusability and accessible names, each remembered per element once asked. Not
/// Sendable (it caches); one evaluation owns one.
public final class AccessiblePage {
    public let tree: DOMTree
    public let url: String
    /// The page's markup as received, for the rules that look at the source itself.
    public let source: String?
    var renderedCache: [Int: Bool] = [:]
    var visibilityCache: [Int: Bool] = [:]
    var offScreenCache: [Int: Bool] = [:]
    var transparentCache: [Int: Bool] = [:]
    var fontSizeCache: [Int: Double] = [:]
    var ariaHiddenCache: [Int: Bool] = [:]
    var roleCache: [Int: String?] = [:]
    var nameCache: [Int: String] = [:]
    var styleCache: [Int: [StyleDeclaration]] = [:]
    var labelMap: [Int: [Int]]?

    /// The document's elements in tree order, without the content of `<template>` elements:
    /// the parser keeps it in the tree, but in a browser it is an inert fragment, not the page.
    public let elements: [Int]

    /// The declarations style sheets give elements (display, visibility, font size, spacing…), by node.
    let sheetStyles: [Int: [StyleDeclaration]]

    /// `sheetStyles` maps element XPaths (as in `DOMNode.xpath`) to the winning style-sheet
    /// declarations for them; inline styles still win unless only the sheet's is important.
    public init(tree: DOMTree, url: String, source: String? = nil, sheetStyles: [String: [StyleDeclaration]] = [:]) {
        self.tree = tree
        self.url = url
        self.source = source
        var byNode: [Int: [StyleDeclaration]] = [:]
        if !sheetStyles.isEmpty {
            for node in tree.elements {
                if let declarations = sheetStyles[tree[node].xpath] { byNode[node] = declarations }
            }
        }
        self.sheetStyles = byNode
        var insideTemplate = Set<Int>()
        var elements: [Int] = []
        for node in tree.elements {
            if let parent = tree[node].parent, insideTemplate.contains(parent) || tree[parent].name == "template" {
                insideTemplate.insert(node)
                continue
            }
            elements.append(node)
        }
        self.elements = elements
    }

    public subscript(index: Int) -> DOMNode { tree[index] }

    /// The parsed `style` attribute of an element.
    public func style(_ index: Int) -> [StyleDeclaration] {
        if let known = styleCache[index] { return known }
        let declarations = tree[index].attribute("style").map(InlineStyle.declarations) ?? []
        styleCache[index] = declarations
        return declarations
    }

    /// The trimmed value of an attribute, nil when absent.
    public func attribute(_ index: Int, _ name: String) -> String? {
        tree[index].attribute(name)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An attribute that is present and not empty or white space only.
    public func nonEmptyAttribute(_ index: Int, _ name: String) -> String? {
        guard let value = attribute(index, name), !value.isEmpty else { return nil }
        return value
    }

    /// ACT's "attribute value that is neither empty ("") nor only ASCII whitespace": only the
    /// five Infra white space characters count, so a value of U+00A0 or U+3000 is a value.
    public func valuedAttribute(_ index: Int, _ name: String) -> String? {
        guard let raw = tree[index].attribute(name) else { return nil }
        let trimmed = Self.trimmingASCIIWhitespace(raw)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Infra "ASCII whitespace": tab, LF, FF, CR and space.
    public static func isASCIIWhitespace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" || c == "\r\n"
    }

    static func trimmingASCIIWhitespace(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, isASCIIWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isASCIIWhitespace(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// ACT "whitespace": characters with the Unicode White_Space property.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Element children in order.
    public func elementChildren(_ index: Int) -> [Int] { tree[index].children.filter { tree[$0].isElement } }

    /// The nearest ancestor element named one of `names`.
    public func ancestor(of index: Int, named names: Set<String>) -> Int? {
        tree.ancestors(of: index).first { names.contains(tree[$0].name) }
    }

    /// ACT "HTML or SVG element": anything but MathML.
    public func isHTMLOrSVG(_ index: Int) -> Bool {
        tree[index].name != "math" && ancestor(of: index, named: ["math"]) == nil
    }

    /// Whether the element is in the HTML namespace proper, not inside `<svg>` or `<math>`.
    public func isHTML(_ index: Int) -> Bool {
        ancestor(of: index, named: ["svg", "math"]) == nil && !["svg", "math"].contains(tree[index].name)
    }
}
