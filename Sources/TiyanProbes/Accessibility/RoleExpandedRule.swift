import TiyanCore

/// A rule that judges each of several pages of a site on its own and reports one result per
/// page role, as indicator `<id>-<role>` (e.g. `ACT-b5c3f8-home`). The runner asks for every
/// role; asking for the plain id selects all of them.
protocol RoleExpandedRule: Rule {
    var roles: [PageRole] { get }
    func evaluate(_ site: SiteContext, role: PageRole) throws -> Finding
}

extension RoleExpandedRule {
    static func indicator(_ id: String, role: PageRole) -> String { "\(id)-\(role.rawValue)" }
}
