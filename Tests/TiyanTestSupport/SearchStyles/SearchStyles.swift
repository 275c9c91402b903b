import Foundation
import TiyanCore

/// Search engines in the styles of the products portals run, each over the same catalogue
/// (SearchFixtures' services, news and 寅省's extras) with its own matching and ranking, so
/// SearchEngineStylesTests can assert hand-computed SR-03/SR-04/SR-05 values:
/// - 辰 chen: 大汉 jsearchfront result boxes (jcse-*), newest first;
/// - 申 shen: TRS was5, one table per result, titles highlighted with <font color=red>, services first;
/// - 戌 xu: an old JSP portal in GBK, results as rows of a layout table, query sent in GBK;
/// - 亥 hai: a list that highlights every matched character pair in <font color=red> and <em>;
/// - 乾 qian: service and news cards with category tabs counting per type and pagination (10 a page);
/// - 酉 you: a Vue page whose results a JSON API returns;
/// - 坤 kun: written last, as a portal writes it, without looking at the extractor.
/// Class names stay off the hints of probes/search.yaml except where the product uses them (大汉).
public enum SearchStyles {
    public static let targets: [(id: String, name: String, region: String, url: String)] = [
        ("chen", "辰省政务服务网", "370000", "http://www.chenzwfw.gov.cn/"),
        ("shen", "申省政务服务网", "410000", "http://www.shenzwfw.gov.cn/"),
        ("xu", "戌市人民政府", "420100", "http://www.xuzwfw.gov.cn/"),
        ("hai", "亥省政务服务网", "430000", "http://www.haizwfw.gov.cn/"),
        ("qian", "乾省政务服务网", "340000", "http://www.qianzwfw.gov.cn/"),
        ("you", "酉省政务服务网", "350000", "http://www.youzwfw.gov.cn/"),
        ("kun", "坤省政务服务网", "360000", "http://www.kunzwfw.gov.cn/"),
    ]

    public static func targetsYAML() -> String {
        var text = "version: 1\ndefaults:\n  user_agent: desktop\n  max_pages: 20\ntargets:\n"
        for target in targets {
            text += "  - id: \(target.id)\n    name: \(target.name)\n    region: \"\(target.region)\"\n"
            text += "    kind: portal\n    url: \(target.url)\n"
        }
        return text
    }

    typealias Document = SearchFixtures.Document

    /// Services, 寅省's extras, news: what every engine here indexes unless it says otherwise.
    static let catalogue = SearchFixtures.services + SearchFixtures.yinExtra + SearchFixtures.news

    static func respond(to request: FixtureRequest, path: String) -> FixtureResponse? {
        switch (request.host, path) {
        case ("www.chenzwfw.gov.cn", "/"): return .html(ChenEngine.home)
        case ("www.chenzwfw.gov.cn", "/jsearchfront/search.do"): return ChenEngine.results(SearchFixtures.query(request, "q"))
        case ("www.shenzwfw.gov.cn", "/"): return .html(ShenEngine.home)
        case ("www.shenzwfw.gov.cn", "/was5/web/search"): return ShenEngine.results(SearchFixtures.query(request, "searchword"))
        case ("www.xuzwfw.gov.cn", "/"): return XuEngine.home
        case ("www.xuzwfw.gov.cn", "/search.jsp"): return XuEngine.results(gbkQuery(request, "keyword"))
        case ("www.haizwfw.gov.cn", "/"): return .html(HaiEngine.home)
        case ("www.haizwfw.gov.cn", "/so/search.shtml"): return HaiEngine.results(SearchFixtures.query(request, "wd"))
        case ("www.qianzwfw.gov.cn", "/"): return .html(QianEngine.home)
        case ("www.qianzwfw.gov.cn", "/search/index.do"): return QianEngine.results(SearchFixtures.query(request, "keyword"))
        case ("www.youzwfw.gov.cn", _): return YouEngine.respond(to: request, path: path)
        case ("www.kunzwfw.gov.cn", "/"): return .html(KunEngine.home)
        case ("www.kunzwfw.gov.cn", "/sousuo/result.jhtml"): return KunEngine.results(SearchFixtures.query(request, "searchKey"))
        default: return nil
        }
    }

    /// A query parameter percent-encoded in GBK, as an old JSP portal's form sends it.
    static func gbkQuery(_ request: FixtureRequest, _ name: String) -> String {
        guard let start = request.path.firstIndex(of: "?") else { return "" }
        for pair in request.path[request.path.index(after: start)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            var bytes: [UInt8] = []
            var scalars = Array(parts[1].utf8)[...]
            while let byte = scalars.popFirst() {
                if byte == UInt8(ascii: "%"), scalars.count >= 2,
                   let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    scalars = scalars.dropFirst(2)
                } else {
                    bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                }
            }
            return GBKEncoding.decode(bytes)
        }
        return ""
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func percent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The footer every portal carries (SB-05, SB-07, SB-09), so the pages look like portals.
    static func footer(_ name: String, code: String, icp: String) -> String {
        "<div class=\"footer\"><p>主办单位：\(name)办公厅　联系电话：12345</p><p>网站标识码：\(code)　<a href=\"https://beian.miit.gov.cn/\">\(icp)</a></p></div>"
    }

    /// Title match or alias; the engines that tolerate nothing else use `titleOnly`.
    static func matches(_ doc: Document, _ q: String, aliases: Bool) -> Bool {
        !q.isEmpty && (doc.title.contains(q) || (aliases && doc.aliases.contains(q)))
    }
}
