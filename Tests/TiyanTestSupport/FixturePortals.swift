public import Foundation
import TiyanCore

/// The fixture portals every end-to-end test crawls: real portal pages from Tests/Fixtures/portals
/// served by host name, plus hosts that misbehave the way real ones do (a bot challenge, a
/// script shell, a redirect loop, a slow host, a 503, an oversized body, a gzip bomb, a page
/// full of script-injection payloads).
public struct FixturePortals: Sendable {
    public let root: String
    /// "Today" for the fixtures: a home page must show news from a few days ago whatever day
    /// the tests run.
    public let now: Date

    public init(now: Date = Date()) {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/portals").path
        self.now = now
    }

    /// One entry per fixture target, in targets.yaml order.
    public static let targets: [(id: String, name: String, region: String, url: String)] = [
        ("jia", "甲省政务服务网", "330000", "http://www.jiazwfw.gov.cn/"),
        ("yi", "乙市便民服务网", "440100", "http://www.yi-bianmin.com/"),
        ("bing", "丙省政务服务网", "500000", "https://www.bingzwfw.gov.cn/"),
        ("ding", "丁省政务服务网", "610000", "http://www.dingzwfw.gov.cn/"),
        ("mao", "卯省政务服务网", "530000", "http://www.maozwfw.gov.cn/"),
        ("challenge", "挑战省政务服务网", "110000", "http://www.challenge.gov.cn/"),
        ("shell", "单页省政务服务网", "120000", "http://www.shell.gov.cn/"),
        ("loop", "循环省政务服务网", "130000", "http://www.loop.gov.cn/"),
        ("slow", "缓慢省政务服务网", "140000", "http://www.slow.gov.cn/"),
        ("down", "故障省政务服务网", "150000", "http://www.down.gov.cn/"),
        ("huge", "超大省政务服务网", "210000", "http://www.huge.gov.cn/"),
        ("bomb", "压缩炸弹省政务服务网", "220000", "http://www.bomb.gov.cn/"),
        // Script-injection payloads in its title, text and attributes: the report must show them
        // as text (ChromiumReportTests).
        ("inject", "注入省政务服务网", "310000", "http://www.inject.gov.cn/"),
        ("wu", "戊省政务服务网", "510000", "http://www.wuzwfw.gov.cn/"),
        ("geng", "庚省政务服务网", "620000", "http://www.gengzwfw.gov.cn/"),
        ("xin", "辛省政务服务网", "450000", "http://www.xinzwfw.gov.cn/"),
        ("chou", "丑省政务服务网", "610000", "http://www.chouzwfw.gov.cn/"),
        ("ren", "壬省政务服务网", "460000", "http://www.renzwfw.gov.cn/"),
        ("yin", "寅省政务服务网", "320000", "http://www.yinzwfw.gov.cn/"),
        ("gui", "癸省政务服务网", "520000", "http://www.guizwfw.gov.cn/"),
        ("zi", "子省政务服务网", "110100", "http://www.zizwfw.gov.cn/"),
        // Privacy fixtures: a complete policy linked only from the registration page; a thin
        // 隐私声明 with a pre-checked box and an undisclosed tracker; a policy published as PDF.
        ("ji", "己省政务服务网", "610000", "http://www.jizwfw.gov.cn/"),
        ("si", "巳省网上办事大厅", "520000", "http://www.sizwfw.gov.cn/"),
        ("wei", "未市政务服务网", "330100", "http://www.weishi.gov.cn/"),
        // Services fixtures (issue 18): every feedback channel and service area, three guides in
        // three layouts found from the home page and the search, a 留言 list with dates and a
        // city-entry block with two dead links; and a GBK JSP hall whose entries its header script
        // and a widget write, whose 办件查询 wants a login and whose one guide is incomplete.
        ("zhen", "震省政务服务网", "640000", "http://www.zhenzwfw.gov.cn/"),
        ("kan", "坎省网上办事大厅", "360000", "http://www.kanzwfw.gov.cn/"),
    ]

    /// `search:` blocks of targets.yaml, by target id (see SearchFixtures).
    public static let searchBlocks: [String: String] = [
        "yin": """
                search:
                  url: "http://www.yinzwfw.gov.cn/api/search?keyword={query}&pageSize=10"
                  results: json
                  item: data.list
                  title: title
                  link: url

            """,
    ]

    /// Script-built ends (issue 13), crawled with and without rendering by RenderTests: a
    /// provincial portal that is one hash-routed app fed by JSON APIs (its header, footer marks,
    /// unified login with a consent box the script ticks, privacy policy and agreement loaded as
    /// JSON), the province's H5 end and its mini-program web end, which answers only WeChat.
    public static let renderTargetsYAML = """
        version: 1
        targets:
          - id: spa
            name: 单页省政务服务网
            region: "230000"
            kind: portal
            url: http://www.spa.gov.cn/
          - id: spa-h5
            name: 单页办 H5
            region: "230000"
            kind: h5
            url: http://h5.spa.gov.cn/
            user_agent: mobile
          - id: spa-mp
            name: 单页办小程序
            region: "230000"
            kind: miniprogram-web
            url: http://mp.spa.gov.cn/
            user_agent: wechat

        """

    public static func targetsYAML(ids: [String]? = nil) -> String {
        var text = "version: 1\ndefaults:\n  user_agent: desktop\n  max_pages: 40\ntargets:\n"
        for target in targets where ids?.contains(target.id) ?? true {
            text += "  - id: \(target.id)\n    name: \(target.name)\n    region: \"\(target.region)\"\n"
            text += "    kind: portal\n    url: \(target.url)\n"
            text += searchBlocks[target.id] ?? ""
        }
        return text
    }

    /// Host names the TLS fixture serves (relaying to this server): the HTTPS portal and the
    /// sites footers link to.
    public static let secureHosts = ["www.bingzwfw.gov.cn", "tysfrz.bingzwfw.gov.cn", "www.gjzwfw.gov.cn",
                                     "bszs.conac.cn", "dcs.conac.cn", "beian.miit.gov.cn", "beian.mps.gov.cn",
                                     "www.beian.gov.cn", "www.gov.cn"]

    public func respond(to request: FixtureRequest) -> FixtureResponse {
        let path = String(request.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/")
        let userAgent = request.headers.value(of: "User-Agent") ?? ""
        let secure = request.headers.value(of: "X-Forwarded-Proto") == "https"
        if let answer = SearchFixtures.respond(to: request, path: path) { return answer }
        switch request.host {
        case "www.bingzwfw.gov.cn" where !secure:
            return .redirect(to: "https://www.bingzwfw.gov.cn" + request.path, status: 301)
        case "www.bingzwfw.gov.cn":
            var response = file(host: request.host, path: path)
            response.headers.append(HTTPHeader(name: "Strict-Transport-Security", value: "max-age=31536000"))
            return response
        case "www.gjzwfw.gov.cn", "bszs.conac.cn", "dcs.conac.cn", "beian.miit.gov.cn", "beian.mps.gov.cn",
             "www.beian.gov.cn", "www.gov.cn":
            // The national sites a footer links to: alive, and not what the tests are about.
            return .html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(request.host)</title></head><body><p>\(request.host)</p></body></html>")
        case "www.jiazwfw.gov.cn" where path.hasPrefix("/art/"):
            return .html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"通知\"><title>通知 - 甲省政务服务网</title></head><body><h1>通知</h1><p>发布日期：2024-03-01</p></body></html>")
        case "www.wuzwfw.gov.cn" where path == "/user/login":
            // The portal's login link answers with a 302 to the unified identity host.
            return .redirect(to: "http://tyrz.wuzwfw.gov.cn/login.html?service=http%3A%2F%2Fwww.wuzwfw.gov.cn%2F")
        case "www.challenge.gov.cn", "tyrz.xinzwfw.gov.cn":
            // 辛省: the portal answers, its identity host sits behind the bot wall.
            return Self.challenge
        case "www.shell.gov.cn":
            return shell(path)
        case "www.loop.gov.cn":
            return .redirect(to: path == "/a" ? "http://www.loop.gov.cn/b" : "http://www.loop.gov.cn/a")
        case "www.slow.gov.cn":
            var response = FixtureResponse.html("<html><body>迟到的页面</body></html>")
            response.delayBeforeHead = .seconds(8)
            return response
        case "www.down.gov.cn":
            return .html("<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>", status: 503)
        case "www.huge.gov.cn":
            return Self.huge
        case "www.bomb.gov.cn":
            return Self.bomb
        case "yc.zhenzwfw.gov.cn", "szs.zhenzwfw.gov.cn", "wz.zhenzwfw.gov.cn":
            // 震省's city portals that answer; gy. and zw. have no pages (404).
            return .html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(request.host)</title></head><body><p>市政务服务网</p></body></html>")
        case "mp.spa.gov.cn" where !userAgent.contains("MicroMessenger"):
            // A mini-program's web end: outside WeChat it only says to open it there.
            return .html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>提示</title></head><body><div class=\"weui-msg\"><h2>请在微信客户端打开链接</h2></div></body></html>", status: 403)
        case "www.jiazwfw.gov.cn" where path == "/" && userAgent.contains("Mobile"):
            return .redirect(to: "http://m.jiazwfw.gov.cn/")
        default:
            return file(host: request.host, path: path)
        }
    }

    // MARK: - Static portals

    private func file(host: String, path: String) -> FixtureResponse {
        let directory = root + "/" + host
        guard !path.contains(".."), FileManager.default.fileExists(atPath: directory) else { return Self.notFound }
        var relative = path.hasSuffix("/") ? path + "index" : path
        if relative.hasPrefix("/") { relative.removeFirst() }
        let base = (relative as NSString).deletingPathExtension
        let ext = (relative as NSString).pathExtension
        let candidates = ext.isEmpty
            ? [base + ".html", base + ".gbk.html", base + "/index.html", base + "/index.gbk.html"]
            : [relative, base + ".gbk." + ext]
        for candidate in candidates {
            let full = directory + "/" + candidate
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: full) else { continue }
            let text = fillPlaceholders(String(decoding: data, as: UTF8.self))
            let gbk = candidate.contains(".gbk.")
            let body = gbk ? GBKEncoding.encode(text) : Array(text.utf8)
            return .bytes(body, contentType: Self.contentType(for: candidate, gbk: gbk))
        }
        return Self.notFound
    }

    private static func contentType(for file: String, gbk: Bool) -> String {
        switch (file as NSString).pathExtension {
        // GBK pages on real portals usually omit the charset from the header and declare it in <meta>.
        case "html", "jsp": return gbk ? "text/html" : "text/html; charset=utf-8"
        case "js": return "application/javascript"
        case "css": return "text/css"
        case "txt": return "text/plain"
        case "pdf": return "application/pdf"
        case "json": return "application/json; charset=utf-8"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }

    private func fillPlaceholders(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? calendar.timeZone
        let recent = calendar.date(byAdding: .day, value: -3, to: now) ?? now
        let parts = calendar.dateComponents([.year, .month, .day], from: recent)
        let year = parts.year ?? 2026, month = parts.month ?? 1, day = parts.day ?? 1
        return text
            .replacingOccurrences(of: "{{RECENT_DATE}}", with: String(format: "%04d-%02d-%02d", year, month, day))
            .replacingOccurrences(of: "{{RECENT_PATH}}", with: "\(year)/\(month)/\(day)")
    }

    private static let notFound = FixtureResponse.html(
        "<html><head><title>404 页面不存在</title></head><body><div class=\"err\">对不起，您访问的页面不存在或已被删除。</div><a href=\"/\">返回首页</a></body></html>",
        status: 404)

    // MARK: - Misbehaving hosts

    /// An 加速乐-style challenge: 412 with a script that sets a clearance cookie and reloads.
    private static let challenge = FixtureResponse(
        status: 412,
        headers: [HTTPHeader(name: "Content-Type", value: "text/html"), HTTPHeader(name: "Server", value: "WAF/2.4")],
        body: Array("<html><body><script>document.cookie=('_')+('_')+('j')+('sl_clearance=1732338000.123|0|')+('abcDEF%3D');location.href=location.pathname+location.search</script></body></html>".utf8))

    private func shell(_ path: String) -> FixtureResponse {
        if path.hasPrefix("/js/") {
            // A large bundle: the methods and links a user would see are only in here.
            let chunk = "var e={path:\"/login\",name:\"登录\"},t={path:\"/elder\",name:\"长辈版\"};function n(a){return a.map(function(b){return b*2})}"
            return .bytes(Array(String(repeating: chunk, count: 3000).utf8), contentType: "application/javascript")
        }
        return .html("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">\
            <title>单页省政务服务网</title><link href="/css/app.8c1d2e.css" rel="stylesheet"></head>\
            <body><noscript><strong>We're sorry but this site doesn't work properly without JavaScript enabled.</strong></noscript>\
            <div id="app"></div><script src="/js/chunk-vendors.3f2a9b.js"></script><script src="/js/app.7e1c44.js"></script></body></html>
            """)
    }

    /// 2 MB of page: over the 1 MB cap the end-to-end tests set.
    private static let huge: FixtureResponse = {
        let row = "<tr><td>政务服务事项</td><td>2024-01-01</td></tr>\n"
        let body = "<html><body><table>" + String(repeating: row, count: 2 * 1024 * 1024 / row.utf8.count) + "</table></body></html>"
        return .bytes(Array(body.utf8), contentType: "text/html; charset=utf-8")
    }()

    /// 64 MB of zeros in about 64 KB of gzip.
    private static let bomb: FixtureResponse = {
        var response = FixtureResponse.bytes(Gzip.compress([UInt8](repeating: 0x20, count: 64 * 1024 * 1024)),
                                             contentType: "text/html")
        response.headers.append(HTTPHeader(name: "Content-Encoding", value: "gzip"))
        return response
    }()
}
