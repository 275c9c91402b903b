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
        var rank: Int?
        var guide: IndicatorGuide
        /// The target's rendered views in archive order, each with its anchor (`shotAnchors`).
        var screenshots: [(anchor: String, shot: ReportScreenshot)] = []

        func render() -> String {
            var out = "<section class=\"target per-target t\(index)\" id=\"\(HTMLReport.anchor(target.id))\">\n"
            out += "<h2>\(escapeHTML(target.name)) <small><code>\(escapeHTML(target.id))</code></small></h2>\n"
            out += "<p class=\"meta\">Rank 排名 <strong>\(rank.map(String.init) ?? "–")</strong> · "
                + "Region 区划 \(escapeHTML(target.region)) · \(escapeHTML(target.kind.rawValue)) · " + linkOrText(target.url)
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
            out += gallery()
            out += indicators()
            out += pageTable()
            return out + "<p class=\"back\"><a href=\"#overview\">↑ Overview 总览</a></p>\n</section>\n"
        }

        private func indicators() -> String {
            guard !results.isEmpty else { return "<p class=\"empty\">No indicator results. 无检测结果。</p>\n" }
            let unchecked: Set<Status> = [.blocked, .unreachable, .undetermined, .error]
            let failing = results.filter { $0.status == .fail }.sorted(by: Self.byID)
                + results.filter { $0.status == .partial }.sorted(by: Self.byID)
            let open = results.filter { unchecked.contains($0.status) }.sorted(by: Self.byID)
            let passes = results.filter { $0.status == .pass }.sorted(by: Self.byID)
            let inapplicable = results.filter { $0.status == .notApplicable }.sorted(by: Self.byID)
            var out = "<h3>Fails and partials 不合格与部分合格 (\(failing.count))</h3>\n"
            if failing.isEmpty {
                out += "<p class=\"empty\">None. 无。</p>\n"
            } else {
                out += "<div class=\"scroll\"><table class=\"indicators\">\n<thead><tr>"
                    + "<th>Indicator 指标</th><th>Status 状态</th><th>Value 值</th><th>Reason 原因</th>"
                    + "<th>Evidence 证据</th><th>Source and fix 依据与整改</th></tr></thead>\n<tbody>\n"
                for result in failing { out += failingRow(result) }
                out += "</tbody>\n</table></div>\n"
                if let act = failing.first(where: { $0.indicator.hasPrefix("ACT-") }), let fix = guide.info(for: act.indicator).fix {
                    out += "<p class=\"fix\"><strong>Fix 整改 (ACT rules 无障碍规则):</strong> \(escapeHTML(fix))</p>\n"
                }
            }
            out += reasonGroups(open, id: "unchecked", title: "Not checked 未能检测",
                                note: "not measured: weigh 0, not failures; check by hand 未测量，不计分，请人工核查")
            out += group(passes, id: "passes", title: "Passes 合格", note: nil,
                         head: "<th>Indicator 指标</th><th>Value 值</th><th>Evidence 证据</th>") { result in
                    "<td><code class=\"value\">\(escapeHTML(Self.briefValue(result.value)))</code></td>"
                        // An ACT pass's evidence is the page its id already names.
                        + "<td>\(result.indicator.hasPrefix("ACT-") ? "" : result.evidence.first.map(evidenceLink) ?? "")</td>"
                }
            out += reasonGroups(inapplicable, id: "not-applicable", title: "Not applicable 不适用", note: nil)
            return out
        }

        /// A value in a few characters: an ACT rule's outcome counts, else the JSON clipped.
        static func briefValue(_ value: JSONValue) -> String {
            if let passed = value["passed"]?.doubleValue, value["act_rule"] != nil {
                return "passed \(Int(passed))" + ((value["cant_tell"]?.doubleValue ?? 0) > 0
                    ? ", cantTell \(Int(value["cant_tell"]?.doubleValue ?? 0))" : "")
            }
            return clip(value.serialized(), 80)
        }

        /// `ACT-b5c3f8-elder` → `b5c3f8-elder` in the lists of a hundred rules; other ids as they are.
        static func shortID(_ indicator: String) -> String {
            indicator.hasPrefix("ACT-") ? String(indicator.dropFirst(4)) : indicator
        }

        static func byID(_ a: IndicatorResult, _ b: IndicatorResult) -> Bool {
            Array(a.indicator.utf8).lexicographicallyPrecedes(Array(b.indicator.utf8))
        }

        static func clip(_ text: String, _ length: Int) -> String {
            text.count > length ? String(text.prefix(length - 1)) + "…" : text
        }

        /// The stable anchor of one indicator of this target, e.g. `zj-EN-02`.
        private func anchor(_ indicator: String) -> String { escapeHTML(target.id + "-" + indicator) }

        private func rowStart(_ result: IndicatorResult) -> String {
            let module = moduleIndex[result.module].map { " m\($0)" } ?? ""
            return "<tr class=\"ind\(module) st-\(result.status.rawValue)\" id=\"\(anchor(result.indicator))\">"
        }

        /// The indicator cell: its id (a link to itself, for sharing), Chinese name, English name.
        private func nameCell(_ result: IndicatorResult, _ info: IndicatorGuide.Info, brief: Bool = false) -> String {
            var out = brief ? "<td><code>\(escapeHTML(result.indicator))</code>"
                : "<td><a class=\"self\" href=\"#\(anchor(result.indicator))\"><code>\(escapeHTML(result.indicator))</code></a>"
            if info.name != result.indicator { out += " \(escapeHTML(info.name))" }
            // In one-line rows an ACT rule's kind and page are already in its id.
            if let english = info.english, english != info.name, !(brief && result.indicator.hasPrefix("ACT-")) {
                out += "<br><small>\(escapeHTML(english))</small>"
            }
            return out + "</td>"
        }

        private func statusCell(_ result: IndicatorResult) -> String {
            "<td><span class=\"badge b-\(result.status.rawValue)\" title=\"\(ReportLabels.status(result.status))\">"
                + "\(result.status.rawValue)</span>"
                + (result.confidence == .high ? "" : "<br><small>\(escapeHTML(result.confidence.rawValue)) confidence</small>")
                + "</td>"
        }

        private func failingRow(_ result: IndicatorResult) -> String {
            let info = guide.info(for: result.indicator)
            var out = rowStart(result) + nameCell(result, info) + statusCell(result)
            out += "<td><code class=\"value\">\(escapeHTML(Self.clip(result.value.serialized(), 300)))</code></td>"
            out += "<td>\(escapeHTML(Self.reason(result, info)))</td>"
            out += "<td>\(evidenceList(result.evidence.prefix(HTMLReport.evidenceShown)))"
            if result.evidence.count > HTMLReport.evidenceShown {
                out += "<p class=\"more\">\(result.evidence.count - HTMLReport.evidenceShown) more evidence items "
                    + "in results.jsonl 更多证据见 results.jsonl</p>"
            }
            out += "</td><td>"
            // A source whose clause is the rule's page is the link below.
            out += info.sources.filter { !$0.clause.hasPrefix("https://") }
                .map { "<div class=\"source\">\(escapeHTML($0.text))</div>" }.joined()
            for link in info.links {
                if let href = linkTarget(link.url) {
                    out += "<div><a href=\"\(href)\" rel=\"noopener noreferrer\">\(escapeHTML(link.label))</a></div>"
                }
            }
            if let pass = info.pass, result.reason?.isEmpty == false {
                out += "<div class=\"pass-needs\"><strong>Pass needs 合格要求:</strong> \(escapeHTML(pass))</div>"
            }
            // The ACT rules share one piece of advice, said once under the table.
            if let fix = info.fix, !result.indicator.hasPrefix("ACT-") {
                out += "<div class=\"fix\"><strong>Fix 整改:</strong> \(escapeHTML(fix))</div>"
            }
            return out + "</td></tr>\n"
        }

        /// Every fail and partial says why: the probe's reason, else the first element-level
        /// reason of its evidence, else the requirement it did not meet.
        static func reason(_ result: IndicatorResult, _ info: IndicatorGuide.Info) -> String {
            if let reason = result.reason, !reason.isEmpty { return reason }
            if let detail = result.evidence.lazy.compactMap({ item in
                item.extra.first { $0.0 == "reason" }?.1.stringValue
            }).first(where: { !$0.isEmpty }) {
                return detail
            }
            if let pass = info.pass { return "requirement not met 未达要求: " + pass }
            return "the probe gave no reason 探针未给出原因"
        }

        /// A collapsed group of one-line rows (passes).
        private func group(_ items: [IndicatorResult], id: String, title: String, note: String?, head: String,
                           cells: (IndicatorResult) -> String) -> String
        {
            guard !items.isEmpty else { return "" }
            var out = "<details class=\"group\" id=\"\(escapeHTML(target.id))-\(id)\"><summary>\(title) (\(items.count))"
            if let note { out += " <small>— \(note)</small>" }
            out += "</summary>\n<div class=\"scroll\"><table class=\"brief\"><thead><tr>\(head)</tr></thead>\n<tbody>\n"
            for result in items {
                out += rowStart(result) + nameCell(result, guide.info(for: result.indicator), brief: true) + cells(result)
                    + "</tr>\n"
            }
            return out + "</tbody></table></div></details>\n"
        }

        /// A collapsed group of indicators that share module, status and reason, one row per
        /// reason: unmeasured and inapplicable indicators carry no evidence worth a row each (a
        /// hundred ACT rules "not applicable" on one page), yet each keeps its anchor.
        private func reasonGroups(_ items: [IndicatorResult], id: String, title: String, note: String?) -> String {
            guard !items.isEmpty else { return "" }
            var groups: [(key: String, results: [IndicatorResult])] = []
            var positions: [String: Int] = [:]
            for result in items {
                let key = result.module + "\u{0}" + result.status.rawValue + "\u{0}" + (result.reason ?? "")
                if let position = positions[key] {
                    groups[position].results.append(result)
                } else {
                    positions[key] = groups.count
                    groups.append((key, [result]))
                }
            }
            var out = "<details class=\"group\" id=\"\(escapeHTML(target.id))-\(id)\"><summary>\(title) (\(items.count))"
            if let note { out += " <small>— \(note)</small>" }
            out += "</summary>\n<div class=\"scroll\"><table class=\"brief\"><thead><tr><th>Status 状态</th>"
                + "<th>Reason 原因</th><th>Indicators 指标</th></tr></thead>\n<tbody>\n"
            for (_, results) in groups {
                guard let first = results.first else { continue }
                let module = moduleIndex[first.module].map { " m\($0)" } ?? ""
                out += "<tr class=\"ind\(module) st-\(first.status.rawValue)\">" + statusCell(first)
                    + "<td>\(escapeHTML(first.reason ?? "no reason given 未给出原因"))</td><td>"
                    + results.map { "<code id=\"\(anchor($0.indicator))\">\(escapeHTML(Self.shortID($0.indicator)))</code>" }
                        .joined(separator: " ")
                    + "</td></tr>\n"
            }
            return out + "</tbody></table></div></details>\n"
        }

        /// One evidence item as a line: its URL (and archived copy), without the snippet.
        private func evidenceLink(_ item: Evidence) -> String {
            guard !item.url.isEmpty else { return escapeHTML(Self.clip(item.snippet, 120)) }
            return shortLink(item.url, limit: 56) + archivedLink(item.url) + shotLink(item)
        }

        /// The shown evidence items; a URL repeated from the item before is not repeated.
        private func evidenceList(_ items: ArraySlice<Evidence>) -> String {
            var out = "", previous = ""
            for item in items {
                out += evidence(item, showURL: item.url != previous)
                previous = item.url
            }
            return out
        }

        private func evidence(_ item: Evidence, showURL: Bool) -> String {
            var out = "<div class=\"evidence\">"
            if !item.url.isEmpty, showURL {
                out += "<div>\(shortLink(item.url, limit: 60))\(fetchRecord(item.url))\(shotLink(item))</div>"
            }
            if !item.locator.isEmpty { out += "<div><code>\(escapeHTML(item.locator))</code></div>" }
            if !item.snippet.isEmpty { out += "<pre>\(EvidenceMarkup.snippet(item, limit: HTMLReport.snippetShown))</pre>" }
            // A search query's result list is in results.jsonl and its archived copy.
            let extras = item.extra.filter { $0.0 != EvidenceMarkup.matchKey && $0.0 != "results" }
            if !extras.isEmpty {
                let labels = extras.map { key, value in
                    "<span>\(escapeHTML(key)): \(escapeHTML(Self.clip(value.stringValue ?? value.serialized(), 120)))</span>"
                }
                out += "<div class=\"extra\">\(labels.joined(separator: " "))</div>"
            }
            return out + "</div>"
        }

        /// Where the archived page of `url` is: its pages.jsonl line (a link to its row below)
        /// and its WARC offset, the fetch that answered with a body preferred.
        func fetchRecord(_ url: String) -> String {
            let candidates = pages.filter { $0.page.url == url || $0.page.finalURL == url }
            guard let found = candidates.first(where: { $0.page.warcOffset != nil && $0.page.error == nil })
                ?? candidates.first
            else { return "" }
            // The page table row (pages.jsonl line) gives the WARC offset; the copy is what was seen.
            var out = " <small class=\"record\">(<a href=\"#\(pageAnchor(found.line))\" title=\"pages.jsonl line "
                + "\(found.line)\(found.page.warcOffset.map { ", WARC offset \($0)" } ?? "")\">line \(found.line)</a>"
            if ArchivedCopy.isKept(found.page), let offset = found.page.warcOffset {
                out += " · <a href=\"\(ArchivedCopy.path(offset: offset))\">存档 copy</a>"
            }
            return out + ")</small>"
        }

        /// Only the archived copy of `url`, for the one-line rows.
        private func archivedLink(_ url: String) -> String {
            guard let found = pages.first(where: { ($0.page.url == url || $0.page.finalURL == url) && ArchivedCopy.isKept($0.page) }),
                  let offset = found.page.warcOffset
            else { return "" }
            return " <a class=\"copy\" href=\"\(ArchivedCopy.path(offset: offset))\">存档</a>"
        }

        private func pageAnchor(_ line: Int) -> String { "page-\(line)" }

        private func pageTable() -> String {
            guard !pages.isEmpty else { return "<p class=\"empty pages\">No pages fetched. 未抓取页面。</p>\n" }
            var out = "<details class=\"pages group\" id=\"\(escapeHTML(target.id))-pages\"><summary>Pages fetched 抓取页面 "
                + "(\(pages.count))</summary>\n<div class=\"scroll\"><table class=\"pages\">\n"
                + "<thead><tr><th class=\"num\">Line 行</th><th>Role 角色</th><th>URL</th><th class=\"num\">HTTP</th>"
                + "<th>Error 错误</th><th>Charset 编码</th><th class=\"num\">Bytes 字节</th><th class=\"num\">ms</th>"
                + "<th class=\"num\">WARC offset</th><th>Notes 备注</th></tr></thead>\n<tbody>\n"
            for (line, page) in pages {
                out += "<tr id=\"\(pageAnchor(line))\"\(page.error == nil ? "" : " class=\"failed\"")>"
                out += "<td class=\"num\">\(line)</td><td>\(escapeHTML(page.role))</td>"
                out += "<td>\(shortLink(page.url, limit: 48))"
                if page.finalURL != page.url { out += "<br>→ \(shortLink(page.finalURL, limit: 48))" }
                out += "</td><td class=\"num\">\(page.status.map(String.init) ?? "—")</td>"
                out += "<td>\(escapeHTML(page.error ?? ""))</td>"
                out += "<td>\(escapeHTML(page.charset ?? ""))"
                if let source = page.charsetSource { out += "<small>·\(escapeHTML(source))</small>" }
                out += "</td><td class=\"num\">\(page.bytes)</td><td class=\"num\">\(page.milliseconds)</td>"
                if ArchivedCopy.isKept(page), let offset = page.warcOffset {
                    out += "<td class=\"num\"><a href=\"\(ArchivedCopy.path(offset: offset))\">\(offset)</a></td>"
                } else {
                    out += "<td class=\"num\">\(page.warcOffset.map(String.init) ?? "—")</td>"
                }
                out += "<td>\(notes(page))</td></tr>\n"
            }
            return out + "</tbody>\n</table></div></details>\n"
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
