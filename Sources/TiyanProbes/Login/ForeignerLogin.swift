import TiyanCore

/// LG-10 外籍/港澳台: the login or registration pages offer a path for foreigners or residents of
/// Hong Kong, Macao and Taiwan (an English switch, a 外籍人士 tab, passport or 通行证 ID types).
struct ForeignerLogin: Rule {
    static let id = "LG-10"
    let method: LoginMethod

    init(settings: RuleSettings) throws {
        method = try LoginMethod(key: "foreigner", settings: settings, citizenOnly: true)
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, roles: [.login, .register], staff: method)
        guard let hit = method.find(in: material) else {
            return material.negative("path for foreigners or Hong Kong, Macao and Taiwan residents")
        }
        return .found([hit])
    }
}
