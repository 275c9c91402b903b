import Testing
import TiyanHTML

@Suite struct URLResolverTests {
    /// Root-relative links take a fast path; it must agree with the general algorithm's
    /// normalisation of the base (case, default port) and leave anything unusual to it.
    @Test func rootRelativeFastPathNormalisesLikeTheGeneralPath() {
        let base = "HTTP://WWW.Fixture.GOV.CN:80/col/index.html"
        #expect(URLResolver.resolve("/a/b.html?c=d&e=1", against: base) == "http://www.fixture.gov.cn/a/b.html?c=d&e=1")
        #expect(URLResolver.resolve("/a/./b/../c.html", against: base) == "http://www.fixture.gov.cn/a/c.html")
        #expect(URLResolver.resolve("/a b/办事.html#x", against: base)
                == "http://www.fixture.gov.cn/a%20b/%E5%8A%9E%E4%BA%8B.html")
        #expect(URLResolver.resolve("//other.gov.cn/x", against: base) == "http://other.gov.cn/x")
        #expect(URLResolver.resolve("/x", against: "https://h.gov.cn:8443/") == "https://h.gov.cn:8443/x")
    }

    let base = "https://www.zjzwfw.gov.cn/zjzw/index.do?a=1#top"

    @Test(arguments: [
        ("http://Example.GOV.cn:80/a/b?x#f", "http://example.gov.cn/a/b?x"),
        ("//puser.zjzwfw.gov.cn/sso/login", "https://puser.zjzwfw.gov.cn/sso/login"),
        ("/login.do", "https://www.zjzwfw.gov.cn/login.do"),
        ("en/index.html", "https://www.zjzwfw.gov.cn/zjzw/en/index.html"),
        ("../elder/./index.html", "https://www.zjzwfw.gov.cn/elder/index.html"),
        ("../../../x", "https://www.zjzwfw.gov.cn/x"),
        ("?b=2", "https://www.zjzwfw.gov.cn/zjzw/index.do?b=2"),
        ("", "https://www.zjzwfw.gov.cn/zjzw/index.do?a=1"),
        ("  /search?q=公积金 提取 \n", "https://www.zjzwfw.gov.cn/search?q=%E5%85%AC%E7%A7%AF%E9%87%91%20%E6%8F%90%E5%8F%96"),
        ("/办事/指南.html", "https://www.zjzwfw.gov.cn/%E5%8A%9E%E4%BA%8B/%E6%8C%87%E5%8D%97.html"),
        ("/a%20b/%E5%8A%9E%zz", "https://www.zjzwfw.gov.cn/a%20b/%E5%8A%9E%25zz"),
        ("\\\\static.zjzwfw.gov.cn\\css\\a.css", "https://static.zjzwfw.gov.cn/css/a.css"),
        ("https:elder.html", "https://www.zjzwfw.gov.cn/zjzw/elder.html"),
        ("HTTPS://www.zjzwfw.gov.cn:443", "https://www.zjzwfw.gov.cn/"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("weixin://dl/business", "weixin://dl/business"),
        ("/x/..", "https://www.zjzwfw.gov.cn/"),
    ])
    func resolves(href: String, expected: String) {
        #expect(URLResolver.resolve(href, against: base) == expected)
    }

    @Test(arguments: ["javascript:void(0)", " JavaScript:;", "mailto:a@b.cn", "tel:12345", "data:text/html,x", "about:blank", "#", "#main"])
    func rejects(href: String) {
        #expect(URLResolver.resolve(href, against: base) == nil)
    }

    @Test func relativeAgainstNoBaseIsNil() {
        #expect(URLResolver.resolve("/x", against: "") == nil)
        #expect(URLResolver.resolve("https://a.cn/x", against: "") == "https://a.cn/x")
        #expect(URLResolver.resolve("http://:80/x", against: base) == nil)
        #expect(URLResolver.resolve("http://a.cn:8o/x", against: base) == nil)
    }

    @Test func hosts() {
        #expect(URLResolver.host(of: "https://User:pw@WWW.Zjzwfw.GOV.cn.:8443/x") == "www.zjzwfw.gov.cn")
        #expect(URLResolver.host(of: "http://[2001:db8::1]:80/") == "[2001:db8::1]")
        #expect(URLResolver.host(of: "/relative") == nil)
        #expect(URLResolver.host(of: "") == nil)
    }

    @Test func sites() {
        #expect(URLResolver.site(of: "https://puser.zjzwfw.gov.cn/sso") == "zjzwfw.gov.cn")
        #expect(URLResolver.site(of: "https://www.gov.cn/") == "www.gov.cn")
        #expect(URLResolver.site(of: "https://gov.cn/") == "gov.cn")
        #expect(URLResolver.site(of: "https://static.alicdn.com/x.js") == "alicdn.com")
        #expect(URLResolver.site(of: "https://www.example.com.cn/") == "example.com.cn")
        #expect(URLResolver.site(of: "http://10.1.2.3:8080/") == "10.1.2.3")
        #expect(URLResolver.site(of: "http://localhost/") == "localhost")
    }
}
