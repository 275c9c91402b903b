import Foundation
import TiyanCore

/// The site-search engines of the search fixture portals, answering real queries over a small
/// catalogue of service guides and news, each engine with the flaw a real portal has:
/// - 丑省 (chou, 大汉 jsearchfront form): news ranked above the service it is about;
/// - 壬省 (ren, TRS was5 template in a header script): exact title match only, so typos, pinyin
///   and colloquial phrasings find nothing;
/// - 寅省 (yin, JSON API configured in targets.yaml): services first, aliases and one-character
///   typos tolerated;
/// - 癸省 (gui): the search form posts; 子省 (zi): the form carries a script-set `searchsign`.
/// Home pages and scripts are static files under Tests/Fixtures/portals/<host>/.
enum SearchFixtures {
    struct Document {
        var title: String
        var path: String
        var date: String
        var isNews: Bool
        /// What the engine also matches (pinyin, colloquial, English), as a tuned engine would.
        var aliases: [String] = []
    }

    static let hosts: Set = ["www.chouzwfw.gov.cn", "www.renzwfw.gov.cn", "www.yinzwfw.gov.cn",
                             "www.guizwfw.gov.cn", "www.zizwfw.gov.cn"]

    static let services = [
        Document(title: "住房公积金提取", path: "/bszn/gjj-tq.html", date: "2023-06-01", isNews: false,
                 aliases: ["gongjijin", "取公积金"]),
        Document(title: "居住证办理", path: "/bszn/jzz.html", date: "2023-06-01", isNews: false,
                 aliases: ["residence permit"]),
        Document(title: "结婚登记", path: "/bszn/jhdj.html", date: "2023-06-01", isNews: false, aliases: ["领结婚证"]),
    ]
    static let news = [
        Document(title: "公积金提取新政解读", path: "/art/2024/3/1/art_101.html", date: "2024-03-01", isNews: true),
        Document(title: "关于居住证办理延时服务的通知", path: "/art/2024/2/1/art_102.html", date: "2024-02-01", isNews: true),
        Document(title: "住房公积金提取业务暂停公告", path: "/art/2024/1/5/art_103.html", date: "2024-01-05", isNews: true),
    ]
    /// Only the JSON engine's catalogue has these: a second withdrawal guide and the passport.
    static let yinExtra = [
        Document(title: "住房公积金提取（离职）", path: "/bszn/gjj-lz.html", date: "2023-06-01", isNews: false),
        Document(title: "普通护照签发", path: "/bszn/hz.html", date: "2023-06-01", isNews: false),
    ]

    static func respond(to request: FixtureRequest, path: String) -> FixtureResponse? {
        switch (request.host, path) {
        case ("www.chouzwfw.gov.cn", "/jsearchfront/search.do"):
            return chouResults(query(request, "q"))
        case ("www.renzwfw.gov.cn", "/was5/web/search"):
            return renResults(query(request, "searchword"))
        case ("www.yinzwfw.gov.cn", "/api/search"):
            return yinResults(query(request, "keyword"))
        case ("www.guizwfw.gov.cn", "/search/result"), ("www.zizwfw.gov.cn", "/search/result"):
            // What a replay without the post body or the signature gets.
            return .html("<html><body><p>非法请求</p></body></html>", status: request.method == "POST" ? 200 : 403)
        default:
            // The engines in the styles of real search products (SearchStyles).
            return SearchStyles.respond(to: request, path: path)
        }
    }

    static func query(_ request: FixtureRequest, _ name: String) -> String {
        guard let start = request.path.firstIndex(of: "?") else { return "" }
        for pair in request.path[request.path.index(after: start)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
        }
        return ""
    }

    // MARK: - Engines

    /// Title or alias match; news first, newest first, then services: the flaw under test.
    private static func chouResults(_ q: String) -> FixtureResponse {
        let hits = (services + news).filter { $0.title.contains(q) || $0.aliases.contains(q) }
            .sorted { ($0.isNews ? 0 : 1, $1.date) < ($1.isNews ? 0 : 1, $0.date) }
        let items = hits.map { doc in
            "<li><a href=\"http://www.chouzwfw.gov.cn\(doc.path)\" target=\"_blank\">\(highlight(doc.title, q))</a>"
                + "<p class=\"info\">\(doc.isNews ? "新闻动态" : "办事指南") <span class=\"date\">\(doc.date)</span></p></li>"
        }.joined(separator: "\n")
        let list = hits.isEmpty
            ? "<p class=\"no-result\">很抱歉，没有找到与“\(escape(q))”相关的结果。</p>"
            : "<ul class=\"result-list\">\n\(items)\n</ul><div class=\"pagination\"><ul><li><a href=\"?page=1\">1</a></li><li><a href=\"?page=2\">下一页</a></li></ul></div>"
        return .html("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索结果 - 丑省政务服务网</title></head>
            <body><div class="header"><a href="/">丑省政务服务网</a></div>
            <ul class="search-tabs"><li class="tab active">全部</li><li class="tab">办事事项</li><li class="tab">政策文件</li><li class="tab">互动问答</li></ul>
            <div class="search-result"><div class="total">共找到 \(hits.count) 条结果</div>
            \(list)
            </div>
            <div class="footer">主办单位：丑省人民政府办公厅 网站标识码：6100000001 <a href="https://beian.miit.gov.cn/">陕ICP备05001234号</a></div></body></html>
            """)
    }

    /// Exact title match only; services first.
    private static func renResults(_ q: String) -> FixtureResponse {
        let hits = (services + news).filter { !q.isEmpty && $0.title.contains(q) }.sorted { !$0.isNews && $1.isNews }
        let items = hits.map { doc in
            "<div class=\"result-item\"><h3><a href=\"\(doc.path)\">\(escape(doc.title))</a></h3>"
                + "<div class=\"result-url\">http://www.renzwfw.gov.cn\(doc.path)</div><span>\(doc.date)</span></div>"
        }.joined(separator: "\n")
        return .html("""
            <html><head><meta charset="utf-8"><title>检索结果</title></head><body>
            <table width="100%" class="top"><tr><td><img src="/images/logo.png" alt="壬省政务服务网"></td></tr></table>
            <div class="outer">\(hits.isEmpty ? "<div class=\"noresult\">没有找到相关内容，请更换检索词。</div>" : items)</div>
            <div class="bottom">网站标识码：4600000001 琼ICP备05000001号</div></body></html>
            """)
    }

    /// Services first; title, alias or a one-character typo of the title matches.
    private static func yinResults(_ q: String) -> FixtureResponse {
        let catalogue = services + yinExtra + news
        let hits = catalogue.filter { !q.isEmpty && ($0.title.contains(q) || $0.aliases.contains(q) || nearly($0.title, q)) }
            .sorted { !$0.isNews && $1.isNews }
        let list = hits.map { doc -> String in
            let title = doc.title.replacingOccurrences(of: q, with: "<em>\(q)</em>")
            return "{\"title\":\(json(title)),\"url\":\(json(doc.path)),\"type\":\(json(doc.isNews ? "资讯" : "事项")),\"pubDate\":\(json(doc.date))}"
        }.joined(separator: ",")
        let body = "{\"code\":200,\"msg\":\"success\",\"data\":{\"total\":\(hits.count),\"list\":[\(list)]}}"
        return .bytes(Array(body.utf8), contentType: "application/json;charset=UTF-8")
    }

    /// A substring of the title of the query's length that differs in at most one character.
    private static func nearly(_ title: String, _ q: String) -> Bool {
        let wanted = Array(q), text = Array(title)
        guard wanted.count >= 3, text.count >= wanted.count else { return false }
        for start in 0...(text.count - wanted.count) {
            let differences = zip(text[start..<start + wanted.count], wanted).filter { $0 != $1 }.count
            if differences <= 1 { return true }
        }
        return false
    }

    private static func highlight(_ title: String, _ q: String) -> String {
        q.isEmpty ? escape(title) : escape(title).replacingOccurrences(of: escape(q), with: "<em>\(escape(q))</em>")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func json(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, into: &out)
        return out
    }
}
