import TiyanCSS
import TiyanCore
import TiyanHTML

/// Computed `font-size` and `line-height` of the page's elements from its author CSS: selectors
/// matched through XPath, the cascade ordered by importance, origin (style attribute over
/// rules), specificity and source order, and inheritance along the element's ancestors. Only
/// the properties the elder rules read are computed.
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
    private var inlineRead: Set<String> = []

    init(styles: PageStyles, defaultFontSize: Double) {
        self.styles = styles
        self.defaultFontSize = defaultFontSize
        matchRules()
    }

    private var document: HTMLDocument { styles.page.document }

    /// Matches each rule that declares a property of interest against the page, once.
    private func matchRules() {
        for applied in styles.rules {
            let longhands = Self.longhands(applied.rule.declarations)
            guard !longhands.isEmpty else { continue }
            for selectorText in applied.rule.selectors {
                guard let selector = CSSSelector.parse(selectorText), let xpath = selector.xpath,
                      let elements = try? document.select(xpath) else { continue }
                for element in elements {
                    for (declaration, property) in longhands {
                        let rank = Rank(important: declaration.isImportant, inline: false,
                                        specificity: selector.specificity, order: applied.order)
                        offer(Declared(value: declaration.value, origin: applied.origin, rank: rank),
                              property: property, to: element.xpath)
                    }
                }
            }
        }
    }

    private func offer(_ candidate: Declared, property: String, to xpath: String) {
        if let current = declared[xpath]?[property], candidate.rank < current.rank { return }
        declared[xpath, default: [:]][property] = candidate
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

    /// The winning declaration of a property on an element (its style attribute included).
    func declaration(_ property: String, at element: HTMLElement) -> Declared? {
        readInlineStyle(element)
        return declared[element.xpath]?[property]
    }

    private func readInlineStyle(_ element: HTMLElement) {
        guard inlineRead.insert(element.xpath).inserted, let style = element.attribute("style") else { return }
        let origin = StyleOrigin(url: styles.page.url, locator: element.xpath + "/@style", snippet: element.snippet,
                                 unverifiedTLS: styles.page.unverifiedTLS)
        for (declaration, property) in Self.longhands(CSSDeclarationParser.parse(style)) {
            let rank = Rank(important: declaration.isImportant, inline: true, specificity: CSSSpecificity(), order: 0)
            offer(Declared(value: declaration.value, origin: origin, rank: rank), property: property, to: element.xpath)
        }
    }

    // MARK: - Computed values

    /// The element snapshot of an ancestor path (`/html/body/div[2]` of `/html/body/div[2]/p`).
    private func element(at xpath: String) -> HTMLElement? {
        (try? document.select(xpath))?.first
    }

    private static func parentPath(of xpath: String) -> String? {
        guard let slash = xpath.lastIndex(of: "/"), slash != xpath.startIndex else { return nil }
        return String(xpath[..<slash])
    }

    func fontSize(of element: HTMLElement) -> Computed<Double> {
        if let known = fontSizes[element.xpath] { return known }
        let parent = Self.parentPath(of: element.xpath).flatMap(element(at:)).map(fontSize(of:))
            ?? Computed(value: defaultFontSize, origin: nil)
        var result = parent
        if let winner = declaration("font-size", at: element) {
            let root = element.xpath == "/html" ? defaultFontSize : rootFontSize
            switch winner.value.lowercased() {
            case "inherit", "unset": break
            case "initial", "revert": result = Computed(value: defaultFontSize, origin: winner.origin)
            default:
                if let size = CSSLength.parse(winner.value)?.fontSize(parent: parent.value, root: root) {
                    result = Computed(value: size, origin: winner.origin)
                }
            }
        }
        fontSizes[element.xpath] = result
        return result
    }

    private var rootFontSize: Double {
        element(at: "/html").map { fontSize(of: $0).value } ?? defaultFontSize
    }

    func lineHeight(of element: HTMLElement) -> Computed<LineHeight> {
        if let known = lineHeights[element.xpath] { return known }
        let parent = Self.parentPath(of: element.xpath).flatMap(element(at:)).map(lineHeight(of:))
            ?? Computed(value: .normal, origin: nil)
        var result = parent
        if let winner = declaration("line-height", at: element) {
            let text = winner.value.lowercased()
            if text == "normal" || text == "initial" {
                result = Computed(value: .normal, origin: winner.origin)
            } else if text != "inherit" && text != "unset", let length = CSSLength.parse(winner.value) {
                let size = fontSize(of: element).value
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
        lineHeights[element.xpath] = result
        return result
    }
}
