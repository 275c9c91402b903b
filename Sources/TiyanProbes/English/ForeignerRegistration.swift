import Foundation
import TiyanCore
import TiyanHTML

/// EN-04 外籍用户登录/注册路径: the login and registration pages offer foreigners a way in (an
/// English switch, a 外籍人士 tab) and the ID types a foreigner holds (护照, 外国人永久居留身份证, …).
struct ForeignerRegistration: Rule {
    static let id = "EN-04"
    let path: LoginMethod
    let idTypes: [Pattern]
    let choices: String

    init(settings: RuleSettings) throws {
        path = try LoginMethod(key: "foreigner", settings: settings)
        idTypes = try settings.patterns("id_types")
        choices = try settings.xpath("id_type_choices")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, roles: [.login, .register])
        let hits = path.find(in: material).map { [$0] } ?? []
        var offered: [String] = []
        var evidence: [Evidence] = []
        for source in material.sources {
            let elements = (try? source.page.document.select(choices)) ?? []
            for element in elements {
                for type in idTypes {
                    let name = Self.name(of: type)
                    guard !offered.contains(name), type.matches(element.text) else { continue }
                    offered.append(name)
                    evidence.append(source.page.evidence(element, extra: [("id_type", .string(name))]))
                }
            }
        }
        let value: JSONValue = .object([
            ("foreigner_path", .bool(!hits.isEmpty)), ("id_types", .array(offered.map { .string($0) })),
            ("count", .int(offered.count)),
        ])
        guard !hits.isEmpty || !offered.isEmpty else {
            return material.negative("path for foreign users", value: value)
        }
        guard !hits.isEmpty else { return Finding(.pass, value: value, evidence: evidence) }
        var finding = Finding.found(hits, value: value)
        finding.evidence += evidence
        return finding
    }

    /// An ID type's name: the first alternative of its pattern (`护照|passport` → 护照).
    static func name(of pattern: Pattern) -> String {
        String(pattern.source.split(separator: "|").first ?? Substring(pattern.source))
            .trimmingCharacters(in: CharacterSet(charactersIn: "()?:"))
    }
}
