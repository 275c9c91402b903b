import TiyanCore
import TiyanScoring

/// Inline SVG charts: drawn from numbers alone (no script, no external resource), with a text
/// label in every cell so the charts read in print, in grey scale and for screen readers.
extension HTMLReport {
    /// Targets × modules, each cell coloured by the module score and linked to the target's
    /// section; an unscored cell is grey and says "—". One SVG per row, so that the target
    /// filter collapses the rows it hides.
    static func heatMap(_ input: HTMLReportInput) -> String {
        guard !input.targets.isEmpty, !input.modules.isEmpty else { return "" }
        let scores = Dictionary(input.scores.map { ($0.targetID, $0) }, uniquingKeysWith: { first, _ in first })
        let labelWidth = 220, cellWidth = 92, cellHeight = 24
        let columns = input.modules + ["total"]
        let width = labelWidth + cellWidth * columns.count
        var out = "<figure class=\"heatmap\" role=\"group\" aria-label=\"Module scores per target 各目标模块得分\">"
        out += "<svg class=\"chart\" role=\"img\" width=\"\(width)\" height=\"\(cellHeight)\" viewBox=\"0 0 \(width) \(cellHeight)\">"
            + "<title>Modules 模块</title>"
        for (column, module) in columns.enumerated() {
            let x = labelWidth + column * cellWidth + cellWidth / 2
            let label = module == "total" ? "Total 总分" : module
            out += "<text x=\"\(x)\" y=\"\(cellHeight - 8)\" text-anchor=\"middle\" class=\"head\">\(escapeHTML(label))</text>"
        }
        out += "</svg>"
        for (row, target, rank) in input.ranked {
            let score = scores[target.id]
            out += "<svg class=\"chart per-target t\(row)\" role=\"img\" width=\"\(width)\" height=\"\(cellHeight)\" "
                + "viewBox=\"0 0 \(width) \(cellHeight)\"><title>\(escapeHTML(target.id)) module scores</title>"
                + "<a href=\"#\(anchor(target.id))\">"
            out += "<text x=\"4\" y=\"\(cellHeight - 8)\" class=\"label\">"
                + "\(escapeHTML(Self.clip((rank.map { "\($0). " } ?? "– ") + target.id + " " + target.name, 24)))</text>"
            for (column, module) in columns.enumerated() {
                let value = module == "total" ? score?.total : score?.score(of: module)
                let withheld = score?.withheldReason(of: module)
                let coverage = score?.coverage[module].map { " · \(Int($0.rounded(.down)))% measured" } ?? ""
                let x = labelWidth + column * cellWidth
                let shown = value.map { ScoreText.format($0) } ?? (withheld == nil ? "—" : "n/r")
                out += "<rect x=\"\(x + 1)\" y=\"1\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" "
                    + "fill=\"\(Self.heat(value))\"><title>\(escapeHTML(target.id)) · \(escapeHTML(module)): "
                    + escapeHTML(value.map { ScoreText.format($0) }
                        ?? withheld.map { "not rankable 不参与排名: \($0)" } ?? "not scored 未评分") + "\(coverage)</title></rect>"
                out += "<text x=\"\(x + cellWidth / 2)\" y=\"\(cellHeight - 8)\" text-anchor=\"middle\">\(shown)</text>"
            }
            out += "</a></svg>"
        }
        out += "<figcaption>Module scores 0–100 per target; red is low, green high, grey — not scored "
            + "(nothing in it could be measured), n/r not rankable (too little measured). Rows in rank order. "
            + "红低绿高，灰色为未评分，n/r 为测得比例不足、不参与排名。</figcaption></figure>\n"
        return out
    }

    /// One bar per assessment dimension (0–100); an unscored dimension shows "—" and no bar.
    static func dimensionChart(_ dimensions: [HTMLReportInput.DimensionScore], targetID: String) -> String {
        guard !dimensions.isEmpty else { return "" }
        let labelWidth = 150, barWidth = 240, rowHeight = 22
        let width = labelWidth + barWidth + 60
        let height = rowHeight * dimensions.count + 4
        var out = "<svg class=\"chart dimensions\" role=\"img\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\"><title>Dimension scores of \(escapeHTML(targetID)) 维度得分</title>"
        for (row, item) in dimensions.enumerated() {
            let y = row * rowHeight + 2
            out += "<text x=\"0\" y=\"\(y + rowHeight - 7)\" class=\"label\">\(escapeHTML(Self.clip(item.dimension, 16)))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"\(rowHeight - 6)\" class=\"track\"/>"
            if let score = item.score, score.isFinite {
                let length = Int((min(max(score, 0), 100) / 100 * Double(barWidth)).rounded())
                out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" "
                    + "fill=\"\(Self.heat(score, lightness: 45))\"/>"
            }
            out += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + rowHeight - 7)\">"
                + "\(item.score.map { ScoreText.format($0) } ?? "—")</text>"
        }
        return out + "</svg>"
    }

    /// Red (0) through amber to green (100), light enough for dark text (≥ 4.5:1).
    static func heat(_ score: Double?, lightness: Int = 78) -> String {
        guard let score, score.isFinite else { return "#eaeef2" }
        let hue = Int((min(max(score, 0), 100) * 1.2).rounded())
        return "hsl(\(hue),65%,\(lightness)%)"
    }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}
