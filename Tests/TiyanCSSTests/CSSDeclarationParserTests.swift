import Testing
import TiyanCSS

@Suite struct CSSDeclarationParserTests {
    @Test func parsesAStyleAttribute() {
        let declarations = CSSDeclarationParser.parse(" Color : RED ; FONT-size:16px;; line-height: 1.5 ")
        #expect(declarations == [
            CSSDeclaration(property: "color", value: "RED"),
            CSSDeclaration(property: "font-size", value: "16px"),
            CSSDeclaration(property: "line-height", value: "1.5"),
        ])
    }

    @Test func importantIsSeparatedInAnyCase() {
        let declarations = CSSDeclarationParser.parse("color: #333 ! IMPORTANT; font-size: 18px!important")
        #expect(declarations == [
            CSSDeclaration(property: "color", value: "#333", isImportant: true),
            CSSDeclaration(property: "font-size", value: "18px", isImportant: true),
        ])
    }

    @Test func semicolonsInsideStringsAndURLsDoNotSplit() {
        let declarations = CSSDeclarationParser.parse(
            #"font-family: "a;b", 'c;d'; background: url(x;y.png) no-repeat; content: attr(data-x, ";")"#)
        #expect(declarations.map(\.property) == ["font-family", "background", "content"])
        #expect(declarations[0].value == #""a;b", 'c;d'"#)
        #expect(declarations[1].value == "url(x;y.png) no-repeat")
        #expect(declarations[2].value == #"attr(data-x, ";")"#)
    }

    @Test func commentsAreRemovedAndSeparateValues() {
        let declarations = CSSDeclarationParser.parse("/* lead */ border: 1px/**/solid /* x */ red; /* tail */")
        #expect(declarations == [CSSDeclaration(property: "border", value: "1px solid red")])
    }

    @Test func brokenDeclarationsAreSkippedUpToTheNextSemicolon() {
        let declarations = CSSDeclarationParser.parse("color red; {x:y}; 12px: a; :b; font-size: 14px; width:")
        #expect(declarations == [CSSDeclaration(property: "font-size", value: "14px")])
    }

    @Test func customPropertiesKeepTheirCase() {
        let declarations = CSSDeclarationParser.parse("--Main-Color: #f00; --empty:;")
        #expect(declarations == [
            CSSDeclaration(property: "--Main-Color", value: "#f00"),
            CSSDeclaration(property: "--empty", value: ""),
        ])
    }

    @Test func chineseFontNamesSurvive() {
        let declarations = CSSDeclarationParser.parse("font: bold 16px/1.5 \"微软雅黑\", 宋体")
        #expect(declarations == [CSSDeclaration(property: "font", value: "bold 16px/1.5 \"微软雅黑\", 宋体")])
    }
}
