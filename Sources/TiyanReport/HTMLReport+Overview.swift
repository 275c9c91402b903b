import TiyanCore
import TiyanScoring

extension HTMLReport {
    static func overview(_ input: HTMLReportInput) -> String {
        var out = "<section id=\"overview\">\n<h2>Overview 总览</h2>\n<div class=\"scroll\">" + heatMap(input) + "</div>\n"
        out += "<div class=\"scroll\"><table class=\"overview\">\n<thead><tr>"
        out += "<th class=\"num\">Rank 排名</th><th>Target 目标</th><th class=\"num\">Total 总分</th>"
            + "<th>Grade 等级</th><th class=\"num\">Measured 测得</th><th>Name 名称</th>"
        for module in input.modules {
            out += "<th class=\"num\">\(escapeHTML(ReportLabels.module(module)))</th>"
        }
        out += "<th>Region 区划</th>"
        for status in ReportLabels.overviewStatuses {
            out += "<th class=\"num\"><span class=\"badge b-\(status.rawValue)\">\(status.rawValue)</span>"
                + "<br>\(ReportLabels.status(status))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        var counts: [String: [Status: Int]] = [:]
        for result in input.results { counts[result.target, default: [:]][result.status, default: 0] += 1 }
        let scores = Dictionary(input.scores.map { ($0.targetID, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, target, rank) in input.ranked {
            let score = scores[target.id]
            out += "<tr class=\"per-target t\(index)\"><td class=\"num\">\(rank.map(String.init) ?? "–")</td>"
            out += "<td><a href=\"#\(anchor(target.id))\">\(escapeHTML(target.id))</a></td>"
            out += scoreCell(score?.total, withheld: score?.withheldReason(of: TargetScore.totalColumn))
            out += "<td class=\"grade\">\(escapeHTML(score?.grade ?? "—"))</td>"
            out += coverageCell(score?.coverage[TargetScore.totalColumn])
            out += "<td>\(escapeHTML(target.name))</td>"
            for module in input.modules {
                out += scoreCell(score?.score(of: module), withheld: score?.withheldReason(of: module),
                                 coverage: score?.coverage[module])
            }
            out += "<td>\(escapeHTML(target.region))</td>"
            for status in ReportLabels.overviewStatuses {
                let count = counts[target.id]?[status] ?? 0
                out += "<td class=\"num\(count == 0 ? " zero" : "")\">\(count)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        out += "<p class=\"note\">Scores are 0–100, the mean of the scored indicators of a module; the total is "
            + "the mean of the graded modules. Measured is the share of the indicator weight that was actually "
            + "measured (pass, fail, partial) rather than undetermined, blocked, unreachable or error; below "
            + "\(ScoreText.format(input.minimumCoverage).replacingOccurrences(of: ".0", with: ""))% a score is "
            + "<strong>n/r</strong>: not rankable, not graded. — means nothing in it could be scored: not measured, "
            + "not failed. 未评分不等于不合格；测得比例不足者不参与排名。</p>\n"
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

    static func scoreCell(_ score: Double?, withheld: String? = nil, coverage: Double? = nil) -> String {
        let measured = coverage.map { " · \(Int($0.rounded(.down)))% measured 测得" } ?? ""
        if let withheld {
            return "<td class=\"num unscored\" title=\"not rankable 不参与排名: \(escapeHTML(withheld))\">n/r</td>"
        }
        guard score != nil else { return "<td class=\"num unscored\" title=\"not scored 未评分\(measured)\">—</td>" }
        return "<td class=\"num\"\(measured.isEmpty ? "" : " title=\"\(measured.dropFirst(3))\"")>\(ScoreText.format(score))</td>"
    }

    static func coverageCell(_ coverage: Double?) -> String {
        guard let coverage, coverage.isFinite else { return "<td class=\"num unscored\">—</td>" }
        return "<td class=\"num\">\(Int(coverage.rounded(.down)))%</td>"
    }
}
