import TiyanCore

/// English labels with the Chinese term evaluators use, so a report reads for both the 体验官
/// teams and foreign reviewers. Unknown modules show their raw name.
enum ReportLabels {
    static let modules: [String: String] = [
        "basics": "Site basics 基本信息",
        "english": "English mode 英文版",
        "elder": "Elder-friendly 适老化",
        "privacy": "Privacy 隐私协议",
        "login": "Login options 登录方式",
        "search": "Search precision 查询精准度",
        "services": "Services and feedback 服务与互动",
    ]

    static func module(_ name: String) -> String { modules[name] ?? name }

    static func status(_ status: Status) -> String {
        switch status {
        case .pass: return "通过"
        case .fail: return "未通过"
        case .partial: return "部分通过"
        case .notApplicable: return "不适用"
        case .undetermined: return "无法判定"
        case .blocked: return "被拦截"
        case .unreachable: return "无法访问"
        case .error: return "检测出错"
        }
    }

    /// The statuses counted in the overview: not_applicable is left out as it says nothing
    /// about the site.
    static let overviewStatuses: [Status] = [.pass, .fail, .partial, .blocked, .unreachable, .undetermined, .error]
}
