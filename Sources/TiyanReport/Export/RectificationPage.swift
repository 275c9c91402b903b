/// 整改清单 as one printable HTML file: a page per target (a page break before each), listing
/// each failing then partial indicator with its reason, evidence, sources and the fix. Same rules
/// as index.html: no script, no external request, every string escaped.
extension Rectification {
    public func renderHTML(runID: String, algorithmVersion: String) -> String {
        var out = HTMLHead.opening(language: "zh-CN", escapedTitle: "整改清单 rectification list \(escapeHTML(runID))")
            + """
            <style>
            body{font:13px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1rem;color:#1f2328}
            section{break-before:page;page-break-before:always}section:first-of-type{break-before:auto;page-break-before:auto}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .4rem;vertical-align:top;text-align:left}
            th{background:#f6f8fa}td{overflow-wrap:anywhere}tr{break-inside:avoid}
            .fail{color:#a40e26;font-weight:600}.partial{color:#7d4e00;font-weight:600}small{color:#57606a}
            pre{white-space:pre-wrap;margin:0;font:11px/1.4 ui-monospace,monospace}
            @media (max-width:700px){table,thead,tbody,tr,th,td{display:block}thead{display:none}td{border:0;padding:.15rem 0}tr{border-bottom:1px solid #d0d7de;padding:.4rem 0}}
            @media print{a{color:inherit;text-decoration:none}}
            </style>
            </head>
            <body>
            <h1>整改清单 Rectification list</h1>
            <p>Run 运行 <code>\(escapeHTML(runID))</code> · scoring algorithm 评分算法 \(escapeHTML(algorithmVersion)) ·
            \(items.count) items 项 · fails first, then partials 先列不合格，后列部分合格</p>

            """
        var byTarget: [(id: String, items: [Item])] = []
        for item in items {
            if byTarget.last?.id == item.targetID {
                byTarget[byTarget.count - 1].items.append(item)
            } else {
                byTarget.append((item.targetID, [item]))
            }
        }
        for (id, entries) in byTarget {
            let first = entries[0]
            out += "<section id=\"rect-\(escapeHTML(id))\"><h2>\(escapeHTML(first.targetName)) <small><code>\(escapeHTML(id))</code>"
                + " · rank 排名 \(first.rank.map(String.init) ?? "–")</small></h2>\n"
            out += "<table><thead><tr><th>指标 Indicator</th><th>状态 Status</th><th>原因 Reason</th>"
                + "<th>证据 Evidence</th><th>依据 Source</th><th>整改建议 Fix</th></tr></thead><tbody>\n"
            for item in entries {
                let status = item.result.status.rawValue
                out += "<tr><td><code>\(escapeHTML(item.result.indicator))</code><br>\(escapeHTML(item.info.name))"
                if let english = item.info.english { out += "<br><small>\(escapeHTML(english))</small>" }
                out += "</td><td class=\"\(status)\">\(status)</td>"
                out += "<td>\(escapeHTML(item.result.reason ?? ""))</td>"
                out += "<td><pre>\(escapeHTML(Self.evidenceText(item.result.evidence)))</pre>"
                if let archived = item.archived {
                    out += "<a href=\"\(escapeHTML(archived))\">archived copy 存档</a>"
                }
                out += "</td><td>" + item.info.sources.map { escapeHTML($0.text) }.joined(separator: "<br>")
                for link in item.info.links {
                    if let href = linkTarget(link.url) { out += "<br><a href=\"\(href)\">\(escapeHTML(link.label))</a>" }
                }
                out += "</td><td>"
                if let pass = item.info.pass { out += "<small>合格要求 pass needs: \(escapeHTML(pass))</small><br>" }
                out += "\(escapeHTML(item.info.fix ?? ""))</td></tr>\n"
            }
            out += "</tbody></table></section>\n"
        }
        if byTarget.isEmpty { out += "<p>Nothing fails. 无不合格项。</p>\n" }
        return out + "</body>\n</html>\n"
    }
}
