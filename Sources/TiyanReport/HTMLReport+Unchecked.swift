import TiyanCore

extension HTMLReport {
    /// What could not be checked, in one place: an evaluator must not read an unmeasured
    /// indicator as a passed or failed one, and must know which sites need a manual visit. One
    /// row per target with its counts and a link to its list (each target section holds the
    /// indicators with their reasons), in rank order.
    static func unchecked(_ input: HTMLReportInput) -> String {
        let statuses: [Status] = [.blocked, .unreachable, .undetermined, .error]
        let open = input.results.filter { statuses.contains($0.status) }
        var out = "<section id=\"unchecked\">\n<h2>Not checked 未能检测</h2>\n"
        guard !open.isEmpty else {
            return out + "<p class=\"empty\">Every indicator could be decided. 所有指标均已判定。</p>\n</section>\n"
        }
        out += "<p class=\"note\">These indicators were not measured — the page was behind a bot challenge (blocked), "
            + "could not be fetched (unreachable), was a script shell or did not show the fact (undetermined), or the "
            + "probe failed (error). They weigh 0 and are not failures; check them by hand. "
            + "以下指标未能测量，不计分，也不算不合格，请人工核查。</p>\n"
        var counts: [String: [Status: Int]] = [:]
        for result in open { counts[result.target, default: [:]][result.status, default: 0] += 1 }
        out += "<div class=\"scroll\"><table class=\"unchecked\"><thead><tr><th>Target 目标</th>"
            + statuses.map { "<th class=\"num\"><span class=\"badge b-\($0.rawValue)\">\($0.rawValue)</span></th>" }.joined()
            + "</tr></thead><tbody>\n"
        for (index, target, _) in input.ranked {
            guard let row = counts[target.id] else { continue }
            out += "<tr class=\"per-target t\(index)\"><td><a href=\"#\(escapeHTML(target.id))-unchecked\">"
                + "\(escapeHTML(target.id))</a> \(escapeHTML(target.name))</td>"
                + statuses.map { status in
                    let count = row[status] ?? 0
                    return "<td class=\"num\(count == 0 ? " zero" : "")\">\(count)</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }
}
