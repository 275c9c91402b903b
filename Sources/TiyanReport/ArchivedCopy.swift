public import Foundation

/// What tiyan saw, kept beside the report: one page per archived textual body (pages, scripts,
/// style sheets, robots.txt) under `archived/<warc offset>.html`, the decoded source shown as
/// escaped text with the fetch facts above it, so an evaluator can open it offline years later.
/// The source is never rendered as a page: its scripts would run and its requests would leave
/// the machine. The same Content Security Policy as the report forbids both regardless.
public enum ArchivedCopy {
    public static let folder = "archived"

    /// Whether a page line has a copy: an archived response with a decoded textual body (the
    /// pipeline records a charset exactly for those).
    public static func isKept(_ page: PageLine) -> Bool {
        page.warcOffset != nil && page.charset != nil && page.bytes > 0
    }

    /// The copy's path relative to the run folder.
    public static func path(offset: Int64) -> String { "\(folder)/\(offset).html" }

    public static func render(page: PageLine, text: String, runID: String, fetchedAt: Date) -> String {
        let offset = page.warcOffset.map(String.init) ?? "—"
        let facts: [(String, String)] = [
            ("URL", linkOrText(page.url)),
            ("Final URL 最终地址", linkOrText(page.finalURL)),
            ("Target 目标 / role 角色", escapeHTML(page.target) + " / " + escapeHTML(page.role)),
            ("HTTP", page.status.map(String.init) ?? "—"),
            ("Content-Type", escapeHTML(page.contentType ?? "")),
            ("Charset 编码", escapeHTML(page.charset ?? "") + " (" + escapeHTML(page.charsetSource ?? "") + ")"),
            ("Bytes 字节", String(page.bytes)),
            ("Fetched 抓取 (UTC / 北京时间)", escapeHTML(UTCTime(fetchedAt).iso8601) + " / "
                + escapeHTML(UTCTime.beijing(fetchedAt))),
            ("Run 运行", "<code>" + escapeHTML(runID) + "</code>"),
            ("WARC offset", "<code>" + offset + "</code> in archive.warc.gz (its record carries WARC-Block-Digest)"),
        ]
        var out = HTMLHead.opening(language: "zh-CN", escapedTitle: "archived copy 存档 \(escapeHTML(page.url))")
            + """
            <style>body{font:14px/1.5 system-ui,sans-serif;margin:1rem;color:#1f2328}dt{font-weight:600}
            dd{margin:0 0 .4rem 0;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;
            background:#f6f8fa;border:1px solid #d0d7de;padding:.6rem;font:12px/1.45 ui-monospace,monospace}</style>
            </head>
            <body>
            <h1>Archived copy 存档副本</h1>
            <p>The response body as tiyan archived it, decoded and shown as text (not rendered). 按抓取时原样保存的响应内容，以文本显示。
            <a href="../index.html">← report 报告</a></p>
            <dl>

            """
        for (term, definition) in facts { out += "<dt>\(term)</dt><dd>\(definition)</dd>\n" }
        out += "</dl>\n<pre>" + escapeHTML(text) + "</pre>\n</body>\n</html>\n"
        return out
    }
}
