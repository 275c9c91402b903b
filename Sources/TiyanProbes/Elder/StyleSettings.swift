import TiyanCore

/// The assumptions under which EL-05..07 read a page's CSS (probes/elder.yaml `shared`).
struct StyleSettings {
    let defaultFontSize: Double
    let desktopWidth: Double
    let mobileWidth: Double
    let textElements: String

    init(settings: RuleSettings) throws {
        defaultFontSize = try settings.number("default_font_px")
        desktopWidth = try settings.number("desktop_width_px")
        mobileWidth = try settings.number("mobile_width_px")
        textElements = try settings.xpath("text_elements")
    }

    func styles(for choice: ElderPageChoice, site: SiteContext) -> PageStyles {
        site.measure("page styles") {
            PageStyles(
                page: choice.page, site: site,
                environment: choice.environment(desktopWidth: desktopWidth, mobileWidth: mobileWidth))
        }
    }

    /// Fields every CSS-based value carries: which page, how much CSS was read, what was missing.
    static func context(_ choice: ElderPageChoice, _ styles: PageStyles) -> [(String, JSONValue)] {
        [
            choice.valueField,
            ("stylesheets_read", .number(Double(styles.sheetCount))),
            ("stylesheets_missing", .array(styles.missingSheets.prefix(10).map { .string($0) })),
        ]
    }

    /// Evidence of the element at `path` (its markup is only built for the few elements shown).
    static func evidence(of path: String?, on page: SitePage, _ extra: [(String, JSONValue)]) -> [Evidence] {
        guard let path, let element = (try? page.document.select(path))?.first else { return [] }
        return [page.evidence(element, extra: extra)]
    }

    /// Values computed without some of the page's CSS are less certain.
    static func confidence(_ styles: PageStyles) -> Confidence {
        styles.missingSheets.isEmpty ? .high : .medium
    }
}

/// The verdict of a rule on the typical value of the page's body text (EL-05's size, EL-06's
/// spacing), whether the browser computed the values or the cascade did: the mode of
/// `histogram` under `key`, with its share and distribution, passing when `passes` says so and
/// otherwise failing with `shortfall(value)` (undetermined where the page is a shell).
struct TypicalValueVerdict {
    var key: String
    var passes: (Double) -> Bool
    var shortfall: (Double) -> String

    func finding(
        _ histogram: ValueHistogram, choice: ElderPageChoice, context: [(String, JSONValue)], confidence: Confidence,
        evidence origin: [Evidence]
    ) -> Finding {
        let page = choice.page
        guard let (value, bucket) = histogram.mode else {
            return Finding(
                .undetermined, value: .object(context), evidence: [page.scopeEvidence("no body text")],
                reason: choice.reason("the page has no body text"))
        }
        let evidence = origin + StyleSettings.evidence(of: bucket.sample, on: page, [(key, .number(value))])
        let passed = passes(value)
        let finding = Finding(
            passed ? .pass : .fail,
            value: .object(
                [
                    (key, .number(value)),
                    ("share", .number(Double(bucket.count) / Double(histogram.total))),
                    ("text_elements", .number(Double(histogram.total))),
                    ("distribution", histogram.distribution),
                ] + context),
            confidence: confidence, evidence: evidence,
            reason: choice.reason(passed ? nil : shortfall(value)))
        return passed ? finding : page.negative(finding)
    }
}

/// Counts of a computed value over the page's text elements, with the first element and the
/// declaration behind each value: the mode is the page's typical value.
struct ValueHistogram {
    struct Bucket {
        var count = 0
        var origin: StyleOrigin?
        /// The XPath of the first element with the value.
        var sample: String?
    }

    private(set) var buckets: [Double: Bucket] = [:]
    private(set) var total = 0
    private(set) var declaredCount = 0

    mutating func add(_ value: Double, origin: StyleOrigin?, sample: String) {
        total += 1
        if origin != nil { declaredCount += 1 }
        var bucket = buckets[value] ?? Bucket()
        bucket.count += 1
        if bucket.origin == nil { bucket.origin = origin }
        if bucket.sample == nil { bucket.sample = sample }
        buckets[value] = bucket
    }

    /// The most frequent value; among equals the smaller, so a tie never flatters the page.
    var mode: (value: Double, bucket: Bucket)? {
        buckets.max { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count : lhs.key > rhs.key
        }.map { ($0.key, $0.value) }
    }

    var distribution: JSONValue {
        .object(buckets.sorted { $0.key < $1.key }.map { (Self.format($0.key), .number(Double($0.value.count))) })
    }

    static func format(_ value: Double) -> String {
        // Int(_:) traps outside its range; the cascade bounds sizes, this keeps a label from ever
        // being the thing that stops a run.
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
