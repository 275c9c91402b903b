import Testing
import TiyanAccessibility

@Suite struct AccessibleNameTests {
    @Test func labelledbyBeatsLabelBeatsContent() {
        let f = PageFixture("""
            <span id=l1>搜索</span><span id=l2 hidden>站内</span>
            <button id=b aria-labelledby="l2 l1" aria-label="ignored">text</button>
            <button id=c aria-label="  关闭 ">×</button><button id=d>  提交 <b>申请</b></button>
            """)
        #expect(f.page.accessibleName(f["b"]) == "站内 搜索")
        #expect(f.page.accessibleName(f["c"]) == "关闭")
        #expect(f.page.accessibleName(f["d"]) == "提交 申请")
    }

    @Test func nativeLabelsAltCaptionLegend() {
        let f = PageFixture("""
            <label for=q>关键词</label><input id=q><label>手机 <input id=tel type=tel></label>
            <img id=img src=a.png alt="市政府"><a id=link href="/"><img src=b.png alt="首页"></a>
            <fieldset id=fs><legend>个人信息</legend></fieldset><table id=t><caption>办件</caption></table>
            <input id=submit type=submit><input id=button type=button><input id=image type=image src=s.png>
            <input id=ph placeholder="请输入"><iframe id=frame title="天气"></iframe>
            """)
        #expect(f.page.accessibleName(f["q"]) == "关键词")
        #expect(f.page.accessibleName(f["tel"]) == "手机")
        #expect(f.page.accessibleName(f["img"]) == "市政府")
        #expect(f.page.accessibleName(f["link"]) == "首页")
        #expect(f.page.accessibleName(f["fs"]) == "个人信息")
        #expect(f.page.accessibleName(f["t"]) == "办件")
        #expect(f.page.accessibleName(f["submit"]) == "Submit")
        #expect(f.page.accessibleName(f["button"]) == "")
        #expect(f.page.accessibleName(f["image"]) == "")
        #expect(f.page.accessibleName(f["ph"]) == "请输入")
        #expect(f.page.accessibleName(f["frame"]) == "天气")
    }

    @Test func hiddenContentAndEmbeddedControls() {
        let f = PageFixture("""
            <a id=a href="/"><span aria-hidden=true>★</span><span style="display:none">隐藏</span>可见</a>
            <a id=b href="/" title="提示"></a><div id=c role=heading>年份 <select><option>2024</option></select></div>
            <a id=d href="/"><span style="visibility:hidden">x</span></a>
            """)
        #expect(f.page.accessibleName(f["a"]) == "可见")
        #expect(f.page.accessibleName(f["b"]) == "提示")
        #expect(f.page.accessibleName(f["c"]) == "年份 2024")
        #expect(f.page.accessibleName(f["d"]) == "")
    }

    @Test func rolesWithoutNameFromContentGetNone() {
        let f = PageFixture("<div id=a role=navigation>菜单</div><p id=p>段落</p>")
        #expect(f.page.accessibleName(f["a"]) == "")
        #expect(f.page.accessibleName(f["p"]) == "")
    }
}
