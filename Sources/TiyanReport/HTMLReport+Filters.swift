import TiyanCore

extension HTMLReport {
    /// Filters without script (the CSP forbids all script): radio buttons and checkboxes whose
    /// state CSS `:has()` rules read. Modules and targets get positional class names (`m0`,
    /// `t3`) so that no configured or crawled string ever reaches a selector.
    static func filters(_ input: HTMLReportInput) -> String {
        var out = "<div class=\"filters\" role=\"group\" aria-label=\"Filters 筛选\">\n"
        out += "<fieldset><legend>Module 模块</legend>"
        out += choice(type: "radio", name: "fm", id: "fm-all", label: "All 全部", checked: true)
        for (index, module) in input.modules.enumerated() {
            out += choice(type: "radio", name: "fm", id: "fm-\(index)", label: ReportLabels.module(module))
        }
        out += "</fieldset>\n<fieldset><legend>Status 状态</legend>"
        for status in Status.allCases {
            out += choice(type: "checkbox", name: nil, id: "fs-\(status.rawValue)",
                          label: "\(status.rawValue) \(ReportLabels.status(status))", checked: true)
        }
        out += "</fieldset>\n<fieldset><legend>Target 目标</legend>"
        out += choice(type: "radio", name: "ft", id: "ft-all", label: "All 全部", checked: true)
        for (index, target) in input.targets.enumerated() {
            out += choice(type: "radio", name: "ft", id: "ft-\(index)", label: target.id)
        }
        out += "</fieldset>\n<fieldset><legend>Show 显示</legend>"
        out += choice(type: "checkbox", name: nil, id: "hide-pages", label: "Hide fetched pages 隐藏抓取页面")
        out += "</fieldset>\n</div>\n"
        return out
    }

    /// The rules behind `filters`, one per module, status and target.
    static func filterCSS(_ input: HTMLReportInput) -> String {
        var rules: [String] = []
        for index in input.modules.indices {
            rules.append("body:has(#fm-\(index):checked) tr.ind:not(.m\(index)){display:none}")
        }
        for status in Status.allCases {
            rules.append("body:has(#fs-\(status.rawValue):not(:checked)) :is(tr,li).st-\(status.rawValue){display:none}")
        }
        for index in input.targets.indices {
            rules.append("body:has(#ft-\(index):checked) .per-target:not(.t\(index)){display:none}")
        }
        rules.append("body:has(#hide-pages:checked) .pages{display:none}")
        return rules.joined(separator: "\n") + "\n"
    }

    private static func choice(type: String, name: String?, id: String, label: String, checked: Bool = false)
        -> String
    {
        "<span class=\"choice\"><input type=\"\(type)\"\(name.map { " name=\"\($0)\"" } ?? "") id=\"\(id)\""
            + "\(checked ? " checked" : "")><label for=\"\(id)\">\(escapeHTML(label))</label></span>"
    }
}
