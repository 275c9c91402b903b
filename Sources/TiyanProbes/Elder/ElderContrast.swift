import TiyanCSS
import TiyanCore
import TiyanHTML

/// EL-07: text contrast of the rules (and style attributes) that declare both a text colour and a
/// background colour and apply to an element of the elder page: the WCAG 2 contrast ratio of
/// each pair, ≥4.5:1, or ≥3:1 for large text. The value is the share of pairs that pass.
struct ElderContrast: Rule {
    static let id = "EL-07"
    let style: StyleSettings
    let minimumRatio: Double
    let minimumLargeRatio: Double
    let largeTextPixels: Double
    let largeBoldTextPixels: Double
    let partialShare: Double

    init(settings: RuleSettings) throws {
        style = try StyleSettings(settings: settings)
        minimumRatio = try settings.number("min_contrast_ratio")
        minimumLargeRatio = try settings.number("min_contrast_ratio_large_text")
        largeTextPixels = try settings.number("large_text_px")
        largeBoldTextPixels = try settings.number("large_bold_text_px")
        partialShare = try settings.number("min_partial_share")
    }

    struct Pair {
        var foreground: CSSColor
        var background: CSSColor
        var ratio: Double
        var required: Double
        var origin: StyleOrigin
        var label: String
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let choice = try ElderPageChoice(site)
        let page = choice.page
        if let rendered = RenderedStyle.of(page, in: site) {
            let pairs = renderedPairs(rendered, page: page)
            guard !pairs.isEmpty else {
                return Finding(
                    .undetermined, value: .object(rendered.context),
                    evidence: [page.scopeEvidence("no text with readable colours")],
                    reason: choice.reason("no shown body text has a background the browser paints in one colour"))
            }
            return conclude(pairs, choice: choice, context: rendered.context, confidence: .high)
        }
        let styles = style.styles(for: choice, site: site)
        var pairs: [Pair] = []
        for applied in styles.rules {
            let declarations = applied.rule.declarations
            guard let pairDeclarations = colours(of: declarations) else { continue }
            let matches = applied.rule.selectors.contains { text in
                guard let selector = CSSSelector.parse(text) else { return false }
                return !styles.paths(matching: selector).isEmpty
            }
            guard matches else { continue }
            if let pair = pair(
                pairDeclarations, declarations: declarations, origin: applied.origin,
                label: applied.rule.selectorText)
            {
                pairs.append(pair)
            }
        }
        for element in (try? page.document.select("//body//*[@style]")) ?? [] {
            guard let text = element.attribute("style") else { continue }
            let declarations = CSSDeclarationParser.parse(text)
            guard let pairDeclarations = colours(of: declarations) else { continue }
            let origin = StyleOrigin(
                url: page.url, locator: element.xpath + "/@style", snippet: element.snippet,
                unverifiedTLS: page.unverifiedTLS)
            if let pair = pair(pairDeclarations, declarations: declarations, origin: origin, label: element.xpath) {
                pairs.append(pair)
            }
        }
        let context = StyleSettings.context(choice, styles)
        guard !pairs.isEmpty else {
            return Finding(
                .undetermined, value: .object(context), evidence: [page.scopeEvidence("no colour pair declared")],
                reason: choice.reason(
                    "no CSS rule that applies on the page declares both a text colour and a background colour"))
        }
        return conclude(pairs, choice: choice, context: context, confidence: StyleSettings.confidence(styles))
    }

    /// One pair per distinct text colour, background and size class among the text elements
    /// the citizen sees, from the colours the browser computed (the background is the nearest
    /// painted one; text over an image is left out: its contrast depends on the picture).
    private func renderedPairs(_ rendered: RenderedStyle, page: SitePage) -> [Pair] {
        var pairs: [Pair] = []
        var seen = Set<String>()
        let paths = (try? page.document.elementPaths(style.textElements)) ?? []
        for (path, computed) in rendered.shown(paths) {
            guard let text = computed["color"].flatMap(CSSColor.parse), text.alpha > 0,
                  let background = rendered.background(of: path) else { continue }
            let size = RenderedStyle.pixels(computed["font-size"]) ?? style.defaultFontSize
            let weight = computed["font-weight"].flatMap(Double.init) ?? 400
            let large = size >= largeTextPixels || (weight >= 700 && size >= largeBoldTextPixels)
            let foreground = text.composited(over: background)
            let required = large ? minimumLargeRatio : minimumRatio
            guard seen.insert("\(foreground.description) \(background.description) \(required)").inserted else {
                continue
            }
            let snippet = (try? page.document.select(path))?.first?.snippet ?? ""
            let origin = StyleOrigin(
                url: page.url, locator: path, snippet: snippet, unverifiedTLS: page.unverifiedTLS, rendered: true)
            pairs.append(Pair(
                foreground: foreground, background: background, ratio: foreground.contrastRatio(with: background),
                required: required, origin: origin, label: path))
        }
        return pairs
    }

    private func conclude(
        _ pairs: [Pair], choice: ElderPageChoice, context: [(String, JSONValue)], confidence: Confidence
    ) -> Finding {
        let failing = pairs.filter { $0.ratio < $0.required }
        let share = Double(pairs.count - failing.count) / Double(pairs.count)
        let status: Status = failing.isEmpty ? .pass : share >= partialShare ? .partial : .fail
        let shown = failing.isEmpty ? Array(pairs.prefix(3)) : Array(failing.prefix(10))
        let evidence = shown.map { pair in
            pair.origin.evidence([
                ("color", .string(pair.foreground.description)), ("background", .string(pair.background.description)),
                ("contrast_ratio", .number((pair.ratio * 100).rounded() / 100)), ("required", .number(pair.required)),
            ])
        }
        let value = JSONValue.object(
            [
                ("share_passing", .number(share)),
                ("pairs", .number(Double(pairs.count))),
                (
                    "failing",
                    .array(
                        failing.prefix(10).map { pair in
                            .object([
                                ("where", .string(pair.label)), ("color", .string(pair.foreground.description)),
                                ("background", .string(pair.background.description)),
                                ("contrast_ratio", .number((pair.ratio * 100).rounded() / 100)),
                            ])
                        })
                ),
            ] + context)
        let reason =
            failing.isEmpty
            ? nil
            : "\(failing.count) of \(pairs.count) colour pairs fall below the WCAG contrast minimum"
        return Finding(
            status, value: value, confidence: confidence, evidence: evidence,
            reason: choice.reason(reason), score: status == .partial ? share : nil)
    }

    /// The text colour and background colour a declaration block sets, if it sets both.
    private func colours(of declarations: [CSSDeclaration]) -> (String, String)? {
        var foreground: String?
        var background: String?
        for (declaration, property) in StyleCascade.longhands(declarations) {
            if property == "color" { foreground = declaration.value }
            if property == "background-color" { background = declaration.value }
        }
        guard let foreground, let background else { return nil }
        return (foreground, background)
    }

    /// A pair whose colours are both known and whose background is not transparent; the
    /// background is painted over white (the canvas) and the text over the background.
    private func pair(
        _ colours: (String, String), declarations: [CSSDeclaration], origin: StyleOrigin,
        label: String
    ) -> Pair? {
        guard let text = CSSColor.parse(colours.0), let fill = CSSColor.parse(colours.1), fill.alpha > 0 else {
            return nil
        }
        let background = fill.composited(over: .white)
        let foreground = text.composited(over: background)
        return Pair(
            foreground: foreground, background: background, ratio: foreground.contrastRatio(with: background),
            required: isLargeText(declarations) ? minimumLargeRatio : minimumRatio, origin: origin,
            label: label)
    }

    /// WCAG "large scale": at least 18pt (24px), or 14pt (18.66px) bold, by the block's own size.
    private func isLargeText(_ declarations: [CSSDeclaration]) -> Bool {
        var size: Double?
        var bold = false
        for (declaration, property) in StyleCascade.longhands(declarations) where property == "font-size" {
            size = CSSLength.parse(declaration.value)?.fontSize(
                parent: style.defaultFontSize, root: style.defaultFontSize)
        }
        for declaration in declarations {
            let value = declaration.value.lowercased()
            if declaration.property == "font-weight" {
                bold = value == "bold" || value == "bolder" || (Double(value) ?? 0) >= 700
            }
            if declaration.property == "font" {
                bold = value.contains("bold") || value.split(separator: " ").contains { (Double($0) ?? 0) >= 700 }
            }
        }
        guard let size else { return false }
        return size >= largeTextPixels || (bold && size >= largeBoldTextPixels)
    }
}
