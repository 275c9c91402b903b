/* 单页省政务服务网 app bundle (hash router, data from /api/*.json) */
(function (V) {
  "use strict";
  var h = V.h;
  var site = null;

  function header() {
    return h("div", { "class": "top" }, [
      h("span", {}, [site.name]),
      h("span", { "class": "links" }, [
        h("a", { href: "#/elder", title: "长辈版" }, ["长辈版"]),
        h("a", { href: "http://english.spa.gov.cn/", lang: "en" }, ["English"]),
        h("a", { href: "#/login", "class": "login" }, ["登录"]),
        h("a", { href: "#/register" }, ["注册"])
      ])
    ]);
  }

  function nav() {
    return h("div", { "class": "nav" }, [
      h("a", { href: "#/" }, ["首页"]), h("a", { href: "#/personal" }, ["个人办事"]),
      h("a", { href: "#/corporate" }, ["法人办事"]), h("a", { href: "#/progress" }, ["办件查询"]),
      h("form", { action: "/search", method: "get", "class": "search" }, [
        h("input", { type: "text", name: "q", placeholder: "请输入事项名称" }, []),
        h("button", { type: "submit" }, ["搜索"])
      ])
    ]);
  }

  function footer() {
    return h("div", { "class": "footer" }, [
      h("p", {}, ["主办单位：" + site.sponsor + "　承办单位：" + site.operator]),
      h("p", {}, ["联系电话：" + site.phone + "　电子邮箱：" + site.email]),
      h("p", {}, [
        "网站标识码：" + site.siteCode + "　",
        h("a", { href: "https://beian.miit.gov.cn/", target: "_blank" }, [site.icp]),
        "　",
        h("a", { href: "https://beian.mps.gov.cn/#/query/webSearch?code=" + site.policeCode, target: "_blank" }, [site.police])
      ]),
      h("p", {}, [h("a", { href: "#/privacy" }, ["隐私政策"]), "　", h("a", { href: "#/agreement" }, ["用户服务协议"])])
    ]);
  }

  function home() {
    return h("div", { "class": "main" }, [
      h("h2", {}, ["政务要闻"]),
      h("ul", { "class": "news" }, site.news.map(function (item) {
        return h("li", {}, [h("a", { href: "#/news" }, [item.title]), " ", h("span", { "class": "date" }, [item.date])]);
      }))
    ]);
  }

  function login() {
    return h("div", { "class": "main login" }, [
      h("h2", {}, ["单页省统一身份认证平台"]),
      h("ul", { "class": "tabs" }, [
        h("li", { "class": "active", "data-pane": "pwd" }, ["账号密码登录"]),
        h("li", { "data-pane": "sms" }, ["短信验证码登录"]),
        h("li", { "data-pane": "qr" }, ["扫码登录"])
      ]),
      h("form", { "class": "pane active", id: "pwd", action: "/api/auth/login", method: "post" }, [
        h("input", { type: "text", name: "username", placeholder: "身份证号/手机号" }, []),
        h("input", { type: "password", name: "password", placeholder: "请输入密码" }, []),
        h("label", {}, [h("input", { type: "checkbox", id: "agree", name: "agree" }, []),
          "我已阅读并同意", h("a", { href: "#/agreement" }, ["《用户服务协议》"]), "和", h("a", { href: "#/privacy" }, ["《隐私政策》"])]),
        h("button", { type: "submit" }, ["登录"])
      ]),
      h("form", { "class": "pane", id: "sms" }, [
        h("input", { type: "tel", name: "mobile", placeholder: "请输入手机号码" }, []),
        h("input", { type: "text", name: "code", placeholder: "短信验证码" }, []),
        h("button", { type: "button" }, ["获取验证码"])
      ]),
      h("div", { "class": "pane", id: "qr" }, [h("img", { src: "/static/img/qr.png", alt: "扫码登录二维码" }, []),
        h("p", {}, ["请使用单页办App扫码登录"])])
    ]);
  }

  function policy(doc) {
    return h("div", { "class": "main policy" }, [h("h1", {}, [doc.title]), h("p", { "class": "date" }, [doc.dates])]
      .concat(doc.sections.map(function (section) {
        return h("div", {}, [h("h2", {}, [section.heading])].concat(section.paragraphs.map(function (p) { return h("p", {}, [p]); })));
      })));
  }

  function elder() {
    return h("div", { "class": "main elder" }, [h("h2", {}, ["长辈版"]), h("p", {}, ["社保查询　医保查询　养老金领取资格认证"])]);
  }

  function show(route) {
    var done = function (body) { V.mount("#app", h("div", {}, [header(), nav(), body, footer()])); afterMount(route); };
    if (route === "/privacy") return V.getJSON("/api/policy/privacy.json").then(function (r) { done(policy(r.data)); });
    if (route === "/agreement") return V.getJSON("/api/policy/agreement.json").then(function (r) { done(policy(r.data)); });
    if (route === "/login") return done(login());
    if (route === "/elder") return done(elder());
    done(home());
  }

  function afterMount(route) {
    if (route !== "/login") return;
    // The portal ticks the consent box for the citizen: a property, not an attribute.
    document.getElementById("agree").checked = true;
    [].forEach.call(document.querySelectorAll(".tabs li"), function (tab) {
      tab.addEventListener("click", function () {
        [].forEach.call(document.querySelectorAll(".tabs li, .pane"), function (el) { el.classList.remove("active"); });
        tab.classList.add("active");
        document.getElementById(tab.getAttribute("data-pane")).classList.add("active");
      });
    });
  }

  function route() { return (location.hash.replace(/^#/, "") || "/").split("?")[0]; }

  V.getJSON("/api/site.json").then(function (r) {
    site = r.data;
    document.title = site.name;
    show(route());
    window.addEventListener("hashchange", function () { show(route()); });
  }).catch(function (e) { console.error("站点配置加载失败", e); });
})(window.SpaVendor);
