import Foundation
import Testing
import TiyanCore
import TiyanHTML

@testable import TiyanProbes

@Suite struct StyleCascadeTests {
    private func makeCascade(_ html: String, sheets: [(String, String)] = [], width: Double = 1366)
        -> (StyleCascade, SitePage)?
    {
        var records = [Fixtures.record(.home, html: html)]
        for (url, css) in sheets {
            records.append(
                Fixtures.record(
                    .stylesheet, url: url, headers: [HTTPHeader(name: "Content-Type", value: "text/css")],
                    html: css))
        }
        let site = SiteContext(site: Fixtures.site(records))
        guard let page = try? site.page(.home) else { return nil }
        let styles = PageStyles(page: page, site: site, environment: MediaEnvironment(width: width))
        return (StyleCascade(styles: styles, defaultFontSize: 16), page)
    }

    private func fontSize(_ xpath: String, _ cascade: StyleCascade, _ page: SitePage) -> Double? {
        (try? page.document.select(xpath))?.first.map { cascade.fontSize(of: $0).value }
    }

    @Test func specificityImportanceStyleAttributeAndOrder() throws {
        let (cascade, page) = try #require(
            makeCascade(
                """
                <html><head><style>
                #a { font-size: 20px } .x { font-size: 30px } p { font-size: 11px }
                .y { font-size: 13px !important } #b { font-size: 40px }
                p.z { font-size: 14px } p.z { font-size: 15px }
                </style></head><body>
                <p id="a" class="x">a</p><p id="b" class="y">b</p><p id="c" style="font-size:22px" class="x">c</p>
                <p class="z">z</p></body></html>
                """))
        #expect(fontSize("//p[@id='a']", cascade, page) == 20)
        #expect(fontSize("//p[@id='b']", cascade, page) == 13)
        #expect(fontSize("//p[@id='c']", cascade, page) == 22)
        #expect(fontSize("//p[@class='z']", cascade, page) == 15)
    }

    @Test func emAndPercentFollowTheAncestorsAndRemTheRoot() throws {
        let (cascade, page) = try #require(
            makeCascade(
                """
                <html><head><style>
                html { font-size: 62.5% } body { font-size: 2em } .box { font-size: 150% } .box span { font-size: 1.2rem }
                </style></head><body><div class="box"><p>p</p><span>s</span></div></body></html>
                """))
        #expect(fontSize("//p", cascade, page) == 30)
        #expect(fontSize("//span", cascade, page) == 12)
        let origin = try #require(try page.document.select("//p").first.flatMap { cascade.fontSize(of: $0).origin })
        #expect(origin.snippet.contains(".box"))
    }

    @Test func shorthandsAndLineHeightInheritance() throws {
        let (cascade, page) = try #require(
            makeCascade(
                """
                <html><head><style>
                body { font: bold 14px/1.5 "宋体", serif } .px { line-height: 21px } .px b { font-size: 28px }
                </style></head><body><p>a</p><div class="px"><b>b</b></div></body></html>
                """))
        let p = try #require(try page.document.select("//p").first)
        let b = try #require(try page.document.select("//b").first)
        guard case .factor(let factor) = cascade.lineHeight(of: p).value else { throw TestFailure("factor") }
        #expect(factor == 1.5)
        // A length line-height is inherited as the length, not as a ratio.
        guard case .pixels(let pixels) = cascade.lineHeight(of: b).value else { throw TestFailure("pixels") }
        #expect(pixels == 21)
    }

    @Test func linkedSheetsAndMediaForTheAssumedScreen() throws {
        let html = """
            <html><head><link rel="stylesheet" href="/css/a.css"><link rel="stylesheet" href="/css/p.css" media="print">
            <link rel="stylesheet" href="https://cdn.example.com/x.css">
            <link rel="alternate stylesheet" title="关怀版" href="/css/p.css"></head><body><p>a</p></body></html>
            """
        let sheets = [
            (
                "https://www.example.gov.cn/css/a.css",
                "p{font-size:12px} @media (min-width: 1024px){p{font-size:18px}} @media screen and (max-width:480px){p{font-size:20px}}"
            ),
            ("https://www.example.gov.cn/css/p.css", "p{font-size:30pt}"),
        ]
        let (desktop, page) = try #require(makeCascade(html, sheets: sheets))
        #expect(fontSize("//p", desktop, page) == 18)
        #expect(desktop.styles.missingSheets == ["https://cdn.example.com/x.css"])
        let (phone, phonePage) = try #require(makeCascade(html, sheets: sheets, width: 375))
        #expect(fontSize("//p", phone, phonePage) == 20)
    }
}

@Suite struct MediaEnvironmentTests {
    @Test func mediaQueries() {
        let desktop = MediaEnvironment(width: 1366)
        let phone = MediaEnvironment(width: 375)
        #expect(desktop.matches([]))
        #expect(desktop.matches(["screen and (min-width: 1200px)"]))
        #expect(!phone.matches(["screen and (min-width: 1200px)"]))
        #expect(phone.matches(["only screen and (max-width:768px)"]))
        #expect(!desktop.matches(["print"]))
        #expect(desktop.matches(["not print"]))
        #expect(desktop.matches(["print, screen"]))
        #expect(desktop.matches(["(min-width: 64em)"]))
        #expect(!desktop.matches(["tv"]))
        #expect(!desktop.matches(["(prefers-reduced-motion: reduce)"]))
        #expect(!desktop.matches(["screen", "print"]))
    }
}

@Suite struct StylesheetCharsetTests {
    /// 宋体 in GBK.
    private static let gbkFont: [UInt8] =
        Array("body{font-family:\"".utf8) + [0xCB, 0xCE, 0xCC, 0xE5] + Array("\"}".utf8)

    private func record(_ bytes: [UInt8], contentType: String) -> FetchRecord {
        FetchRecord(
            target: "t", role: .stylesheet, url: "https://www.example.gov.cn/a.css", status: 200,
            headers: [HTTPHeader(name: "Content-Type", value: contentType)], body: Data(bytes))
    }

    @Test func aSheetThatSaysNothingIsReadInThePagesCharset() {
        #expect(PageStyles.decode(record(Self.gbkFont, contentType: "text/css"), pageCharset: "gbk").contains("宋体"))
    }

    @Test func charsetRuleAndHeaderWin() {
        let declared = Array("@charset \"GBK\";".utf8) + Self.gbkFont
        #expect(PageStyles.decode(record(declared, contentType: "text/css"), pageCharset: "utf-8").contains("宋体"))
        #expect(
            PageStyles.decode(record(Self.gbkFont, contentType: "text/css; charset=gbk"), pageCharset: "utf-8")
                .contains("宋体"))
    }
}

private struct TestFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
