import TiyanCore
import TiyanScoring

extension HTMLReport {
    static func overview(_ input: HTMLReportInput) -> String {
        var out = "<section id=\"overview\">\n<h2>Overview 总览</h2>\n<div class=\"scroll\">" + heatMap(input) + "</div>\n"
        out += "<div class=\"scroll\"><table class=\"overview\">\n<thead><tr>"
        out += "<th>Target 目标</th><th>Name 名称</th><th>Region 区划</th>"
        for module in input.modules {
            out += "<th class=\"num\">\(escapeHTML(ReportLabels.module(module)))</th>"
        }
        out += "<th class=\"num\">Total 总分</th><th>Grade 等级</th>"
        for status in ReportLabels.overviewStatuses {
            out += "<th class=\"num\"><span class=\"badge b-\(status.rawValue)\">\(status.rawValue)</span>"
                + "<br>\(ReportLabels.status(status))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        var counts: [String: [Status: Int]] = [:]
        for result in input.results { counts[result.target, default: [:]][result.status, default: 0] += 1 }
        let scores = Dictionary(input.scores.map { ($0.targetID, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, target) in input.targets.enumerated() {
            let score = scores[target.id]
            out += "<tr class=\"per-target t\(index)\"><td><a href=\"#\(anchor(target.id))\">\(escapeHTML(target.id))</a></td>"
            out += "<td>\(escapeHTML(target.name))</td><td>\(escapeHTML(target.region))</td>"
            for module in input.modules {
                out += scoreCell(score?.score(of: module))
            }
            out += scoreCell(score?.total)
            out += "<td class=\"grade\">\(escapeHTML(score?.grade ?? "—"))</td>"
            for status in ReportLabels.overviewStatuses {
                let count = counts[target.id]?[status] ?? 0
                out += "<td class=\"num\(count == 0 ? " zero" : "")\">\(count)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        out += "<p class=\"note\">Scores are 0–100, the mean of the scored indicators of a module; the total is "
            + "the mean of the scored modules. — means nothing in it could be scored (blocked, unreachable, "
            + "undetermined): not measured, not failed. 未评分不等于不合格。</p>\n"
        out += dimensionGrid(input)
        return out + "</section>\n"
    }

    /// Each target's assessment dimensions side by side (nothing when scoring gave none).
    static func dimensionGrid(_ input: HTMLReportInput) -> String {
        let charts = input.targets.enumerated().compactMap { index, target -> String? in
            guard let dimensions = input.dimensions[target.id], !dimensions.isEmpty else { return nil }
            return "<figure class=\"per-target t\(index)\"><figcaption><a href=\"#\(anchor(target.id))\">"
                + "\(escapeHTML(target.id))</a> \(escapeHTML(target.name))</figcaption>"
                + dimensionChart(dimensions, targetID: target.id) + "</figure>"
        }
        guard !charts.isEmpty else { return "" }
        return "<h3>Assessment dimensions 评估维度</h3>\n<div class=\"dimension-grid\">" + charts.joined() + "</div>\n"
    }

    static func scoreCell(_ score: Double?) -> String {
        guard score != nil else { return "<td class=\"num unscored\" title=\"not scored 未评分\">—</td>" }
        return "<td class=\"num\">\(ScoreText.format(score))</td>"
    }
}
