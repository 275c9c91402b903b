import TiyanCore
import TiyanScoring

extension HTMLReport {
    /// One target's section: its dimension chart, its indicators with their evidence, then the
    /// pages fetched for it, so an evaluator can go from a verdict to the exact page, markup and
    /// fetch record (pages.jsonl line, WARC offset) that decided it.
    struct TargetSection {
        var target: Target
        /// Position in the report's target order: the `tN` class the target filter uses.
        var index: Int
        var score: TargetScore?
        var results: [IndicatorResult]
        /// With their 1-based line numbers in pages.jsonl.
        var pages: [(line: Int, page: PageLine)]
        var moduleIndex: [String: Int]
        var dimensions: [HTMLReportInput.DimensionScore]

        func render() -> String {
            var out = "<section class=\"target per-target t\(index)\" id=\"\(HTMLReport.anchor(target.id))\">\n"
            out += "<h2>\(escapeHTML(target.name)) <small><code>\(escapeHTML(target.id))</code></small></h2>\n"
            out += "<p class=\"meta\">Region 区划 \(escapeHTML(target.region)) · \(escapeHTML(target.kind.rawValue)) · "
                + linkOrText(target.url)
            if let total = score?.total {
                out += " · Total 总分 <strong>\(ScoreText.format(total))</strong>"
                    + " (\(escapeHTML(score?.grade ?? "")))"
            } else if let reason = score?.withheldReason(of: TargetScore.totalColumn) {
                out += " · Total 总分 <strong>not rankable 不参与排名</strong>: \(escapeHTML(reason))"
            } else {
                out += " · Total 总分 <strong>—</strong> (not scored 未评分)"
            }
            if let coverage = score?.coverage[TargetScore.totalColumn] {
                out += " · Measured 测得 <strong>\(Int(coverage.rounded(.down)))%</strong>"
            }
            out += "</p>\n"
            if let withheld = score?.withheld, !withheld.isEmpty {
                out += "<ul class=\"withheld\">" + withheld.map { item in
                    "<li>\(escapeHTML(item.column)): not rankable 不参与排名 — \(escapeHTML(item.reason))</li>"
                }.joined() + "</ul>\n"
            }
            if !dimensions.isEmpty {
                out += "<h3>Assessment dimensions 评估维度</h3>\n"
                    + HTMLReport.dimensionChart(dimensions, targetID: target.id) + "\n"
            }
            out += indicators()
            out += pageTable()
            return out + "<p class=\"back\"><a href=\"#overview\">↑ Overview 总览</a></p>\n</section>\n"
        }

        private func indicators() -> String {
            guard !results.isEmpty else { return "<p class=\"empty\">No indicator results. 无检测结果。</p>\n" }
            var out = "<h3>Indicators 指标</h3>\n<div class=\"scroll\"><table class=\"indicators\">\n<thead><tr>"
                + "<th>Indicator 指标</th><th>Module 模块</th><th>Status 状态</th><th>Value 值</th>"
                + "<th>Confidence 置信度</th><th>Reason 原因</th><th>Evidence 证据</th></tr></thead>\n<tbody>\n"
            for result in results {
                let module = moduleIndex[result.module].map { " m\($0)" } ?? ""
                out += "<tr class=\"ind\(module) st-\(result.status.rawValue)\">"
                out += "<td><code>\(escapeHTML(result.indicator))</code></td>"
                out += "<td>\(escapeHTML(ReportLabels.module(result.module)))</td>"
                out += "<td><span class=\"badge b-\(result.status.rawValue)\" title=\"\(ReportLabels.status(result.status))\">"
                    + "\(result.status.rawValue)</span></td>"
                out += "<td><code class=\"value\">\(escapeHTML(result.value.serialized()))</code></td>"
                out += "<td>\(escapeHTML(result.confidence.rawValue))</td>"
                out += "<td>\(escapeHTML(result.reason ?? ""))</td>"
                out += "<td>\(result.evidence.prefix(HTMLReport.evidenceShown).map(evidence).joined())"
                if result.evidence.count > HTMLReport.evidenceShown {
                    out += "<p class=\"more\">\(result.evidence.count - HTMLReport.evidenceShown) more evidence items "
                        + "in results.jsonl 更多证据见 results.jsonl</p>"
                }
                out += "</td>"
                out += "</tr>\n"
            }
            return out + "</tbody>\n</table></div>\n"
        }

        private func evidence(_ item: Evidence) -> String {
            var out = "<div class=\"evidence\">"
            if !item.url.isEmpty { out += "<div>\(linkOrText(item.url))\(fetchRecord(item.url))</div>" }
            if !item.locator.isEmpty { out += "<div><code>\(escapeHTML(item.locator))</code></div>" }
            if !item.snippet.isEmpty { out += "<pre>\(EvidenceMarkup.snippet(item))</pre>" }
            let extras = item.extra.filter { $0.0 != EvidenceMarkup.matchKey }
            if !extras.isEmpty {
                let labels = extras.map { key, value in
                    "<span>\(escapeHTML(key)): \(escapeHTML(value.stringValue ?? value.serialized()))</span>"
                }
                out += "<div class=\"extra\">\(labels.joined(separator: " "))</div>"
            }
            return out + "</div>"
        }

        /// Where the archived page of `url` is: its pages.jsonl line (a link to its row below)
        /// and its WARC offset, the fetch that answered with a body preferred.
        private func fetchRecord(_ url: String) -> String {
            let candidates = pages.filter { $0.page.url == url || $0.page.finalURL == url }
            guard let found = candidates.first(where: { $0.page.warcOffset != nil && $0.page.error == nil })
                ?? candidates.first
            else { return "" }
            var out = " <small class=\"record\">(<a href=\"#\(pageAnchor(found.line))\">pages.jsonl line \(found.line)</a>"
            if let offset = found.page.warcOffset { out += " · WARC offset <code>\(offset)</code>" }
            if ArchivedCopy.isKept(found.page), let offset = found.page.warcOffset {
                out += " · <a href=\"\(ArchivedCopy.path(offset: offset))\">archived copy 存档</a>"
            }
            return out + ")</small>"
        }

        private func pageAnchor(_ line: Int) -> String { "page-\(line)" }

        private func pageTable() -> String {
            guard !pages.isEmpty else { return "<p class=\"empty pages\">No pages fetched. 未抓取页面。</p>\n" }
            var out = "<div class=\"pages\"><h3>Pages fetched 抓取页面</h3>\n<div class=\"scroll\"><table class=\"pages\">\n"
                + "<thead><tr><th class=\"num\">Line 行</th><th>Role 角色</th><th>URL</th><th class=\"num\">HTTP</th>"
                + "<th>Error 错误</th><th>Charset 编码</th><th class=\"num\">Bytes 字节</th><th class=\"num\">ms</th>"
                + "<th class=\"num\">WARC offset</th><th>Notes 备注</th></tr></thead>\n<tbody>\n"
            for (line, page) in pages {
                out += "<tr id=\"\(pageAnchor(line))\"\(page.error == nil ? "" : " class=\"failed\"")>"
                out += "<td class=\"num\">\(line)</td><td>\(escapeHTML(page.role))</td>"
                out += "<td>\(linkOrText(page.url))"
                if page.finalURL != page.url { out += "<br>→ \(linkOrText(page.finalURL))" }
                out += "</td><td class=\"num\">\(page.status.map(String.init) ?? "—")</td>"
                out += "<td>\(escapeHTML(page.error ?? ""))</td>"
                out += "<td>\(escapeHTML(page.charset ?? ""))"
                if let source = page.charsetSource { out += " <small>(\(escapeHTML(source)))</small>" }
                out += "</td><td class=\"num\">\(page.bytes)</td><td class=\"num\">\(page.milliseconds)</td>"
                if ArchivedCopy.isKept(page), let offset = page.warcOffset {
                    out += "<td class=\"num\"><a href=\"\(ArchivedCopy.path(offset: offset))\">\(offset)</a></td>"
                } else {
                    out += "<td class=\"num\">\(page.warcOffset.map(String.init) ?? "—")</td>"
                }
                out += "<td>\(notes(page))</td></tr>\n"
            }
            return out + "</tbody>\n</table></div></div>\n"
        }

        private func notes(_ page: PageLine) -> String {
            var notes: [String] = []
            if page.configured { notes.append("configured 配置") }
            if !page.redirects.isEmpty { notes.append("\(page.redirects.count) redirect(s) 重定向") }
            if page.unverifiedTLS { notes.append("<strong>TLS unverified 证书未验证</strong>") }
            return notes.joined(separator: "; ")
        }
    }
}
