import Testing
@testable import TiyanConfig

@Suite struct SyntaxCheckTests {
    @Test(arguments: [
        "//ul[@class='result']/li", ".//a", ".//a/@href", "/", "//div[contains(@class, \"x]\")]", "a/b | c/d",
        "//li[position() <= 5]", "//*[@id!='x']", "@href", "//a[text()='[']", "*",
    ])
    func acceptsValidXPath(_ xpath: String) {
        #expect(XPathSyntax.problem(with: xpath) == nil)
    }

    @Test(arguments: [
        "", "  ", "//ul[@class='result'/li", "//a)", "//a[", "//a[]", "//a['x]", "//a/", "//a[@x!y]", "{x}",
        "//a;", "///a", "|//a", "//a[[1]]",
    ])
    func rejectsBrokenXPath(_ xpath: String) {
        #expect(XPathSyntax.problem(with: xpath) != nil)
    }

    @Test func checksJSONPaths() {
        #expect(XPathSyntax.problem(withJSONPath: "data.list") == nil)
        #expect(XPathSyntax.problem(withJSONPath: "result.items[0].title") == nil)
        #expect(XPathSyntax.problem(withJSONPath: "data..list") != nil)
        #expect(XPathSyntax.problem(withJSONPath: "a b") != nil)
        #expect(XPathSyntax.problem(withJSONPath: "a[x]") != nil)
    }

    @Test func checksWebAddresses() {
        #expect(WebAddress.problem(with: "https://www.zjzwfw.gov.cn/") == nil)
        #expect(WebAddress.problem(with: "http://127.0.0.1:8080/x") == nil)
        #expect(WebAddress.problem(with: "https://浙江.政务/路径") == nil)
        #expect(WebAddress.problem(with: "HTTPS://[::1]:443/") == nil)
        #expect(WebAddress.problem(with: "ftp://example.gov.cn/") != nil)
        #expect(WebAddress.problem(with: "https:///path") != nil)
        #expect(WebAddress.problem(with: "https://a..b/") != nil)
        #expect(WebAddress.problem(with: "https://a b/") != nil)
        #expect(WebAddress.problem(with: "www.example.gov.cn") != nil)
        #expect(WebAddress.problem(with: "https://host:port/") != nil)
    }
}
