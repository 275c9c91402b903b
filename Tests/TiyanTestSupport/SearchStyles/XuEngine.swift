/// 戌市: an old JSP portal in GBK. Its form submits the query in GBK; results are rows of a
/// bordered table inside the page's layout tables, with a 共 N 条记录 pager. Title or alias
/// match, in index order (services were entered first); only the three service guides and the
/// three news items are indexed.
enum XuEngine {
    static var home: FixtureResponse {
        gbk("""
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>戌市人民政府门户网站</title></head>
            <body topmargin="0"><table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
            <tr><td height="120" background="/images/top_bg.jpg"><img src="/images/logo.gif" alt="戌市人民政府"></td></tr>
            <tr><td height="32" class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bszn/">办事服务</a> | <a href="/hdjl/">互动交流</a></td></tr>
            <tr><td align="right"><form name="form1" method="get" action="/search.jsp">站内搜索：<input name="keyword" type="text" size="18"><input type="submit" name="Submit" value="搜 索"></form></td></tr>
            </table>
            <table width="1000" align="center"><tr><td><a href="/bszn/gjj-tq.html">住房公积金提取</a></td></tr></table>
            \(SearchStyles.footer("戌市人民政府", code: "4201000001", icp: "鄂ICP备05001234号"))</body></html>
            """)
    }

    static func results(_ q: String) -> FixtureResponse {
        let index = SearchFixtures.services + SearchFixtures.news
        let hits = index.filter { SearchStyles.matches($0, q, aliases: true) }
        let rows = hits.map { doc in
            "<tr bgcolor=\"#FFFFFF\" onmouseover=\"this.bgColor='#F3F8FE'\" onmouseout=\"this.bgColor='#FFFFFF'\"><td height=\"25\">&nbsp;<img src=\"/images/dot.gif\" width=\"3\" height=\"3\">&nbsp;<a href=\"\(doc.path)\" target=\"_blank\">\(SearchStyles.escape(doc.title))</a></td><td align=\"center\">\(doc.isNews ? "政务动态" : "办事指南")</td><td align=\"center\">\(doc.date)</td></tr>"
        }.joined(separator: "\n")
        let empty = "<tr bgcolor=\"#FFFFFF\"><td colspan=\"3\" height=\"60\" align=\"center\">对不起，没有找到相关信息！</td></tr>"
        return gbk("""
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>戌市人民政府门户网站--搜索结果</title>
            <link href="/css/style.css" rel="stylesheet" type="text/css"></head>
            <body topmargin="0"><table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
            <tr><td height="120" background="/images/top_bg.jpg"><img src="/images/logo.gif" alt="戌市人民政府"></td></tr>
            <tr><td height="32" class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bszn/">办事服务</a> | <a href="/hdjl/">互动交流</a></td></tr>
            </table>
            <table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr>
            <td width="220" valign="top" bgcolor="#F5F5F5"><table width="100%"><tr><td class="lm">热点专题</td></tr><tr><td><a href="/ztzl/yhyshj/">优化营商环境</a></td></tr><tr><td><a href="/ztzl/wsbs/">网上办事大厅</a></td></tr></table></td>
            <td width="780" valign="top">
            <table width="98%" align="center"><tr><td class="position">当前位置：<a href="/">首页</a> &gt; 搜索结果</td></tr></table>
            <table width="98%" border="0" align="center" cellpadding="0" cellspacing="1" bgcolor="#CCCCCC">
            <tr bgcolor="#E8F1FA"><td width="60%" height="25" align="center"><b>标 题</b></td><td align="center"><b>栏 目</b></td><td align="center"><b>日 期</b></td></tr>
            \(hits.isEmpty ? empty : rows)
            </table>
            <table width="98%" align="center"><tr><td align="right" height="30">共 \(hits.count) 条记录 第 1/1 页 <a href="/search.jsp?page=1">首页</a> <a href="#">上一页</a> <a href="#">下一页</a> <a href="/search.jsp?page=1">尾页</a></td></tr></table>
            </td></tr></table>
            \(SearchStyles.footer("戌市人民政府", code: "4201000001", icp: "鄂ICP备05001234号"))</body></html>
            """)
    }

    static func gbk(_ text: String) -> FixtureResponse {
        .bytes(GBKEncoding.encode(text), contentType: "text/html; charset=GBK")
    }
}
