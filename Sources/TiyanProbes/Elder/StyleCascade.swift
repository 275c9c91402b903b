import TiyanCSS
import TiyanCore
import TiyanHTML

/// Computed `font-size` and `line-height` of the page's elements from its author CSS: selectors
/// matched through XPath, the cascade ordered by importance, origin (style attribute over
/// rules), specificity and source order, and inheritance along the element's ancestors (the
/// prefixes of its XPath). Only the properties the elder rules read are kept.
final class StyleCascade {
    static let properties: Set<String> = ["font-size", "line-height", "color", "background-color"]

    struct Declared {
        var value: String
        var origin: StyleOrigin
        var rank: Rank
    }

    /// Cascade order: `!important` first, then a style attribute, then specificity, then order.
    struct Rank: Comparable {
        var important: Bool
        var inline: Bool
        var specificity: CSSSpecificity
        var order: Int

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            if lhs.important != rhs.important { return !lhs.important }
            if lhs.inline != rhs.inline { return !lhs.inline }
            if lhs.specificity != rhs.specificity { return lhs.specificity < rhs.specificity }
            return lhs.order < rhs.order
        }
    }

    /// A computed value and the declaration that decided it (nil: the browser's default).
    struct Computed<Value> {
        var value: Value
        var origin: StyleOrigin?
    }

    enum LineHeight {
        case normal
        case factor(Double)
        case pixels(Double)
    }

    let styles: PageStyles
    let defaultFontSize: Double
    private var declared: [String: [String: Declared]] = [:]
    private var fontSizes: [String: Computed<Double>] = [:]
    private var lineHeights: [String: Computed<LineHeight>] = [:]

    init(styles: PageStyles, defaultFontSize: Double) {
        self.styles = styles
        self.defaultFontSize = defaultFontSize
        matchRules()
        readStyleAttributes()
    }

    /// Matches each rule that declares a property of interest against the page, once.
    private func matchRules() {
        for applied in styles.rules {
            let longhands = Self.longhands(applied.rule.declarations)
            guard !longhands.isEmpty else { continue }
            for selectorText in applied.rule.selectors {
                guard let selector = CSSSelector.parse(selectorText) else { continue }
                for path in styles.paths(matching: selector) {
                    for (declaration, property) in longhands {
                        let rank = Rank(
                            important: declaration.isImportant, inline: false,
                            specificity: selector.specificity, order: applied.order)
                        offer(
                            Declared(value: declaration.value, origin: applied.origin, rank: rank),
                            property: property, to: path)
                    }
                }
            }
        }
    }

    private func readStyleAttributes() {
        for element in styles.matcher.tree.rows {
            guard let style = element.attribute("style") else { continue }
            // The attribute itself is the evidence: building each element's markup costs more.
            let origin = StyleOrigin(
                url: styles.page.url, locator: element.xpath + "/@style",
                snippet: "<\(element.name) style=\"\(style)\">",
                unverifiedTLS: styles.page.unverifiedTLS)
            for (declaration, property) in Self.longhands(CSSDeclarationParser.parse(style)) {
                let rank = Rank(
                    important: declaration.isImportant, inline: true, specificity: CSSSpecificity(),
                    order: 0)
                offer(
                    Declared(value: declaration.value, origin: origin, rank: rank), property: property,
                    to: element.xpath)
            }
        }
    }

    private func offer(_ candidate: Declared, property: String, to path: String) {
        if let current = declared[path]?[property], candidate.rank < current.rank { return }
        declared[path, default: [:]][property] = candidate
    }

    /// Declarations as the longhands read here: `font` sets font-size and resets line-height,
    /// `background` sets background-color (transparent when it names no colour).
    static func longhands(_ declarations: [CSSDeclaration]) -> [(CSSDeclaration, String)] {
        var result: [(CSSDeclaration, String)] = []
        for declaration in declarations {
            switch declaration.property {
            case "font":
                guard let font = CSSShorthand.font(declaration.value) else { continue }
                var size = declaration
                size.value = font.size
                var line = declaration
                line.value = font.lineHeight ?? "normal"
                result += [(size, "font-size"), (line, "line-height")]
            case "background":
                var color = declaration
                color.value = CSSShorthand.backgroundColor(declaration.value) ?? "transparent"
                result.append((color, "background-color"))
            case let property where properties.contains(property):
                result.append((declaration, property))
            default:
                continue
            }
        }
        return result
    }

    /// The winning declaration of a property on the element at `path`.
    func declaration(_ property: String, at path: String) -> Declared? {
        declared[path]?[property]
    }

    // MARK: - Computed values

    private static func parentPath(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        return String(path[..<slash])
    }

    func fontSize(of element: HTMLElement) -> Computed<Double> { fontSize(at: element.xpath) }

    func fontSize(at path: String) -> Computed<Double> {
        computeAlongAncestors(of: path, memo: \.fontSizes, computeFontSize(at:))
    }

    private func computeFontSize(at path: String) -> Computed<Double> {
        let parent = Self.parentPath(of: path).flatMap { fontSizes[$0] } ?? Computed(value: defaultFontSize, origin: nil)
        var result = parent
        if let winner = declaration("font-size", at: path) {
            let root = path == "/html" ? defaultFontSize : rootFontSize
            switch winner.value.lowercased() {
            case "inherit", "unset": break
            case "initial", "revert": result = Computed(value: defaultFontSize, origin: winner.origin)
            default:
                if let size = CSSLength.parse(winner.value)?.fontSize(parent: parent.value, root: root) {
                    result = Computed(value: size, origin: winner.origin)
                }
            }
        }
        return result
    }

    /// Inherited values depend on the parent's: the missing ancestors are computed first, from
    /// the top down, in a loop. Recursion would go as deep as the nesting, thousands of levels on
    /// legacy pages with unclosed tags, on a thread stack that cannot take it.
    private func computeAlongAncestors<Value>(
        of path: String, memo: ReferenceWritableKeyPath<StyleCascade, [String: Computed<Value>]>,
        _ compute: (String) -> Computed<Value>
    ) -> Computed<Value> {
        if let known = self[keyPath: memo][path] { return known }
        var missing = [path]
        while let parent = Self.parentPath(of: missing[missing.count - 1]), self[keyPath: memo][parent] == nil {
            missing.append(parent)
        }
        var result: Computed<Value>?
        for current in missing.reversed() {
            let value = compute(current)
            self[keyPath: memo][current] = value
            result = value
        }
        return result ?? compute(path)
    }

    private var rootFontSize: Double { fontSize(at: "/html").value }

    func lineHeight(of element: HTMLElement) -> Computed<LineHeight> { lineHeight(at: element.xpath) }

    func lineHeight(at path: String) -> Computed<LineHeight> {
        computeAlongAncestors(of: path, memo: \.lineHeights, computeLineHeight(at:))
    }

    private func computeLineHeight(at path: String) -> Computed<LineHeight> {
        let parent = Self.parentPath(of: path).flatMap { lineHeights[$0] } ?? Computed(value: .normal, origin: nil)
        var result = parent
        if let winner = declaration("line-height", at: path) {
            let text = winner.value.lowercased()
            if text == "normal" || text == "initial" {
                result = Computed(value: .normal, origin: winner.origin)
            } else if text != "inherit" && text != "unset", let length = CSSLength.parse(winner.value) {
                let size = fontSize(at: path).value
                switch length {
                case .number(let factor): result = Computed(value: .factor(factor), origin: winner.origin)
                default:
                    // Lengths and percentages compute to an absolute length, which children inherit.
                    if let ratio = length.lineHeightRatio(fontSize: size, root: rootFontSize) {
                        result = Computed(value: .pixels(ratio * size), origin: winner.origin)
                    }
                }
            }
        }
        return result
    }
}
