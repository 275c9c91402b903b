import TiyanCore

/// EL-06: the typical line spacing of the elder page's body text, as a multiple of its font size.
struct ElderLineHeight: Rule {
    static let id = "EL-06"
    let style: StyleSettings
    let minimum: Double
    let normalRatio: Double

    init(settings: RuleSettings) throws {
        style = try StyleSettings(settings: settings)
        minimum = try settings.number("min_line_height_ratio")
        normalRatio = try settings.number("normal_line_height_ratio")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let choice = try ElderPageChoice(site)
        let page = choice.page
        let paths = (try? page.document.elementPaths(style.textElements)) ?? []
        if let rendered = RenderedStyle.of(page, in: site) {
            var histogram = ValueHistogram()
            for (path, computed) in rendered.shown(paths) {
                guard let size = RenderedStyle.pixels(computed["font-size"]), size > 0 else { continue }
                // Computed line-height is `normal` or pixels (numbers and percentages resolve).
                let ratio = RenderedStyle.pixels(computed["line-height"]).map { $0 / size } ?? normalRatio
                histogram.add((ratio * 100).rounded() / 100, origin: nil, sample: path)
            }
            return conclude(histogram, choice: choice, context: rendered.context, confidence: .high, evidence: [])
        }
        let styles = style.styles(for: choice, site: site)
        let cascade = StyleCascade(styles: styles, defaultFontSize: style.defaultFontSize)
        var histogram = ValueHistogram()
        for path in paths {
            let line = cascade.lineHeight(at: path)
            let ratio: Double
            switch line.value {
            case .normal: ratio = normalRatio
            case .factor(let factor): ratio = factor
            case .pixels(let pixels):
                let size = cascade.fontSize(at: path).value
                ratio = size > 0 ? pixels / size : normalRatio
            }
            histogram.add(
                (ratio * 100).rounded() / 100, origin: line.origin,
                sample: path)
        }
        let context = StyleSettings.context(choice, styles)
        if let (_, bucket) = histogram.mode, histogram.declaredCount == 0 {
            return Finding(
                .undetermined, value: .object(context),
                evidence: StyleSettings.evidence(of: bucket.sample, on: page, []),
                reason: choice.reason("no CSS that applies declares a line-height for the body text"))
        }
        let origin = histogram.mode?.bucket.origin.map { [$0.evidence([("decides", "line-height")])] } ?? []
        return conclude(
            histogram, choice: choice, context: context, confidence: StyleSettings.confidence(styles), evidence: origin)
    }

    /// The verdict on the typical spacing, whether the browser computed it or the cascade did.
    private func conclude(
        _ histogram: ValueHistogram, choice: ElderPageChoice, context: [(String, JSONValue)], confidence: Confidence,
        evidence origin: [Evidence]
    ) -> Finding {
        let minimum = self.minimum
        return TypicalValueVerdict(
            key: "line_height_ratio", passes: { $0 >= minimum - 0.001 },
            shortfall: {
                "body text line spacing is \(ValueHistogram.format($0))×, below \(ValueHistogram.format(minimum))×"
            }
        ).finding(histogram, choice: choice, context: context, confidence: confidence, evidence: origin)
    }
}
