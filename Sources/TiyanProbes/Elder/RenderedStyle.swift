import TiyanCSS
import TiyanCore

/// The values the browser computed for a rendered page's elements: where the render stage
/// captured the page, EL-05..07 read what the citizen's browser applied (every sheet, every
/// script-set style, the default where nothing was declared) instead of re-deriving the cascade.
struct RenderedStyle {
    let view: RenderedView
    private let elements: [String: RenderedElement]

    /// Nil for a page without a render, or a render whose elements were not captured.
    static func of(_ page: SitePage, in site: SiteContext) -> RenderedStyle? {
        guard let view = page.view, !view.elements.isEmpty else { return nil }
        return site.derived("rendered style \(view.pageSequence)") { RenderedStyle(view: view) }
    }

    private init(view: RenderedView) {
        self.view = view
        elements = Dictionary(view.elements.map { ($0.xpath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The elements at `paths` that the citizen sees: laid out with an area, not hidden, not
    /// transparent.
    func shown(_ paths: [String]) -> [(path: String, style: [String: String])] {
        paths.compactMap { path in
            guard let element = elements[path], let box = element.box, box.width > 0, box.height > 0,
                  element.style["visibility"] != "hidden", element.style["display"] != "none",
                  (element.style["opacity"].flatMap(Double.init) ?? 1) > 0 else { return nil }
            return (path, element.style)
        }
    }

    static func pixels(_ value: String?) -> Double? {
        guard let value, value.hasSuffix("px") else { return nil }
        return Double(value.dropLast(2).trimmingCharacters(in: .whitespaces))
    }

    /// The colour painted behind the element: its own background or the first ancestor's that is
    /// not transparent, composited over the white canvas. Nil when an image is painted there
    /// (the contrast then depends on the picture).
    func background(of path: String) -> CSSColor? {
        var current: Substring = Substring(path)
        var layers: [CSSColor] = []
        while !current.isEmpty {
            if let element = elements[String(current)] {
                if let image = element.style["background-image"], image != "none", !image.isEmpty { return nil }
                if let colour = element.style["background-color"].flatMap(CSSColor.parse), colour.alpha > 0 {
                    layers.append(colour)
                    if colour.alpha >= 1 { break }
                }
            }
            guard let slash = current.lastIndex(of: "/") else { break }
            current = current[..<slash]
        }
        return layers.reversed().reduce(CSSColor.white) { canvas, layer in layer.composited(over: canvas) }
    }

    /// Value fields that say the browser computed these values.
    var context: [(String, JSONValue)] {
        [("computed_by", .string(view.engine)), ("viewport", .string("\(view.viewport.width)x\(view.viewport.height)"))]
    }
}
