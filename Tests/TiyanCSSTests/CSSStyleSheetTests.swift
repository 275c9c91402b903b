import Testing
import TiyanCSS

@Suite struct CSSStyleSheetTests {
    @Test func rulesKeepSelectorListsAndOrder() {
        let sheet = CSSStyleSheet.parse("""
            <!-- body, p ,li { font-size: 14px } /* c */ .nav>a:hover{color:red} -->
            """)
        #expect(sheet.rules.map(\.selectors) == [["body", "p", "li"], [".nav>a:hover"]])
        #expect(sheet.rules.map(\.index) == [0, 1])
        #expect(sheet.rules[0].declarations == [CSSDeclaration(property: "font-size", value: "14px")])
        #expect(sheet.rules[0].text == "body, p, li { font-size: 14px }")
    }

    @Test func mediaBlocksKeepTheirConditionAndNest() {
        let sheet = CSSStyleSheet.parse("""
            @media print { body { font-size: 10pt } }
            @media screen and (min-width: 1200px) { @media (max-width: 1600px) { .w { width: 1200px } } }
            p { color: #333 }
            """)
        #expect(sheet.rules.map(\.media) == [["print"], ["screen and (min-width: 1200px)", "(max-width: 1600px)"], []])
    }

    @Test func importsCharsetAndSkippedAtRules() {
        let sheet = CSSStyleSheet.parse("""
            @charset "gbk";
            @import url(base.css);
            @import "print.css" print;
            @font-face { font-family: x; src: url(x.woff) }
            @keyframes spin { from { transform: rotate(0) } to { transform: rotate(360deg) } }
            @-webkit-keyframes spin { 0% { opacity: 0 } }
            body { margin: 0 }
            """)
        #expect(sheet.charset == "gbk")
        #expect(sheet.imports == [CSSImport(url: "base.css", media: ""), CSSImport(url: "print.css", media: "print")])
        #expect(sheet.skippedAtRules == ["font-face", "keyframes", "-webkit-keyframes"])
        #expect(sheet.rules.map(\.selectorText) == ["body"])
    }

    @Test func nestedRulesSurviveAndExpand() {
        let sheet = CSSStyleSheet.parse("""
            .care { font-size: 20px; a:hover { color: red } & > p { line-height: 2 } color: #000; }
            .next { color: blue }
            """)
        #expect(sheet.rules.map(\.selectorText) == [".care", ".care a:hover", ".care > p", ".next"])
        #expect(sheet.rules[0].declarations.map(\.property) == ["font-size", "color"])
    }

    @Test func brokenSheetsKeepWhatIsReadable() {
        let sheet = CSSStyleSheet.parse("p { color: red ; } } } div { font: 12px/1.5 宋体 ; @media {  ")
        #expect(sheet.rules.first?.selectorText == "p")
        #expect(sheet.rules.contains { $0.declarations.contains { $0.property == "font" } })
    }

    @Test func charsetIsReadFromTheSheetBytes() {
        #expect(CSSStyleSheet.declaredCharset(in: Array("@charset \"GBK\";\nbody{}".utf8)) == "GBK")
        #expect(CSSStyleSheet.declaredCharset(in: Array("@charset 'GBK';".utf8)) == nil)
        #expect(CSSStyleSheet.declaredCharset(in: Array("body{}".utf8)) == nil)
    }
}
