import TiyanCore
import TiyanHTML

/// LG-03 扫码: a QR login, and which apps the page says scan it (a maintained dictionary of
/// national and provincial apps in probes/login.yaml, 电子社保卡 among them). A QR code that shares
/// the page (扫一扫分享, 手机扫码阅读) or belongs to a staff login is not a login method.
struct ScanLogin: Rule {
    static let id = "LG-03"
    let method: LoginMethod
    let apps: [String]
    let methodLabel: Pattern

    init(settings: RuleSettings) throws {
        method = try LoginMethod(key: "scan", settings: settings, citizenOnly: true)
        apps = try settings.keywords("scan_apps")
        methodLabel = try settings.pattern("scan_app_method_label")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, staff: method)
        guard let hit = method.find(in: material) else { return material.negative("QR-code login", value: .array([])) }
        let hits = [hit]
        var named: [String] = []
        var evidence = hits.map(\.evidence)
        for (text, source) in nearbyTexts(material, hits: hits) {
            let found = apps.filter { names(text, $0) && !named.contains($0) }
            guard !found.isEmpty else { continue }
            named += found
            // The apps go on the evidence that shows them: the hit itself, or the QR block.
            let index = evidence.firstIndex { $0.url == source.url && $0.locator == source.locator }
                ?? { evidence.append(source); return evidence.count - 1 }()
            evidence[index].extra.append(("apps", .array(found.map { .string($0) })))
        }
        var finding = Finding.found(hits, value: .array(apps.filter(named.contains).map { .string($0) }))
        finding.evidence = evidence
        return finding
    }

    /// For each QR element or QR label, the tightest block around it (itself, its parent, its
    /// grandparent) that names an app; for script-only hits, the text around the match.
    private func nearbyTexts(_ material: LoginMaterial, hits: [MethodHit]) -> [(String, Evidence)] {
        var texts: [(String, Evidence)] = []
        for source in material.sources {
            let page = source.page
            var elements = method.markup.flatMap { try? page.document.select($0) } ?? []
            for match in method.text.allMatches(in: source.text).compactMap({ $0.first ?? nil }) {
                if let element = TextLocator.element(showing: match, pattern: method.text, in: page.document) {
                    elements.append(element)
                }
            }
            for element in elements where method.accepts(element, in: page.document) {
                let blocks = (try? page.document.select("\(element.xpath)/ancestor-or-self::*[position()<=3]")) ?? []
                let tightest = blocks.sorted { $0.xpath.count > $1.xpath.count }
                    .first { block in apps.contains { block.text.contains($0) } }
                if let block = tightest { texts.append((block.text, page.evidence(block))) }
            }
        }
        texts += hits.map { ($0.text, $0.evidence) }
        return texts
    }

    /// The text names the app as a scanner: some occurrence is not a login method's own label
    /// (a 电子社保卡登录 tab beside 扫码登录 is another method, 请使用电子社保卡扫码 names the app).
    private func names(_ text: String, _ app: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: app) {
            if !methodLabel.matches(String(rest[range.upperBound...].prefix(6))) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
