import Testing
import TiyanCSS

@Suite struct CSSSelectorTests {
    @Test func compoundsAndCombinators() throws {
        let selector = try #require(CSSSelector.parse("div#main .news-list > li.item+ a ~ span"))
        #expect(selector.parts.map(\.combinator) == [nil, .descendant, .child, .nextSibling, .subsequentSibling])
        #expect(selector.parts[0].compound.type == "div")
        #expect(selector.parts[0].compound.ids == ["main"])
        #expect(selector.parts[2].compound.classes == ["item"])
        #expect(selector.specificity == CSSSpecificity(ids: 1, classes: 2, types: 4))
    }

    @Test func xpathForTypeClassIdAndCombinators() {
        #expect(CSSSelector.parse("body")?.xpath == "//body")
        #expect(CSSSelector.parse(".a>p")?.xpath
            == "//*[contains(concat(' ', normalize-space(@class), ' '), ' a ')]/p")
        #expect(CSSSelector.parse("#x li")?.xpath == "//*[@id='x']//li")
        #expect(CSSSelector.parse("h1 + p")?.xpath == "//h1/following-sibling::*[1][self::p]")
        #expect(CSSSelector.parse("a[href^=\"http\"]")?.xpath == "//a[starts-with(@href, 'http')]")
        #expect(CSSSelector.parse("li:nth-child(odd)")?.xpath
            == "//li[(count(preceding-sibling::*) + 1) >= 1 and ((count(preceding-sibling::*) + 1) - 1) mod 2 = 0]")
        #expect(CSSSelector.parse("p:not(.x)")?.xpath
            == "//p[not(self::*[contains(concat(' ', normalize-space(@class), ' '), ' x ')])]")
    }

    @Test func statesAndPseudoElementsDoNotMatchAPageAtRest() {
        #expect(CSSSelector.parse("a:hover")?.xpath == nil)
        #expect(CSSSelector.parse("p::before")?.xpath == nil)
        #expect(CSSSelector.parse("p:after")?.xpath == nil)
        #expect(CSSSelector.parse("a:link")?.xpath == "//a[@href and (self::a or self::area)]")
    }

    @Test func unsupportedOrBrokenSelectorsAreNil() {
        #expect(CSSSelector.parse("p:has(a)") == nil)
        #expect(CSSSelector.parse("> p") == nil)
        #expect(CSSSelector.parse("p >") == nil)
        #expect(CSSSelector.parse("") == nil)
        #expect(CSSSelector.parse("a..b") == nil)
        #expect(CSSSelector.parse("svg|a") == nil)
    }

    @Test func selectorListsSplitAtTopLevelCommas() {
        #expect(CSSSelectorList.split("a, b ,c[title='x,y']") == ["a", "b", "c[title='x,y']"])
    }
}
