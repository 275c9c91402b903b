/// 坤省: written last, as such a portal writes its search page, without looking at the
/// extractor: each result a <dl> whose title opens with window.open() from a javascript: link,
/// a sidebar of hot services that names the very services searched for, a 共N页 pager. Exact
/// title match, newest first; only the three service guides and the three news are indexed.
enum KunEngine {
    static let home = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>坤省政务服务网</title>
        <script>function doSearch(){var k=document.getElementById('skey').value;if(!k){alert('请输入搜索内容');return false;}return true;}</script></head>
        <body><div class="head"><div class="head-in"><img src="/res/img/logo.png" alt="坤省政务服务网">
        <form id="sform" action="/sousuo/result.jhtml" method="get" onsubmit="return doSearch()"><input type="text" id="skey" name="searchKey" placeholder="请输入关键词"><input type="submit" value="搜索" class="sbtn"></form></div></div>
        <div class="body"><div class="kuai"><h2>个人服务</h2><a href="/bszn/jhdj.html">结婚登记</a></div></div>
        \(SearchStyles.footer("坤省人民政府", code: "3600000001", icp: "赣ICP备05001234号"))</body></html>
        """

    static func results(_ q: String) -> FixtureResponse {
        let index = SearchFixtures.services + SearchFixtures.news
        let hits = index.enumerated().filter { SearchStyles.matches($0.element, q, aliases: false) }
            .sorted { ($0.element.date, -$0.offset) > ($1.element.date, -$1.offset) }.map(\.element)
        let entries = hits.map { doc in
            """
            <dl class="sr">
              <dt><a href="javascript:void(0);" onclick="window.open('\(doc.path)')" title="\(SearchStyles.escape(doc.title))">\(SearchStyles.escape(doc.title))</a><i class="lx">[\(doc.isNews ? "新闻" : "办事")]</i></dt>
              <dd class="zy">\(doc.isNews ? "为进一步做好" : "本事项办理")……\(SearchStyles.escape(doc.title))……</dd>
              <dd class="ly">\(doc.isNews ? "坤省住房和城乡建设厅" : "坤省政务服务中心") &nbsp; 发布时间：\(doc.date) &nbsp; 相关度：\(90 - doc.title.count)%</dd>
            </dl>
            """
        }.joined(separator: "\n")
        let main = hits.isEmpty
            ? "<p class=\"tip\">未搜索到与“<i>\(SearchStyles.escape(q))</i>”相关的信息，请更换关键词后重试。</p>"
            : """
              <p class="tip">搜索到 <i>\(hits.count)</i> 条与“<i>\(SearchStyles.escape(q))</i>”相关的信息</p>
              \(entries)
              <div class="fenye"><span>共1页</span><a href="javascript:;">首页</a><a href="javascript:;">上一页</a><b>1</b><a href="javascript:;">下一页</a><a href="javascript:;">尾页</a></div>
              """
        return .html("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>站内搜索_坤省政务服务网</title></head>
            <body><div class="head"><div class="head-in"><img src="/res/img/logo.png" alt="坤省政务服务网">
            <form action="/sousuo/result.jhtml" method="get"><input type="text" name="searchKey" value="\(SearchStyles.escape(q))"><input type="submit" value="搜索" class="sbtn"></form></div></div>
            <div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <span>站内搜索</span></div>
            <div class="sousuo">
            <div class="sousuo-l">
            \(main)
            </div>
            <div class="sousuo-r"><h4>热点服务</h4><dl class="sr"><dt><a href="/bszn/gjj-tq.html">住房公积金提取</a></dt></dl><dl class="sr"><dt><a href="/bszn/jzz.html">居住证办理</a></dt></dl><dl class="sr"><dt><a href="/bszn/jhdj.html">结婚登记</a></dt></dl></div>
            </div>
            \(SearchStyles.footer("坤省人民政府", code: "3600000001", icp: "赣ICP备05001234号"))</body></html>
            """)
    }
}
