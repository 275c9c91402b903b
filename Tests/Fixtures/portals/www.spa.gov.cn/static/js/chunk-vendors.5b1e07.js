/*! spa-vendor 2.3.1 | a tiny view helper bundled by the portal's build (not a public library) */
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
  function mount(selector, node) { document.querySelector(selector).innerHTML = node.html; }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status + " " + url);
      return r.json();
    });
  }
  global.SpaVendor = { h: h, mount: mount, getJSON: getJSON, version: "2.3.1" };
})(window);
