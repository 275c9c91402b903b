/// 辰省: 大汉 (Hanweb) jsearchfront. Title or alias match, newest first (news dated 2024 outrank
/// the 2023 service guides: the flaw). Result boxes, tabs and paging as jsearchfront writes them.
enum ChenEngine {
    static let home = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>辰省政务服务网</title>
        <meta name="SiteName" content="辰省政务服务网"><meta name="SiteIDCode" content="3700000001"></head>
        <body><div class="header"><div class="logo"><img src="/images/logo.png" alt="辰省政务服务网"></div>
        <div class="search"><form action="/jsearchfront/search.do" method="get" target="_blank">
        <input type="hidden" name="websiteid" value="370000000000000"><input type="hidden" name="tpl" value="1541">
        <input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div></div>
        <div class="main"><ul><li><a href="/bszn/gjj-tq.html">住房公积金提取</a></li><li><a href="/bszn/jhdj.html">结婚登记</a></li></ul></div>
        \(SearchStyles.footer("辰省人民政府", code: "3700000001", icp: "鲁ICP备05001234号"))</body></html>
        """

    static func results(_ q: String) -> FixtureResponse {
        let hits = SearchStyles.catalogue.filter { SearchStyles.matches($0, q, aliases: true) }
            .enumerated().sorted { ($0.element.date, -$0.offset) > ($1.element.date, -$1.offset) }.map(\.element)
        let boxes = hits.map { doc in
            let url = "http://www.chenzwfw.gov.cn\(doc.path)"
            return """
                <div class="jcse-result-box news-result">
                <div class="jcse-news-title"><a href="\(url)" target="_blank">\(highlight(doc.title, q))</a></div>
                <div class="jcse-news-abs"><div class="jcse-news-abs-content">\(doc.isNews ? "本网讯" : "办理对象：自然人。办理地点：各级政务服务中心")……\(highlight(doc.title, q))……</div></div>
                <div class="jcse-news-url"><a href="\(url)" target="_blank">\(url)</a><span class="jcse-news-date">\(doc.date)</span></div>
                </div>
                """
        }.joined(separator: "\n")
        let body = hits.isEmpty
            ? "<div class=\"jcse-no-result\"><p>抱歉，没有找到与“<span>\(SearchStyles.escape(q))</span>”相关的内容。</p><p>建议您：检查输入是否正确；简化查询词或尝试其他相关词。</p></div>"
            : "<div class=\"jcse-result-num\">找到相关结果约<span>\(hits.count)</span>个</div>\n\(boxes)\n<div class=\"jcse-paging\"><span class=\"page-count\">共1页</span><a class=\"jcse-page-on\" href=\"javascript:void(0)\">1</a></div>"
        return .html("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>辰省政务服务网 - 站内搜索</title>
            <link rel="stylesheet" href="/jsearchfront/css/jcse.css"></head><body>
            <div class="jcse-head"><a href="/"><img src="/images/logo.png" alt="辰省政务服务网"></a>
            <form action="/jsearchfront/search.do"><input type="hidden" name="websiteid" value="370000000000000"><input name="q" value="\(SearchStyles.escape(q))"><button>搜索</button></form></div>
            <div class="jcse-tab"><a class="jcse-tab-on" href="javascript:;">全部</a><a href="javascript:;">信息公开</a><a href="javascript:;">办事服务</a><a href="javascript:;">互动交流</a></div>
            <div class="jcse-sort"><a href="javascript:;">按相关度</a><a href="javascript:;">按时间</a></div>
            <div class="jcse-main">
            \(body)
            </div>
            <div class="jcse-right"><h3>热门搜索</h3><ol><li><a href="/jsearchfront/search.do?q=%E7%A4%BE%E4%BF%9D">社保</a></li><li><a href="/jsearchfront/search.do?q=%E5%85%AC%E7%A7%AF%E9%87%91">公积金</a></li><li><a href="/jsearchfront/search.do?q=%E6%88%B7%E7%B1%8D">户籍</a></li></ol></div>
            \(SearchStyles.footer("辰省人民政府", code: "3700000001", icp: "鲁ICP备05001234号"))</body></html>
            """)
    }

    static func highlight(_ title: String, _ q: String) -> String {
        let escaped = SearchStyles.escape(title)
        guard !q.isEmpty, title.contains(q) else { return escaped }
        return escaped.replacingOccurrences(of: SearchStyles.escape(q), with: "<em>\(SearchStyles.escape(q))</em>")
    }
}
