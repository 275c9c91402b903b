/* 单页办 H5 (mobile web end of the provincial app) */
(function (V) {
  "use strict";
  var h = V.h;
  function tabbar() {
    return h("nav", { "class": "tabbar" }, [h("a", { href: "#/" }, ["首页"]), h("a", { href: "#/services" }, ["办事"]),
      h("a", { href: "#/login" }, ["我的"])]);
  }
  function home() {
    return h("div", { "class": "home" }, [
      h("header", {}, [h("h1", {}, ["单页办"]), h("a", { href: "#/care", "class": "care" }, ["长辈版"])]),
      h("ul", { "class": "grid" }, ["社保查询", "医保电子凭证", "公积金提取", "不动产登记", "出入境预约"].map(function (t) {
        return h("li", {}, [h("a", { href: "#/services" }, [t])]);
      })),
      h("p", { "class": "legal" }, [h("a", { href: "#/login" }, ["登录"]), "　", h("a", { href: "#/privacy" }, ["隐私政策"])])
    ]);
  }
  function login() {
    return h("div", { "class": "login" }, [
      h("h2", {}, ["登录单页办"]),
      h("input", { type: "tel", name: "mobile", placeholder: "请输入手机号" }, []),
      h("input", { type: "text", name: "smsCode", placeholder: "短信验证码" }, []),
      h("button", { type: "button" }, ["获取验证码"]),
      h("button", { type: "button", "class": "face" }, ["刷脸登录"]),
      h("label", {}, [h("input", { type: "checkbox", id: "agree" }, []), "我已阅读并同意", h("a", { href: "#/privacy" }, ["《隐私政策》"])])
    ]);
  }
  function policy(doc) {
    return h("div", { "class": "policy" }, [h("h1", {}, [doc.title]), h("p", {}, [doc.dates])].concat(doc.sections.map(function (s) {
      return h("section", {}, [h("h2", {}, [s.heading])].concat(s.paragraphs.map(function (p) { return h("p", {}, [p]); })));
    })));
  }
  function show() {
    var route = (location.hash.replace(/^#/, "") || "/");
    var put = function (body) { V.mount("#app", h("div", {}, [body, tabbar()])); };
    if (route === "/privacy") return V.getJSON("/api/privacy.json").then(function (r) { put(policy(r.data)); });
    put(route === "/login" ? login() : home());
  }
  show();
  window.addEventListener("hashchange", show);
})(window.SpaVendor);
