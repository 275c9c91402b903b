"""Script-built portals for the render measurement (imported by generate_farm.py).

A portal of this kind serves one HTML shell (`<div id="app"></div>` and two bundles, as a Vue or
React build does); everything a citizen sees is built by the bundle from a JSON API, page by
page along hash routes (#/login, #/privacy, #/news/123 ...), like the fixture
Tests/Fixtures/portals/www.spa.gov.cn. Without a browser tiyan sees an empty shell; with one it
sees a portal. The vendor bundle is padded with component code that is parsed but mostly never
called, as real bundles are, so that script parsing costs what it costs on a real portal.

Everything is derived from the Portal passed in (its seeded rng and phrase helpers).
Python 3 standard library only.
"""

import hashlib
import json

# Hash routes of the header and footer, with the page role tiyan should find behind each.
HEADER_ROUTES = [("#/login", "登录", "login"), ("#/register", "注册", "register"),
                 ("#/en", "English", "en"), ("#/elder", "长辈版", "elder")]
FOOTER_ROUTES = [("#/privacy", "隐私政策"), ("#/agreement", "用户服务协议"), ("#/sitemap", "网站地图")]


def _json(value):
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _digest(data):
    return hashlib.sha1(data).hexdigest()[:6]


VENDOR_HEAD = """/*! portal-ui 3.4.2 | a view helper bundled by the portal's build (not a public library) */
(function (global) {
  "use strict";
  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function h(tag, attrs, children) {
    var out = "<" + tag;
    for (var key in attrs || {}) {
      if (attrs[key] === true) out += " " + key;
      else if (attrs[key] !== false && attrs[key] != null) out += " " + key + '="' + esc(attrs[key]) + '"';
    }
    out += ">";
    (children || []).forEach(function (child) { out += typeof child === "string" ? esc(child) : child.html; });
    return { html: out + "</" + tag + ">" };
  }
  function mount(selector, node) { document.querySelector(selector).innerHTML = node.html; window.scrollTo(0, 0); }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status + " " + url);
      return r.json();
    });
  }
  var components = {};
"""

VENDOR_TAIL = """  global.PortalUI = { h: h, mount: mount, getJSON: getJSON, components: components, version: "3.4.2" };
})(window);
"""

APP = r"""/* {name} app bundle (hash router, data from /api/*.json) */
(function (V) {
  "use strict";
  var h = V.h;
  var site = null;

  function header() {
    return h("div", { "class": "top" }, [
      h("div", { "class": "w1200" }, [
        h("span", { "class": "welcome" }, ["您好，欢迎来到" + site.name + "！"]),
        h("span", { "class": "links" }, site.header.map(function (l) {
          return h("a", { href: l.href, "class": l.cls }, [l.text]);
        }).concat([h("a", { href: "javascript:;", id: "wza" }, ["无障碍浏览"])]))
      ])
    ]);
  }

  function nav() {
    return h("div", { "class": "nav" }, [
      h("a", { href: "#/" }, ["首页"])
    ].concat(site.columns.map(function (c, k) { return h("a", { href: "#/column/" + k }, [c]); })).concat([
      h("form", { action: "/search", method: "get", "class": "search" }, [
        h("input", { type: "text", name: "q", placeholder: "请输入事项名称、关键词" }, []),
        h("button", { type: "submit" }, ["搜索"])
      ])
    ]));
  }

  function footer() {
    return h("div", { "class": "footer" }, [
      h("p", {}, site.footer.map(function (l) { return h("a", { href: l.href }, [l.text]); })),
      h("p", {}, ["主办单位：" + site.sponsor + "　承办单位：" + site.operator]),
      h("p", {}, [
        "网站标识码：" + site.siteCode + "　",
        h("a", { href: "http://beian.miit.gov.cn/", target: "_blank" }, [site.icp]),
        "　",
        h("a", { href: "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=" + site.policeCode, target: "_blank" }, [site.police])
      ]),
      h("p", {}, ["服务热线：12345　建议使用1366×768以上分辨率浏览本网站"])
    ]);
  }

  function newsList(items) {
    return h("ul", { "class": "news-list" }, items.map(function (n) {
      return h("li", {}, [h("a", { href: "#/news/" + n.id, title: n.title }, [n.title]), h("span", { "class": "date" }, [n.date])]);
    }));
  }

  function matters(rows) {
    return h("table", { "class": "bszn-table" }, [
      h("tr", {}, ["序号", "事项名称", "实施主体", "承诺时限", "办理"].map(function (t) { return h("th", {}, [t]); }))
    ].concat(rows.map(function (m, k) {
      return h("tr", { "class": k % 2 ? "even" : "odd" }, [
        h("td", {}, [String(k + 1)]), h("td", { "class": "sxmc" }, [m.name]), h("td", {}, [m.dept]),
        h("td", {}, [m.days + "个工作日"]), h("td", {}, [h("a", { href: "#/login", "class": "btn-bl" }, ["在线办理"])])
      ]);
    })));
  }

  function home(data) {
    return h("div", { "class": "main w1200" }, [
      h("div", { "class": "svc-box" }, [h("h2", {}, ["热门服务"]), matters(data.matters)]),
      h("div", { "class": "news-box" }, [h("h2", {}, ["通知公告"]), newsList(site.news)])
    ]);
  }

  function column(k) {
    var items = site.news.filter(function (n, i) { return i % site.columns.length === k; });
    return h("div", { "class": "main w1200" }, [h("h2", {}, [site.columns[k] || "栏目"]), newsList(items)]);
  }

  function article(doc) {
    return h("div", { "class": "main w1200 article" }, [
      h("h1", { "class": "title" }, [doc.title]),
      h("div", { "class": "info" }, ["发布时间：" + doc.date + "　来源：" + doc.source])
    ].concat(doc.paragraphs.map(function (p) { return h("p", {}, [p]); })));
  }

  function login(register) {
    return h("div", { "class": "main w1200 login" }, [
      h("h2", {}, [register ? "个人用户注册" : site.name + "统一身份认证"]),
      h("form", { id: "pwd", action: register ? "/api/auth/register" : "/api/auth/login", method: "post" }, [
        h("input", { type: "text", name: "username", placeholder: "身份证号/手机号" }, []),
        h("input", { type: "password", name: "password", placeholder: "请输入密码" }, []),
        h("label", {}, [h("input", { type: "checkbox", id: "agree", name: "agree" }, []),
          "我已阅读并同意", h("a", { href: "#/agreement" }, ["《用户服务协议》"]), "和", h("a", { href: "#/privacy" }, ["《隐私政策》"])]),
        h("button", { type: "submit" }, [register ? "注册" : "登录"])
      ]),
      h("p", {}, [register ? h("a", { href: "#/login" }, ["已有账号，去登录"]) : h("a", { href: "#/register" }, ["立即注册"])])
    ]);
  }

  function policy(doc) {
    return h("div", { "class": "main w1200 policy" }, [h("h1", {}, [doc.title]), h("p", { "class": "date" }, [doc.dates])]
      .concat(doc.sections.map(function (section) {
        return h("div", {}, [h("h2", {}, [section.heading])].concat(section.paragraphs.map(function (p) { return h("p", {}, [p]); })));
      })));
  }

  function elder(data) {
    return h("div", { "class": "main w1200 elder", style: "font-size:24px;line-height:1.8" }, [
      h("h1", {}, ["长辈版"]), h("p", {}, [h("a", { href: "#/" }, ["返回标准版"])]),
      h("ul", { "class": "big-svc" }, data.matters.slice(0, 10).map(function (m) { return h("li", {}, [h("a", { href: "#/login" }, [m.name])]); }))
    ]);
  }

  function english() {
    return h("div", { "class": "main w1200", lang: "en" }, [
      h("h1", {}, ["Welcome to " + site.nameEn]),
      h("p", {}, ["One-stop online services for individuals and enterprises."]),
      h("p", {}, [h("a", { href: "#/" }, ["中文版"])])
    ]);
  }

  function show(route) {
    var done = function (body) { V.mount("#app", h("div", {}, [header(), nav(), body, footer()])); afterMount(route); };
    var fail = function (e) { console.error("页面数据加载失败", e); done(h("div", { "class": "main" }, ["页面加载失败，请稍后重试"])); };
    var news = /^\/news\/(\d+)$/.exec(route), col = /^\/column\/(\d+)$/.exec(route);
    if (route === "/privacy" || route === "/agreement") return V.getJSON("/api/policy" + route + ".json").then(function (r) { done(policy(r.data)); }, fail);
    if (news) return V.getJSON("/api/news/" + news[1] + ".json").then(function (r) { done(article(r.data)); }, fail);
    if (col) return done(column(Number(col[1])));
    if (route === "/login" || route === "/register") return done(login(route === "/register"));
    if (route === "/en") return done(english());
    if (route === "/elder") return V.getJSON("/api/matters.json").then(function (r) { done(elder(r.data)); }, fail);
    V.getJSON("/api/matters.json").then(function (r) { done(home(r.data)); }, fail);
  }

  function afterMount(route) {
    var box = document.getElementById("agree");
    // The portal ticks the consent box for the citizen: a property, not an attribute.
    if (box && route === "/login") box.checked = true;
  }

  function route() { return (location.hash.replace(/^#/, "") || "/").split("?")[0]; }

  V.getJSON("/api/site.json").then(function (r) {
    site = r.data;
    document.title = site.name;
    show(route());
    window.addEventListener("hashchange", function () { show(route()); });
  }).catch(function (e) { console.error("站点配置加载失败", e); });
})(window.PortalUI);
"""

CSS = """body{margin:0;font:14px/1.6 "Microsoft YaHei",PingFang SC,sans-serif;color:#333;background:#f5f7fa}
.w1200{width:1200px;margin:0 auto}
.top{background:#1f5fbf;color:#fff;padding:8px 0}.top a{color:#fff;margin-left:16px;text-decoration:none}
.nav{background:#fff;padding:12px 0;text-align:center}.nav a{margin-right:24px;color:#1f5fbf}
.main{padding:24px 0;min-height:320px}.news-list li{line-height:2}.news-list .date{float:right;color:#999}
.bszn-table{width:100%;border-collapse:collapse}.bszn-table td,.bszn-table th{border:1px solid #ddd;padding:6px}
.footer{background:#2b2f36;color:#c9cdd4;padding:16px 0;font-size:13px;line-height:1.8;text-align:center}
.footer a{color:#c9cdd4;margin:0 8px}
.policy p,.article p{font-size:16px;line-height:1.8;text-indent:2em}
"""

SHELL = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1.0">
<link rel="icon" href="/favicon.ico">
<title>{name}</title>
<link href="/static/css/app.{css}.css" rel="stylesheet">
</head>
<body>
<noscript><strong>很抱歉，{name}需要启用 JavaScript 才能正常访问。</strong></noscript>
<div id="app"></div>
<script src="/static/js/chunk-vendors.{vendor}.js"></script>
<script src="/static/js/app.{app}.js"></script>
</body>
</html>
"""


def _vendor(p):
    """The view helper plus generated component code: a bundle of 150-250 KB."""
    r = p.rng
    out = [VENDOR_HEAD]
    size, target = len(VENDOR_HEAD), r.randint(150 * 1024, 250 * 1024)
    n = 0
    while size < target:
        props = ", ".join(f'"{w}{k}": {{ type: {r.choice(["String", "Number", "Boolean", "Array"])}, default: null }}'
                          for k, w in enumerate(r.sample(["value", "label", "size", "disabled", "items", "title", "mode", "max"], 4)))
        body = (f"  components.c{n} = {{ name: \"PuComp{n}\", props: {{ {props} }},\n"
                f"    render: function (ctx) {{ var cls = [\"pu-c{n}\"]; if (ctx.disabled) cls.push(\"is-disabled\"); "
                f"for (var i = 0; i < (ctx.items || []).length; i++) {{ if (ctx.items[i] && ctx.items[i].active) cls.push(\"is-active-\" + i); }} "
                f"return h(\"div\", {{ \"class\": cls.join(\" \"), title: ctx.title || \"{p.title()}\" }}, [String(ctx.label || \"\")]); }},\n"
                f"    watch: function (a, b) {{ return a === b ? 0 : (a > b ? {r.randint(1, 9)} : -{r.randint(1, 9)}); }} }};\n")
        out.append(body)
        size += len(body.encode("utf-8"))
        n += 1
    out.append(VENDOR_TAIL)
    return "".join(out).encode("utf-8")


def _site(p):
    return {"code": 0, "data": {
        "name": p.name, "nameEn": f"{p.short} Government Online-Offline Services",
        "sponsor": f"{p.full}人民政府办公厅", "operator": f"{p.full}大数据发展管理局",
        "siteCode": p.site_code, "icp": p.icp, "police": f"{p.abbr}公网安备 {p.gongan}号", "policeCode": p.gongan,
        "header": [{"href": h, "text": t, "cls": c} for h, t, c in HEADER_ROUTES],
        "footer": [{"href": h, "text": t} for h, t in FOOTER_ROUTES],
        "columns": [t for _, t in p.columns] or ["通知公告"],
        "news": [{"id": _article_id(path), "title": title, "date": date.isoformat()} for path, title, date in p.articles],
    }}


def _article_id(path):
    return int(path.rsplit("_", 1)[1].split(".")[0])


def _matters(p, matters, depts):
    r = p.rng
    return {"code": 0, "data": {"matters": [
        {"name": r.choice(matters), "dept": p.full + r.choice(depts), "days": r.randint(1, 20)}
        for _ in range(r.randint(20, 40))]}}


def _policy(p, title, headings):
    d = p.date()
    return {"code": 0, "data": {
        "title": f"{p.name}{title}", "dates": f"更新日期：{d.year}年{d.month}月{d.day}日　生效日期：{d.year}年{d.month}月{d.day}日",
        "sections": [{"heading": h, "paragraphs": [p.sentence() + p.sentence() for _ in range(p.rng.randint(2, 4))]}
                     for h in headings]}}


PRIVACY_HEADINGS = ["引言", "一、我们如何收集和使用您的个人信息", "二、我们如何使用Cookie和同类技术",
                    "三、我们如何共享、转让、公开披露您的个人信息", "四、我们如何保存和保护您的个人信息", "五、您的权利",
                    "六、我们如何处理未成年人的个人信息", "七、本政策如何更新", "八、如何联系我们"]
AGREEMENT_HEADINGS = ["一、协议的范围", "二、账号注册与使用", "三、用户个人信息保护", "四、用户的权利和义务",
                      "五、服务的变更、中断和终止", "六、法律适用与争议解决"]


def files(p, matters, depts):
    """(relative path, bytes) of one script-built portal, shell first; matters and depts are the
    phrase lists of generate_farm.py."""
    vendor, css = _vendor(p), CSS.encode("utf-8")
    app = APP.replace("{name}", p.name, 1).encode("utf-8")
    shell = SHELL.format(name=p.name, css=_digest(css), vendor=_digest(vendor), app=_digest(app)).encode("utf-8")
    yield "robots.txt", b"User-agent: *\nAllow: /\n"
    yield "index.html", shell
    yield f"static/js/chunk-vendors.{_digest(vendor)}.js", vendor
    yield f"static/js/app.{_digest(app)}.js", app
    yield f"static/css/app.{_digest(css)}.css", css
    yield "api/site.json", _json(_site(p))
    yield "api/matters.json", _json(_matters(p, matters, depts))
    yield "api/policy/privacy.json", _json(_policy(p, "隐私政策", PRIVACY_HEADINGS))
    yield "api/policy/agreement.json", _json(_policy(p, "用户服务协议", AGREEMENT_HEADINGS))
    for path, title, date in p.articles:
        doc = {"title": title, "date": date.isoformat(), "source": p.full + "人民政府办公厅",
               "paragraphs": [p.sentence() + p.sentence() for _ in range(p.rng.randint(4, 9))]}
        yield f"api/news/{_article_id(path)}.json", _json({"code": 0, "data": doc})
