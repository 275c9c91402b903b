import TiyanCore

/// EL-05: the typical font size of the elder page's body text, from the CSS that applies to it
/// (font-size, and the `font` shorthand; rem against the root, em and % along the ancestors).
struct ElderFontSize: Rule {
    static let id = "EL-05"
    let style: StyleSettings
    let minimum: Double

    init(settings: RuleSettings) throws {
        style = try StyleSettings(settings: settings)
        minimum = try settings.number("min_font_px")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let choice = try ElderPageChoice(site)
        let page = choice.page
        let paths = (try? page.document.elementPaths(style.textElements)) ?? []
        if let rendered = RenderedStyle.of(page, in: site) {
            var histogram = ValueHistogram()
            for (path, computed) in rendered.shown(paths) {
                guard let size = RenderedStyle.pixels(computed["font-size"]) else { continue }
                histogram.add((size * 2).rounded() / 2, origin: nil, sample: path)
            }
            return conclude(histogram, choice: choice, context: rendered.context, confidence: .high, evidence: [])
        }
        let styles = style.styles(for: choice, site: site)
        let cascade = StyleCascade(styles: styles, defaultFontSize: style.defaultFontSize)
        var histogram = ValueHistogram()
        for path in paths {
            let size = cascade.fontSize(at: path)
            histogram.add(
                (size.value * 2).rounded() / 2, origin: size.origin,
                sample: path)
        }
        let context = StyleSettings.context(choice, styles)
        if let (_, bucket) = histogram.mode, histogram.declaredCount == 0 {
            return Finding(
                .undetermined, value: .object(context),
                evidence: StyleSettings.evidence(of: bucket.sample, on: page, []),
                reason: choice.reason(
                    "no CSS that applies declares a font-size for the body text (the browser default would apply)"))
        }
        let origin = histogram.mode?.bucket.origin.map { [$0.evidence([("decides", "font-size")])] } ?? []
        return conclude(
            histogram, choice: choice, context: context, confidence: StyleSettings.confidence(styles), evidence: origin)
    }

    /// The verdict on the typical size, whether the browser computed the sizes or the cascade did.
    private func conclude(
        _ histogram: ValueHistogram, choice: ElderPageChoice, context: [(String, JSONValue)], confidence: Confidence,
        evidence origin: [Evidence]
    ) -> Finding {
        let minimum = self.minimum
        return TypicalValueVerdict(
            key: "font_size_px", passes: { $0 >= minimum },
            shortfall: { "body text is \(ValueHistogram.format($0))px, below \(ValueHistogram.format(minimum))px" }
        ).finding(histogram, choice: choice, context: context, confidence: confidence, evidence: origin)
    }
}
