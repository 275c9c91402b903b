import TiyanCore
import TiyanHTML

/// Which of a list of service categories the home page offers, each by a short link or control
/// text: one pattern per category, its first alternative the name reported (as EN-04's ID types).
struct CategoryScan {
    let categories: [Pattern]
    let maxTextLength: Int
    let exclude: Pattern

    struct Result {
        var present: [(name: String, evidence: Evidence)]
        var missing: [String]
        var confidence: Confidence
    }

    /// The pattern's first word: `老年人(服务)?(专区|专题)|长者…` reports `老年人`.
    static func name(of pattern: Pattern) -> String {
        var source = Substring(pattern.source)
        for prefix in ["^", "\\s*", "(?:", "("] where source.hasPrefix(prefix) { source = source.dropFirst(prefix.count) }
        let name = source.prefix { !"()[]?*+|\\^$.{".contains($0) }
        return name.isEmpty ? pattern.source : String(name)
    }

    func scan(_ page: SitePage, site: SiteContext) -> Result {
        let controls = ControlScan(page: page, site: site, maxTextLength: maxTextLength, exclude: exclude)
        var present: [(String, Evidence)] = []
        var missing: [String] = []
        var confidence = Confidence.high
        for pattern in categories {
            let name = Self.name(of: pattern)
            if let hit = controls.matches(pattern).first {
                var evidence = hit.evidence
                evidence.extra.append(("category", .string(name)))
                present.append((name, evidence))
                if hit.confidence != .high { confidence = .medium }
            } else {
                missing.append(name)
            }
        }
        return Result(present: present, missing: missing, confidence: confidence)
    }

    static func value(_ result: Result) -> JSONValue {
        .object([
            ("present", .array(result.present.map { .string($0.name) })),
            ("missing", .array(result.missing.map(JSONValue.string))),
            ("count", .int(result.present.count)),
        ])
    }
}

/// SV-09 特殊人群专区: areas for the groups the 一体化 evaluation names under 便利化 (老年人, 残疾人,
/// 外籍人士). All present passes, some is partial (the share present), none fails.
struct SpecialGroups: Rule {
    static let id = "SV-09"
    static let sourceFile = "ServiceCategories.swift"
    let scan: CategoryScan

    init(settings: RuleSettings) throws {
        scan = CategoryScan(categories: try settings.patterns("groups"),
                            maxTextLength: try settings.integer("max_entry_length"),
                            exclude: try settings.pattern("entry_exclude"))
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.markPage()
        let result = scan.scan(home, site: site)
        let value = CategoryScan.value(result)
        let evidence = result.present.map(\.evidence)
        if result.missing.isEmpty {
            return Finding(.pass, value: value, confidence: result.confidence, evidence: evidence)
        }
        if result.present.isEmpty {
            let finding = Finding(.fail, value: value, evidence: [home.absence("no 特殊人群 area")],
                                  reason: "no area for 老年人, 残疾人 or 外籍人士 on the home page")
            return site.negative(finding, on: home, what: "特殊人群 area")
        }
        let share = Double(result.present.count) / Double(result.present.count + result.missing.count)
        return Finding(.partial, value: value, confidence: result.confidence, evidence: evidence,
                       reason: "no area for \(result.missing.joined(separator: ", "))", score: share)
    }
}

/// SV-10 便民服务 (查询类): the everyday queries a citizen comes for (社保, 公积金, 交通违法…) are on the
/// home page. At least `min_categories` passes; fewer is partial by the share of that minimum.
struct ConvenienceQueries: Rule {
    static let id = "SV-10"
    static let sourceFile = "ServiceCategories.swift"
    let scan: CategoryScan
    let minimum: Int

    init(settings: RuleSettings) throws {
        scan = CategoryScan(categories: try settings.patterns("categories"),
                            maxTextLength: try settings.integer("max_entry_length"),
                            exclude: try settings.pattern("entry_exclude"))
        minimum = max(1, try settings.integer("min_categories"))
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let home = try site.markPage()
        let result = scan.scan(home, site: site)
        let value = CategoryScan.value(result)
        let evidence = result.present.map(\.evidence)
        if result.present.count >= minimum {
            return Finding(.pass, value: value, confidence: result.confidence, evidence: evidence)
        }
        if result.present.isEmpty {
            let finding = Finding(.fail, value: value, evidence: [home.absence("no 便民查询 service")],
                                  reason: "none of the everyday query services on the home page")
            return site.negative(finding, on: home, what: "便民查询 service")
        }
        return Finding(.partial, value: value, confidence: result.confidence, evidence: evidence,
                       reason: "\(result.present.count) of the \(minimum) everyday query services expected",
                       score: Double(result.present.count) / Double(minimum))
    }
}
