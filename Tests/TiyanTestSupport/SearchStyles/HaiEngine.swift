/// 亥省: a site search that matches any pair of adjacent characters of the query and highlights
/// every matched character, in the title with <font color=red> and in the abstract with <em>.
/// Ranked by the number of the query's character pairs in the title, then services first; it
/// knows no pinyin or English (no aliases).
enum HaiEngine {
    static let home = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>亥省政务服务网</title></head>
        <body><div class="top"><div class="wrap"><a class="logo" href="/"><img src="/images/logo.png" alt="亥省政务服务网"></a>
        <div class="ss"><form action="/so/search.shtml" method="get"><input type="text" name="wd" placeholder="搜索事项、政策"><input type="submit" value="搜索"></form></div></div></div>
        <div class="wrap"><ul class="fw"><li><a href="/bszn/jzz.html">居住证办理</a></li><li><a href="/bszn/jhdj.html">结婚登记</a></li></ul></div>
        \(SearchStyles.footer("亥省人民政府", code: "4300000001", icp: "湘ICP备05001234号"))</body></html>
        """

    static func pairs(_ q: String) -> Set<String> {
        let characters = Array(q)
        guard characters.count >= 2, characters.allSatisfy({ !$0.isASCII }) else { return [] }
        return Set((0..<characters.count - 1).map { String(characters[$0...($0 + 1)]) })
    }

    static func score(_ doc: SearchStyles.Document, _ q: String) -> Int {
        pairs(q).filter { doc.title.contains($0) }.count
    }

    static func results(_ q: String) -> FixtureResponse {
        let hits = SearchStyles.catalogue.enumerated().filter { score($0.element, q) > 0 }
            .sorted { (-score($0.element, q), $0.element.isNews ? 1 : 0, $0.offset) < (-score($1.element, q), $1.element.isNews ? 1 : 0, $1.offset) }
            .map(\.element)
        let items = hits.map { doc in
            """
            <li><div class="ss-bt"><a href="\(doc.path)" target="_blank">\(mark(doc.title, q, open: "<font color=\"red\">", close: "</font>"))</a></div>
            <div class="ss-zy">\(mark(doc.title, q, open: "<em>", close: "</em>"))：\(doc.isNews ? "近日，省政府办公厅印发通知" : "申请条件、办理材料、办理流程")……</div>
            <div class="ss-ly"><span>来源：\(doc.isNews ? "省政府办公厅" : "省政务服务中心")</span><span>\(doc.date)</span></div></li>
            """
        }.joined(separator: "\n")
        let body = hits.isEmpty
            ? "<div class=\"ss-none\">抱歉，没有找到与“\(SearchStyles.escape(q))”相关的内容。</div>"
            : "<div class=\"ss-tj\">共找到 <b>\(hits.count)</b> 条相关信息</div>\n<div class=\"ss-lb\"><ul>\n\(items)\n</ul></div>"
        return .html("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索 - 亥省政务服务网</title></head>
            <body><div class="top"><div class="wrap"><a class="logo" href="/"><img src="/images/logo.png" alt="亥省政务服务网"></a>
            <div class="ss"><form action="/so/search.shtml"><input name="wd" value="\(SearchStyles.escape(q))"><input type="submit" value="搜索"></form></div></div></div>
            <div class="wrap"><div class="ss-l">
            \(body)
            </div><div class="ss-r"><h3>大家都在搜</h3><p><a href="/so/search.shtml?wd=%E7%A4%BE%E4%BF%9D">社保</a> <a href="/so/search.shtml?wd=%E5%8C%BB%E4%BF%9D">医保</a> <a href="/so/search.shtml?wd=%E8%90%BD%E6%88%B7">落户</a></p></div></div>
            \(SearchStyles.footer("亥省人民政府", code: "4300000001", icp: "湘ICP备05001234号"))</body></html>
            """)
    }

    /// Every character of the title that belongs to a matched pair, in runs.
    static func mark(_ title: String, _ q: String, open: String, close: String) -> String {
        let characters = Array(title)
        var marked = [Bool](repeating: false, count: characters.count)
        for pair in pairs(q) {
            let wanted = Array(pair)
            for start in 0..<max(0, characters.count - 1) where characters[start] == wanted[0] && characters[start + 1] == wanted[1] {
                marked[start] = true
                marked[start + 1] = true
            }
        }
        var output = ""
        var inside = false
        for (index, character) in characters.enumerated() {
            if marked[index] != inside {
                output += marked[index] ? open : close
                inside = marked[index]
            }
            output += SearchStyles.escape(String(character))
        }
        return inside ? output + close : output
    }
}
