import TiyanCore

extension HTMLReport {
    /// What could not be checked, in one place: an evaluator must not read an unmeasured
    /// indicator as a passed or failed one, and must know which sites need a manual visit.
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
        let grouped = Dictionary(grouping: open, by: \.target)
        out += "<ul class=\"unchecked\">\n"
        for (index, target) in input.targets.enumerated() {
            guard let items = grouped[target.id] else { continue }
            out += "<li class=\"per-target t\(index)\"><a href=\"#\(anchor(target.id))\">\(escapeHTML(target.id))</a> "
                + "\(escapeHTML(target.name)):<ul>"
            for result in items {
                out += "<li class=\"st-\(result.status.rawValue)\"><code>\(escapeHTML(result.indicator))</code> "
                    + "<span class=\"badge b-\(result.status.rawValue)\">\(result.status.rawValue)</span> "
                    + escapeHTML(result.reason ?? "no reason given") + "</li>"
            }
            out += "</ul></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }
}
