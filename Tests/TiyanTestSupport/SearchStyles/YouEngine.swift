/// 酉省: a Vue search page. The result page is the same shell for every query; its script
/// calls a JSON API (`/api/search/list?…&keyword=`) and renders `data.records`. Title or alias
/// match, services first (no typo tolerance).
enum YouEngine {
    static let home = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>酉省政务服务网</title></head>
        <body><div class="header"><img src="/static/img/logo.png" alt="酉省政务服务网">
        <div class="search-bar"><input type="text" id="searchInput" placeholder="搜索您想办的事"><a class="search-btn" href="javascript:;" onclick="location.href='/search/index.html?keyword='+encodeURIComponent(document.getElementById('searchInput').value)">搜索</a></div></div>
        <div class="content"><a href="/bszn/gjj-tq.html">住房公积金提取</a> <a href="/bszn/jzz.html">居住证办理</a></div>
        \(SearchStyles.footer("酉省人民政府", code: "3500000001", icp: "闽ICP备05001234号"))</body></html>
        """

    static let shell = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>搜索结果 - 酉省政务服务网</title><link href="/search/css/app.3f1c2a.css" rel="stylesheet"></head>
        <body><noscript><strong>请启用 JavaScript 以正常使用本页面。</strong></noscript><div id="app"></div>
        <script src="/search/js/chunk-vendors.9b1d0e.js"></script><script src="/search/js/app.3f1c2a.js"></script></body></html>
        """

    /// The application bundle, as webpack leaves it: the list request and its rendering.
    static let bundle = """
        (window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["app"],{"56d7":function(t,e,n){"use strict";n.r(e);
        var r=n("2b0e"),o=n("bc3a"),i=n.n(o);function a(t){var e=new RegExp("(^|&)"+t+"=([^&]*)(&|$)"),n=window.location.search.substr(1).match(e);return null!=n?decodeURIComponent(n[2]):""}
        new r["a"]({el:"#app",data:function(){return{keyword:a("keyword"),pageNo:1,total:0,records:[],loading:!1}},
        mounted:function(){this.search()},methods:{search:function(){var t=this;this.loading=!0;
        i.a.get("/api/search/list?pageSize=10&pageNo=1&keyword="+encodeURIComponent(this.keyword)).then(function(e){t.loading=!1;
        t.records=e.data.data.records;t.total=e.data.data.total})}},
        template:'<div class="so-wrap"><p class="so-sum">共 {{total}} 条结果</p><ul class="so-list"><li v-for="r in records"><a :href="r.linkUrl" v-html="r.sxmc"></a><span>{{r.deptName}}</span></li></ul></div>'})}}]);
        """

    static func respond(to request: FixtureRequest, path: String) -> FixtureResponse? {
        switch path {
        case "/": return .html(home)
        case "/search/index.html": return .html(shell)
        case "/search/js/app.3f1c2a.js": return .bytes(Array(bundle.utf8), contentType: "application/javascript")
        case "/search/js/chunk-vendors.9b1d0e.js":
            return .bytes(Array("/* vue, axios */(window.webpackJsonp=window.webpackJsonp||[]).push([[\"chunk-vendors\"],{}]);".utf8),
                          contentType: "application/javascript")
        case "/api/search/list": return list(SearchFixtures.query(request, "keyword"))
        default: return nil
        }
    }

    static func list(_ q: String) -> FixtureResponse {
        let hits = SearchStyles.catalogue.enumerated().filter { SearchStyles.matches($0.element, q, aliases: true) }
            .sorted { ($0.element.isNews ? 1 : 0, $0.offset) < ($1.element.isNews ? 1 : 0, $1.offset) }.map(\.element)
        let records = hits.map { doc in
            let title = q.isEmpty ? doc.title : doc.title.replacingOccurrences(of: q, with: "<span class=\\\"hl\\\">\(q)</span>")
            return "{\"sxmc\":\"\(title)\",\"linkUrl\":\"\(doc.path)\",\"deptName\":\"\(doc.isNews ? "省政府办公厅" : "省政务服务中心")\",\"type\":\"\(doc.isNews ? "zx" : "sx")\",\"updateTime\":\"\(doc.date) 09:00:00\"}"
        }.joined(separator: ",")
        let body = "{\"code\":0,\"message\":\"操作成功\",\"data\":{\"total\":\(hits.count),\"pageNo\":1,\"pageSize\":10,\"records\":[\(records)]}}"
        return .bytes(Array(body.utf8), contentType: "application/json;charset=UTF-8")
    }
}
