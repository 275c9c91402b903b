import Foundation
import TiyanCore

/// LG-12 包容度得分: the set of login methods offered, its size and a weighted share. Which
/// methods count, their weights, "usable without a smartphone" and the grade thresholds are data
/// in probes/login.yaml, so a reweighting needs no recompile.
struct LoginInclusiveness: Rule {
    static let id = "LG-12"
    static let noSmartphoneKey = "no_smartphone"
    let methods: [LoginMethod]
    let noSmartphone: [LoginMethod]
    let weights: [String: Double]
    let passScore: Double
    let partialScore: Double

    init(settings: RuleSettings) throws {
        methods = try LoginMethodCatalog.methods("counted_methods", settings: settings)
        noSmartphone = try LoginMethodCatalog.methods("no_smartphone_methods", settings: settings)
        var weights: [String: Double] = [:]
        for key in methods.map(\.key) + [Self.noSmartphoneKey] {
            let weight = try settings.number("weight_\(key)")
            guard weight >= 0 else { throw settings.invalid("weight_\(key)", "a weight cannot be negative") }
            weights[key] = weight
        }
        guard weights.values.reduce(0, +) > 0 else {
            throw settings.invalid("counted_methods", "the weights add up to zero")
        }
        self.weights = weights
        passScore = try settings.number("pass_score")
        partialScore = try settings.number("partial_score")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, staff: methods.first)
        // A registration page asks for SMS codes and passwords to create an account, not to log
        // in; only the foreigner path (LG-10) is read from it too.
        let withRegistration =
            (try? LoginMaterial.gather(site, roles: [.login, .register], staff: methods.first)) ?? material
        var found: [MethodHit] = []
        for method in methods {
            let pages = method.key == "foreigner" ? withRegistration : material
            if let hit = method.find(in: pages) { found.append(hit) }
        }
        let smartphoneFree = found.first { hit in noSmartphone.contains { $0.key == hit.key } }
            ?? noSmartphone.lazy.compactMap { $0.find(in: material) }.first
        var present = found.map(\.key)
        if let hit = smartphoneFree {
            present.append(Self.noSmartphoneKey)
            if !found.contains(where: { $0.key == hit.key }) { found.append(hit) }
        }
        if present.isEmpty { return material.negative("login method", value: value(present, 0)) }
        let total = weights.values.reduce(0, +)
        let score = (present.compactMap { weights[$0] }.reduce(0, +) / total * 100).rounded() / 100
        var finding = Finding.found(found.map { hit in
            var hit = hit
            hit.evidence.extra.append(("method", .string(hit.key)))
            return hit
        }, value: value(present, score))
        if material.allShells || found.contains(where: { $0.confidence == .low }) {
            finding.confidence = .low
            finding.reason = "some methods are seen only in script bundles; the set may be incomplete"
        }
        if score < partialScore {
            finding.status = .fail
        } else if score < passScore {
            finding.status = .partial
            finding.score = score
        }
        return finding
    }

    private func value(_ present: [String], _ score: Double) -> JSONValue {
        .object([("methods", .array(present.map { .string($0) })), ("count", .int(present.count)), ("score", .number(score))])
    }
}
