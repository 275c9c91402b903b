/// 乾省: an 一网通办 search with service and news cards, category tabs that count each type
/// (全部(12) 办事服务(2) …), and pagination ten to a page. Services first; title, alias or a
/// one-character typo of the title matches (as 寅省's). Its index adds eight policy Q&A pages on
/// 公积金提取, so that query fills more than one page.
enum QianEngine {
    static let home = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>乾省政务服务网</title></head>
        <body><header class="gw-header"><div class="gw-logo"><img src="/static/img/logo.png" alt="乾省政务服务网"></div>
        <div class="gw-search"><form action="/search/index.do" method="get"><input type="text" name="keyword" placeholder="请输入事项名称"><button class="gw-btn">搜索</button></form>
        <div class="gw-hot">热门搜索：<a href="/search/index.do?keyword=%E7%A4%BE%E4%BF%9D">社保</a></div></div></header>
        <main><section class="gw-floor"><a href="/bszn/gjj-tq.html">住房公积金提取</a><a href="/bszn/hz.html">普通护照签发</a></section></main>
        \(SearchStyles.footer("乾省人民政府", code: "3400000001", icp: "皖ICP备05001234号"))</body></html>
        """

    static let questions = (1...8).map { number in
        SearchStyles.Document(title: "公积金提取常见问题解答（\(number)）", path: "/zcwd/2024/gjj-\(number).html",
                              date: String(format: "2024-04-%02d", number), isNews: true)
    }

    static func nearly(_ title: String, _ q: String) -> Bool {
        let wanted = Array(q), text = Array(title)
        guard wanted.count >= 3, text.count >= wanted.count else { return false }
        return (0...(text.count - wanted.count)).contains { start in
            zip(text[start..<start + wanted.count], wanted).filter { $0 != $1 }.count <= 1
        }
    }

    static func results(_ q: String) -> FixtureResponse {
        let hits = (SearchStyles.catalogue + questions).enumerated()
            .filter { SearchStyles.matches($0.element, q, aliases: true) || nearly($0.element.title, q) }
            .sorted { ($0.element.isNews ? 1 : 0, $0.offset) < ($1.element.isNews ? 1 : 0, $1.offset) }.map(\.element)
        let services = hits.filter { !$0.isNews }.count
        let cards = hits.prefix(10).map { doc in
            doc.isNews
                ? """
                  <div class="card card-news"><div class="card-hd"><span class="tag tag-zc">政策</span><a class="card-tit" href="\(doc.path)" target="_blank">\(SearchStyles.escape(doc.title))</a></div>
                  <p class="card-desc">发布时间：\(doc.date)　来源：乾省人民政府办公厅</p></div>
                  """
                : """
                  <div class="card card-service"><div class="card-hd"><span class="tag tag-sx">事项</span><a class="card-tit" href="\(doc.path)" target="_blank">\(SearchStyles.escape(doc.title))</a></div>
                  <div class="card-bd"><p>办理部门：乾省政务服务中心</p><p>承诺时限：1个工作日</p></div>
                  <div class="card-ft"><a class="btn-line" href="\(doc.path)">办事指南</a><a class="btn-full" href="https://zwfw.qianzwfw.gov.cn/apply?item=\(SearchStyles.percent(doc.title))">在线办理</a></div></div>
                  """
        }.joined(separator: "\n")
        let kw = SearchStyles.percent(q)
        let pages = max(1, (hits.count + 9) / 10)
        let pager = (1...pages).map { $0 == 1 ? "<a class=\"on\" href=\"?keyword=\(kw)&amp;page=1\">1</a>" : "<a href=\"?keyword=\(kw)&amp;page=\($0)\">\($0)</a>" }
            .joined()
        let body = hits.isEmpty
            ? "<div class=\"empty\"><img src=\"/static/img/empty.png\" alt=\"\"><p>暂无相关结果，换个关键词试试</p></div>"
            : """
              <div class="sum">为您找到相关结果约 \(hits.count) 个</div>
              <div class="cards">
              \(cards)
              </div>
              <div class="pages"><a class="prev" href="javascript:;">上一页</a>\(pager)<a class="next" href="?keyword=\(kw)&amp;page=2">下一页</a></div>
              """
        return .html("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>\(SearchStyles.escape(q)) - 乾省政务服务网搜索</title></head>
            <body><header class="gw-header"><div class="gw-logo"><img src="/static/img/logo.png" alt="乾省政务服务网"></div>
            <div class="gw-search"><form action="/search/index.do"><input name="keyword" value="\(SearchStyles.escape(q))"><button class="gw-btn">搜索</button></form></div></header>
            <main class="so">
            <ul class="so-tabs"><li class="active"><a href="?keyword=\(kw)&amp;type=all">全部(\(hits.count))</a></li><li><a href="?keyword=\(kw)&amp;type=sx">办事服务(\(services))</a></li><li><a href="?keyword=\(kw)&amp;type=zc">政策文件(\(hits.count - services))</a></li><li><a href="?keyword=\(kw)&amp;type=hd">互动问答(0)</a></li></ul>
            <div class="so-filter"><span>排序：</span><a class="on" href="?keyword=\(kw)&amp;sort=relevance">相关度</a><a href="?keyword=\(kw)&amp;sort=time">时间</a></div>
            \(body)
            </main>
            <aside class="so-side"><h4>热门服务</h4><ul><li><a href="/bszn/gjj-tq.html">住房公积金提取</a></li><li><a href="/bszn/jzz.html">居住证办理</a></li></ul></aside>
            \(SearchStyles.footer("乾省人民政府", code: "3400000001", icp: "皖ICP备05001234号"))</body></html>
            """)
    }
}
