/* 单页办 mini-program web-view page: content comes from the services API */
(function (V) {
  "use strict";
  var h = V.h;
  V.getJSON("/api/services.json").then(function (r) {
    V.mount("#app", h("div", { "class": "mp" }, [
      h("h1", {}, ["单页办"]),
      h("a", { href: "#/care", "class": "care" }, ["长辈版"]),
      h("ul", {}, r.data.map(function (s) { return h("li", {}, [h("a", { href: "#/service/" + s.id }, [s.name])]); })),
      h("div", { "class": "login" }, [h("button", { type: "button" }, ["微信授权登录"]), h("button", { type: "button" }, ["手机号快捷登录"])])
    ]));
  });
})(window.SpaVendor);
