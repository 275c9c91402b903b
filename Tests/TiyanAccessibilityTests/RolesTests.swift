import Testing
import TiyanAccessibility

@Suite struct RolesTests {
    @Test func implicitRolesFollowHTMLAAM() {
        let f = PageFixture("""
            <a id=link href="/">x</a><a id=anchor>x</a><img id=img src=a.png alt="logo"><img id=deco src=a.png alt="">
            <input id=text><input id=check type=checkbox><input id=search type=search list=l><select id=one></select>
            <select id=many multiple></select><header id=banner>h</header><article><header id=inner>h</header></article>
            <h3 id=h>t</h3><ul><li id=li>i</li></ul><section id=sec>s</section><section id=region aria-label=r>s</section>
            """)
        let page = f.page
        #expect(page.role(f["link"]) == "link")
        #expect(page.role(f["anchor"]) == "generic")
        #expect(page.role(f["img"]) == "img")
        #expect(page.role(f["deco"]) == "presentation")
        #expect(page.role(f["text"]) == "textbox")
        #expect(page.role(f["check"]) == "checkbox")
        #expect(page.role(f["search"]) == "combobox")
        #expect(page.role(f["one"]) == "combobox")
        #expect(page.role(f["many"]) == "listbox")
        #expect(page.role(f["banner"]) == "banner")
        #expect(page.role(f["inner"]) == "generic")
        #expect(page.role(f["h"]) == "heading")
        #expect(page.role(f["li"]) == "listitem")
        #expect(page.role(f["sec"]) == "generic")
        #expect(page.role(f["region"]) == "region")
    }

    @Test func firstValidTokenWins() {
        let f = PageFixture("<div id=a role=\"lnik button link\">x</div><div id=b role=\"foo\">x</div><div id=c role=\"Button\">x</div>")
        #expect(f.page.role(f["a"]) == "button")
        #expect(f.page.explicitRole(f["b"]) == nil)
        #expect(f.page.role(f["b"]) == "generic")
        #expect(f.page.role(f["c"]) == "button")
    }

    @Test func presentationalRoleYieldsToFocusAndGlobalAttributes() {
        let f = PageFixture("""
            <h1 id=plain role=none>t</h1><h1 id=focus role=none tabindex=0>t</h1><h1 id=global role=presentation aria-live=polite>t</h1>
            <img id=named src=a.png alt="" aria-label="x"><ul role=none><li id=item>i</li></ul>
            <table role=presentation><tr><td id=cell>c</td></tr></table>
            """)
        #expect(f.page.role(f["plain"]) == "none")
        #expect(f.page.role(f["focus"]) == "heading")
        #expect(f.page.role(f["global"]) == "heading")
        #expect(f.page.role(f["named"]) == "img")
        #expect(f.page.role(f["item"]) == "none")
        #expect(f.page.role(f["cell"]) == "none")
    }

    @Test func tableHeaderScopeAndPosition() {
        let f = PageFixture("""
            <table><tr><th id=col>a</th><th>b</th></tr><tr><th id=row>r</th><td>1</td></tr>
            <tr><th id=scoped scope=col>s</th><td>2</td></tr></table>
            """)
        #expect(f.page.role(f["col"]) == "columnheader")
        #expect(f.page.role(f["row"]) == "rowheader")
        #expect(f.page.role(f["scoped"]) == "columnheader")
    }
}
