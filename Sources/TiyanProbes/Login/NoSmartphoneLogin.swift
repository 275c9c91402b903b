import TiyanCore

/// LG-11 非智能手机可用: some method needs no app on a smartphone (by default a password or an
/// SMS code, which a feature phone receives).
struct NoSmartphoneLogin: Rule {
    static let id = "LG-11"
    let methods: [LoginMethod]

    init(settings: RuleSettings) throws {
        methods = try LoginMethodCatalog.methods("no_smartphone_methods", settings: settings)
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, staff: methods.first)
        let hits = methods.compactMap { $0.find(in: material) }
        guard !hits.isEmpty else {
            return material.negative("method usable without a smartphone (\(methods.map(\.key).joined(separator: ", ")))")
        }
        var finding = Finding.found(hits)
        finding.evidence = hits.map { hit in
            var evidence = hit.evidence
            evidence.extra.append(("method", .string(hit.key)))
            return evidence
        }
        return finding
    }
}
