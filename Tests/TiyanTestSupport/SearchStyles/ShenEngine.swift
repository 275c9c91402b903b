/// 申省: TRS WAS5 (was5/web/search), the old table templates: one table per result, the matched
/// words in <font color=red>, the URL and date in green. Exact title match only (no aliases, no
/// typo tolerance), services first; 护照 is not in its index.
enum ShenEngine {
    static let home = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>申省政务服务网</title></head>
        <body><table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/banner.jpg" alt="申省政务服务网"></td>
        <td align="right"><form name="searchform" action="/was5/web/search" method="get" target="_blank">
        <input type="hidden" name="channelid" value="211237"><input type="text" name="searchword" size="20">
        <input type="image" src="/images/search.gif" alt="搜索"></form></td></tr></table>
        <table width="1000" align="center"><tr><td><a href="/bszn/jzz.html">居住证办理</a> <a href="/art/2024/2/1/art_102.html">关于居住证办理延时服务的通知</a></td></tr></table>
        \(SearchStyles.footer("申省人民政府", code: "4100000001", icp: "豫ICP备05001234号"))</body></html>
        """

    static func results(_ q: String) -> FixtureResponse {
        let index = SearchStyles.catalogue.filter { $0.path != "/bszn/hz.html" }
        let hits = index.filter { SearchStyles.matches($0, q, aliases: false) }
            .enumerated().sorted { ($0.element.isNews ? 1 : 0, $0.offset) < ($1.element.isNews ? 1 : 0, $1.offset) }.map(\.element)
        let tables = hits.enumerated().map { number, doc in
            """
            <table width="100%" border="0" cellspacing="0" cellpadding="0" class="outline">
            <tr><td class="searchresult_title" height="28">\(number + 1).&nbsp;<a href="\(doc.path)" target="_blank">\(red(doc.title, q))</a></td></tr>
            <tr><td class="searchresult_content">……\(red(doc.title, q))。\(doc.isNews ? "发布机构：申省人民政府办公厅" : "服务对象：自然人")……</td></tr>
            <tr><td class="searchresult_url"><font color="#008000">http://www.shenzwfw.gov.cn\(doc.path)&nbsp;&nbsp;\(doc.date)</font></td></tr>
            </table>
            """
        }.joined(separator: "\n")
        let list = hits.isEmpty
            ? "<table width=\"100%\"><tr><td class=\"noresult\" align=\"center\">没有检索到与 <font color=\"red\">\(SearchStyles.escape(q))</font> 相关的记录</td></tr></table>"
            : "<table width=\"100%\"><tr><td class=\"searchtotal\">共检索到<font color=\"red\">\(hits.count)</font>条记录</td></tr></table>\n\(tables)"
        return .html("""
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>申省政务服务网 检索结果</title></head>
            <body><table width="960" align="center" border="0"><tr><td><img src="/images/logo_search.gif" alt="申省政务服务网"></td>
            <td><form action="/was5/web/search"><input type="hidden" name="channelid" value="211237"><input name="searchword" value="\(SearchStyles.escape(q))"><input type="submit" value="检索"></form></td></tr></table>
            <table width="960" align="center" border="0"><tr>
            <td width="200" valign="top" class="left"><table width="100%"><tr><td><a href="/was5/web/search?channelid=211237&amp;searchword=\(SearchStyles.percent(q))">全部</a></td></tr><tr><td><a href="/was5/web/search?channelid=211238&amp;searchword=\(SearchStyles.percent(q))">办事指南</a></td></tr><tr><td><a href="/was5/web/search?channelid=211239&amp;searchword=\(SearchStyles.percent(q))">新闻动态</a></td></tr></table></td>
            <td valign="top">
            \(list)
            </td></tr></table>
            \(SearchStyles.footer("申省人民政府", code: "4100000001", icp: "豫ICP备05001234号"))</body></html>
            """)
    }

    static func red(_ title: String, _ q: String) -> String {
        let escaped = SearchStyles.escape(title)
        guard !q.isEmpty else { return escaped }
        return escaped.replacingOccurrences(of: SearchStyles.escape(q), with: "<font color=\"red\">\(SearchStyles.escape(q))</font>")
    }
}
