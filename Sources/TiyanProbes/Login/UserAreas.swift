import TiyanCore

/// LG-09 个人/法人分区: separate entries for citizens (个人/自然人) and for companies (法人/企业).
struct UserAreas: Rule {
    static let id = "LG-09"
    let personal: LoginMethod
    let legal: LoginMethod

    init(settings: RuleSettings) throws {
        personal = try LoginMethod(key: "personal", settings: settings, citizenOnly: true)
        legal = try LoginMethod(key: "legal", settings: settings, citizenOnly: true)
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, staff: personal)
        let personalHits = personal.find(in: material).map { [$0] } ?? []
        let legalHits = legal.find(in: material).map { [$0] } ?? []
        let tagged = personalHits.map { tag($0, "personal") } + legalHits.map { tag($0, "legal") }
        switch (personalHits.isEmpty, legalHits.isEmpty) {
        case (false, false):
            return .found(tagged)
        case (true, true):
            return material.negative("personal or legal-person area")
        default:
            if material.allShells { return material.negative("both personal and legal-person areas") }
            var finding = Finding.found(tagged, value: false)
            finding.status = .partial
            finding.score = 0.5
            finding.reason = personalHits.isEmpty ? "only a legal-person area" : "only a personal area"
            return finding
        }
    }

    private func tag(_ hit: MethodHit, _ area: String) -> MethodHit {
        var hit = hit
        hit.evidence.extra.append(("area", .string(area)))
        return hit
    }
}
