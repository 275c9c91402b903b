import Foundation
import Testing
import TiyanCore
import TiyanHTML

@Suite struct PageNatureTests {
    private func classify(_ status: Int?, _ html: String, headers: [HTTPHeader] = []) -> PageNature {
        PageNature.classify(
            status: status, headers: headers, body: Data(html.utf8), document: nil, markers: PageNatureFixture.markers)
    }

    private func isChallenge(_ nature: PageNature, mentioning marker: String) -> Bool {
        guard case let .challenge(reason) = nature else { return false }
        return reason.contains(marker)
    }

    @Test func ruishuStyle412() {
        let page = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <script type="text/javascript">$_ts=window['$_ts'];if(!$_ts)$_ts=window['$_ts']={};$_ts.nsd=12345;</script>
            <script src="/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js" r="m"></script></head><body></body></html>
            """
        let nature = classify(412, page)
        #expect(isChallenge(nature, mentioning: "HTTP 412"))
        #expect(isChallenge(nature, mentioning: "$_ts"))
        #expect(isChallenge(classify(202, page), mentioning: "$_ts"))
    }

    @Test func cookieChallengeAt521And200() {
        let jiasule = "<html><body><script>document.cookie='__jsl_clearance=1700000000.1|0|abc';location.href=location.pathname+location.search</script></body></html>"
        #expect(isChallenge(classify(521, jiasule), mentioning: "__jsl_clearance"))
        // The cookie name is usually obfuscated; the cookie-and-reload shape gives it away.
        let obfuscated = "<script>document.cookie=('_')+('_')+('j')+('s')+('l')+'_clearance=15';location.href=location.pathname+location.search</script>"
        #expect(isChallenge(classify(521, obfuscated), mentioning: "document.cookie"))
        let generic = "<script>var x=\"a1b2\";document.cookie = \"verify=\" + x + \"; path=/\";window.location.reload();</script>"
        #expect(isChallenge(classify(200, generic), mentioning: "location.reload"))
    }

    @Test func wafBlockPagesAt200And403() {
        let safedog = """
            <html><head><title>网站防火墙</title></head><body><div>您的请求带有不合法参数，已被网站管理员设置拦截！</div>
            <p>可能原因：您提交的内容包含危险的攻击请求</p><a href="http://www.safedog.cn/">网站安全狗</a></body></html>
            """
        #expect(isChallenge(classify(200, safedog), mentioning: "安全狗"))
        let akamai = "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don't have permission to access this server.<P>Reference #18.1</BODY></HTML>"
        #expect(isChallenge(classify(403, akamai), mentioning: "Access Denied"))
        #expect(isChallenge(classify(403, "<p>blocked</p>", headers: [HTTPHeader(name: "CF-Mitigated", value: "challenge")]),
                            mentioning: "cf-mitigated"))
    }

    @Test func blockPageInGBKIsReadWithTheHeaderCharset() {
        // 网站防火墙 in GBK.
        let title: [UInt8] = [0xCD, 0xF8, 0xD5, 0xBE, 0xB7, 0xC0, 0xBB, 0xF0, 0xC7, 0xBD]
        let body = Encoded.page(["<html><title>", title, "</title><body><h1>", title, "</h1></body></html>"])
        let headers = [HTTPHeader(name: "content-type", value: "text/html; charset=GBK")]
        let nature = PageNature.classify(status: 403, headers: headers, body: body, document: nil, markers: PageNatureFixture.markers)
        #expect(isChallenge(nature, mentioning: "网站防火墙"))
    }

    @Test func vueShell() {
        let page = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>浙里办</title>
            <link href="/static/css/app.4f2a1c.css" rel="stylesheet"></head><body>
            <noscript><strong>We're sorry but this site doesn't work properly without JavaScript enabled. 请开启JavaScript</strong></noscript>
            <div id="app"></div><script src="/static/js/chunk-vendors.9a8b7c.js"></script><script src="/static/js/app.1d2e3f.js"></script>
            </body></html>
            """
        #expect(classify(200, page) == .scriptShell(reason: "mount point div#app with 0 visible characters"))
    }

    @Test func shellWithBundlesButNoKnownMountPoint() {
        let page = "<html><body><noscript>请开启JavaScript</noscript><div id=\"container\"></div><script src=\"/assets/index-4f3a2b1c.js\"></script><script src=\"/js/jquery.js\"></script></body></html>"
        guard case let .scriptShell(reason) = classify(200, page) else {
            Issue.record("not a shell")
            return
        }
        #expect(reason.contains("index-4f3a2b1c.js"))
    }

    @Test func normalPortalIsADocument() {
        var page = PortalFixture.html
        // Ordinary pages set cookies, reload, and load scripts from Cloudflare's CDN.
        page = page.replacingOccurrences(
            of: "</BODY>",
            with: """
                <script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js"></script>
                <script>function setFont(s){document.cookie="fontSize="+s;location.reload();}</script>
                <p>\(String(repeating: "浙江省政务服务事项办事指南与在线办理。", count: 40))</p></BODY>
                """)
        #expect(classify(200, page) == .document)
        #expect(PageNature.classify(status: 200, headers: [], body: Data(), document: PortalFixture.document(), markers: PageNatureFixture.markers) == .document)
    }

    @Test func smallOrdinaryPagesAreDocuments() {
        #expect(classify(200, "<html><body><h1>隐私政策</h1><p>我们重视您的个人信息保护。</p></body></html>") == .document)
        #expect(classify(200, "<frameset><frame src=\"main.html\"></frameset>") == .document)
        #expect(classify(404, "<h1>404 Not Found</h1><hr>nginx") == .document)
        // A SSR'd Nuxt page has a mount point and real text.
        let ssr = "<div id=\"__nuxt\"><h1>\(String(repeating: "政务服务", count: 30))</h1></div><script src=\"/_nuxt/app.3c4d5e.js\"></script>"
        #expect(classify(200, ssr) == .document)
    }

    @Test func markersComeFromThePageNatureFile() {
        let markers = PageNatureFixture.markers
        #expect(markers.challengeMarkers.contains("acw_sc__v2"))
        #expect(markers.blockPageMarkers.contains("创宇盾"))
        #expect(markers.mountPointIDs.contains("app"))
        #expect(markers.shellVisibleTextLimit == 50)
    }

    /// A marker added to the file is a challenge at once: no recompile, and `reprobe` of an
    /// old archive applies it.
    @Test func aNewMarkerIsAChallenge() {
        let page = "<html><body><script>var __xguard_token='x';</script>请稍候</body></html>"
        #expect(classify(200, page) == .document)
        var markers = PageNatureFixture.markers
        markers.challengeMarkers.append("__xguard_token")
        let nature = PageNature.classify(status: 200, headers: [], body: Data(page.utf8), document: nil, markers: markers)
        #expect(nature == .challenge(reason: "challenge marker __xguard_token"))
    }
}
