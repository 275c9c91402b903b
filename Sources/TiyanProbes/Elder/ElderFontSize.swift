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
        let styles = style.styles(for: choice, site: site)
        let cascade = StyleCascade(styles: styles, defaultFontSize: style.defaultFontSize)
        var histogram = ValueHistogram()
        for element in (try? page.document.select(style.textElements)) ?? [] {
            let size = cascade.fontSize(of: element)
            histogram.add((size.value * 2).rounded() / 2, origin: size.origin,
                          sample: HTMLElementSample(xpath: element.xpath, snippet: element.snippet))
        }
        let context = StyleSettings.context(choice, styles)
        guard let (value, bucket) = histogram.mode else {
            return Finding(.undetermined, value: .object(context), reason: choice.reason("the page has no body text"))
        }
        guard histogram.declaredCount > 0 else {
            return Finding(
                .undetermined, value: .object(context), evidence: bucket.sample.map { [page.evidence(locator: $0.xpath, snippet: $0.snippet)] } ?? [],
                reason: choice.reason(
                    "no CSS that applies declares a font-size for the body text (the browser default would apply)"))
        }
        var evidence: [Evidence] = []
        if let origin = bucket.origin { evidence.append(origin.evidence([("decides", "font-size")])) }
        if let sample = bucket.sample {
            evidence.append(page.evidence(locator: sample.xpath, snippet: sample.snippet,
                                          extra: [("font_size_px", .number(value))]))
        }
        let finding = Finding(
            value >= minimum ? .pass : .fail,
            value: .object([
                ("font_size_px", .number(value)),
                ("share", .number(Double(bucket.count) / Double(histogram.total))),
                ("text_elements", .number(Double(histogram.total))),
                ("distribution", histogram.distribution),
            ] + context),
            confidence: StyleSettings.confidence(styles), evidence: evidence,
            reason: choice.reason(value >= minimum ? nil : "body text is \(ValueHistogram.format(value))px, below \(ValueHistogram.format(minimum))px"))
        return value >= minimum ? finding : page.negative(finding)
    }
}
