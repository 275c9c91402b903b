import Foundation
import Testing
import TiyanHTML

@Suite struct ScriptMarkupTests {
    /// The 党政机关网站标识 badge snippet every portal pastes: markup percent-encoded in unescape().
    @Test func unescapedMarkupIsDecoded() {
        let script = #"document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/33/000/0000/60000000/CA330000000600000000001.js' type='text/javascript'%3E%3C/script%3E"));"#
        let fragments = ScriptMarkup.fragments(in: script)
        #expect(fragments.count == 1)
        #expect(fragments.first?.contains("<span id='_ideConac'") == true)
        #expect(fragments.first?.contains("dcs.conac.cn/js/33/") == true)
        // A method of that name on an object is not the global decoder.
        #expect(ScriptMarkup.fragments(in: #"document.write(codec.unescape("%3Ca href='/x'%3Ey%3C/a%3E"));"#).isEmpty)
    }

    let base = "https://www.example.gov.cn/"

    @Test func documentWriteWithConcatenationAcrossLines() {
        let script = """
            // header.js
            document.write('<div class="top"><a href="/login">' + '登录</a>');
            document.write("<a href=\\"/en/\\">English</a>"
                + '<a href="/elder/">长辈版</a></div>');
            """
        let links = ScriptMarkup.links(in: script, baseURL: base)
        #expect(links.map(\.text) == ["登录", "English", "长辈版"])
        #expect(links.map(\.url) == [
            "https://www.example.gov.cn/login", "https://www.example.gov.cn/en/", "https://www.example.gov.cn/elder/",
        ])
        #expect(links.map(\.element.xpath) == [
            "script-fragment[1]/div/a[1]", "script-fragment[1]/div/a[2]", "script-fragment[1]/div/a[3]",
        ])
        #expect(ScriptMarkup.fragments(in: script).count == 1)
    }

    @Test func separateDocumentWriteCallsFormOneStream() {
        let script = "document.writeln('<ul><li><a href=\"/login\">');\ndocument.write('登录</a></li>');document.write('</ul>')"
        #expect(ScriptMarkup.fragments(in: script) == ["<ul><li><a href=\"/login\">\n登录</a></li></ul>"])
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.text) == ["登录"])
    }

    @Test func innerHTMLBuiltInAVariable() {
        let script = """
            var h = '<div class="nav">';
            h += '<a href="/elder/index.html">长辈版</a>';
            h = h + "<a href='/en/'>English</a>" + '</div>';
            document.getElementById("top").innerHTML = h;
            """
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.text) == ["长辈版", "English"])
    }

    @Test func arrayJoinAndPush() {
        let script = """
            var html = [];
            html.push('<a href="/login">登录</a>');
            html.push('<a href="/reg">注册</a>');
            $("#bar").html(html.join(''));
            el.innerHTML = ['<a href="/en/">', 'English', '</a>'].join("");
            """
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.text) == ["登录", "注册", "English"])
    }

    @Test func jQueryAndInsertAdjacentHTML() {
        let script = """
            $('.header').append('<a class="elder" href="/elder">长辈版</a>');
            jQuery("<a href='/en'>English</a>").appendTo("body");
            document.body.insertAdjacentHTML('afterbegin', `<a href="/login">登录</a>`);
            var fd = new FormData(); fd.append('name', 'value');
            """
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.text) == ["长辈版", "English", "登录"])
    }

    @Test func minifiedOneLiner() {
        let script = #"!function(e,t){var n="<a href=\"/login\">登录</a>",o=/'"/g;e.getElementById("hd").innerHTML=n+'<a href="/en">English</a>'+(t?"<a href='/elder'>长辈版</a>":"")}(document,1);"#
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.text) == ["登录", "English", "长辈版"])
    }

    @Test func escapesAndTemplates() {
        let script = #"""
            document.write('<a href=\'/login\' title="\u767b\u5f55">\x3c!-- c --\x3e\u{767B}\u5F55</a>');
            el.innerHTML = `<a href="/u/${id}">${name}个人中心</a>`;
            el.outerHTML = "<a href=\"/a\">\uD83D\uDE00 \\ \n</a>";
            """#
        let fragments = ScriptMarkup.fragments(in: script)
        #expect(fragments == [
            "<a href='/login' title=\"登录\"><!-- c -->登录</a>",
            "<a href=\"/u/\">个人中心</a>",
            "<a href=\"/a\">😀 \\ \n</a>",
        ])
        let links = ScriptMarkup.links(in: script, baseURL: base)
        #expect(links.map(\.title) == ["登录", nil, nil])
        #expect(links[1].element.xpath == "script-fragment[2]/a")
    }

    @Test func quotesInCommentsAndRegexesDoNotDerailTheLexer() {
        let script = """
            <!--
            // it's a comment with a quote
            /* another 'one */
            var re = /["']/g, x = a / 2 / b;
            if (/<a/.test(s)) { document.write('<a href="/login">登录</a>'); }
            -->
            """
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.text) == ["登录"])
    }

    @Test func fragmentLocatorsFollowTheFragmentsOwnStructure() {
        let script = "el.innerHTML = '欢迎 <a href=\"/login\">登录</a>';\n$('#x').html('<li><a href=\"/a\">a</a></li><li><a href=\"/b\">b</a></li>');"
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.element.xpath) == [
            "script-fragment[1]/a", "script-fragment[2]/li[1]/a", "script-fragment[2]/li[2]/a",
        ])
    }

    @Test func nonMarkupAndUnknownValuesAreIgnored() {
        let script = """
            document.title = 'x'; el.innerHTML = ''; el.innerHTML = count;
            $('#a').html(data.html); el.innerHTML = 'plain text';
            """
        #expect(ScriptMarkup.fragments(in: script).isEmpty)
        #expect(ScriptMarkup.links(in: "", baseURL: base).isEmpty)
    }

    @Test func unknownOperandsAreEmpty() {
        let script = "el.innerHTML = '<a href=\"' + ctx + '/login\">' + getName() + '登录</a>';"
        #expect(ScriptMarkup.fragments(in: script) == ["<a href=\"/login\">登录</a>"])
    }

    /// A header kept in a variable and written in one call, the way many CMS header scripts do.
    @Test func documentWriteOfAVariable() {
        let script = """
            var header = "<div class='top'>";
            header += '<a href="/elder/">长者专区</a>';
            header = header + "</div>";
            document.write(header);
            """
        #expect(ScriptMarkup.links(in: script, baseURL: base).map(\.text) == ["长者专区"])
    }

    @Test func templateLiteralsSubstituteKnownVariables() {
        let script = """
            const elder = '<a href="/elder/">关怀版</a>';
            const link = "/en/";
            el.innerHTML = `<div class="top">${ elder }<a href="${link}">English</a>${unknown}</div>`;
            """
        #expect(ScriptMarkup.fragments(in: script) == [
            #"<div class="top"><a href="/elder/">关怀版</a><a href="/en/">English</a></div>"#
        ])
        // Without any variable the template reads as before: substitutions dropped.
        #expect(ScriptMarkup.fragments(in: "el.innerHTML = `<b>${x}</b>`;") == ["<b></b>"])
    }

    /// Toolbar loaders add their buttons and their own script with createElement.
    @Test func createdElementsAreWrittenWhereTheyAreCreated() {
        let script = """
            var btn = document.createElement('span');
            btn.className = 'elder-btn';
            btn.innerText = '长辈版';
            btn.onclick = function () { aria.oldFixedStart(); };
            document.body.appendChild(btn);
            var s = document.createElement("script");
            s.setAttribute("defer", "");
            s.src = "//wza.zj.gov.cn/cniil/assist.js?sid=" + sid + "&pos=left";
            $("body").append(s);
            var plain = document.createElement('div');
            """
        let fragments = ScriptMarkup.fragments(in: script)
        #expect(fragments.count == 2)
        #expect(fragments.first?.hasPrefix(#"<span class="elder-btn" onclick="function () { aria.oldFixedStart(); }">长辈版</span>"#) == true)
        #expect(fragments.last == #"<script defer="" src="//wza.zj.gov.cn/cniil/assist.js?sid=&amp;pos=left"></script>"#)
        let document = HTMLDocument(html: "<body>" + fragments.joined(), url: base)
        #expect(document.scripts.first?.url == "https://wza.zj.gov.cn/cniil/assist.js?sid=&pos=left")
        // Text set on a created element is text, not markup.
        #expect(ScriptMarkup.fragments(in: "var a = document.createElement('a'); a.textContent = '<b>x</b>';")
            == ["<a>&lt;b&gt;x&lt;/b&gt;</a>"])
    }

    @Test func garbageNeverCrashes() {
        for script in [
            "'", "`${", "document.write(", "a.innerHTML = ", "/", "((((", "}}}", "\u{0}", "x = `a${`b${'c",
            "var a = document.createElement('a'); a.onclick =", "a = document.createElement(", "x='1'; y=`${x",
            "var a = document.createElement('a'); a.setAttribute(", "var t = 'v'; q = `\\${t}${",
        ] {
            _ = ScriptMarkup.links(in: script, baseURL: base)
        }
    }

    @Test func largeMinifiedBundleIsLinear() {
        var chunk = #"function a(e,t){return e.map(function(n){return n/2>t?"x":'y'}).join(",")}var r=/[a-z]+'/g;"#
        chunk += #"e.innerHTML="<span>"+r+"</span>";"#
        let bundle = String(repeating: chunk, count: 13_000)
            + #"document.write('<a href="/login">登录</a>');"#
        #expect(bundle.utf8.count > 1_500_000)
        let start = Date()
        let links = ScriptMarkup.links(in: bundle, baseURL: base)
        #expect(links.map(\.text) == ["登录"])
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
