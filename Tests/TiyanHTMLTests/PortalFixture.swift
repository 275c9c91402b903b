import TiyanHTML

/// A page written the way provincial portals are: legacy doctype, GBK meta, `<base>`, tables,
/// unclosed tags, inline and external scripts, a search form split by table markup.
enum PortalFixture {
    static let url = "https://www.example.gov.cn/portal/index.html"

    static let html = """
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
    <HTML lang=" zh-CN ">
    <HEAD>
    <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    <META NAME="Keywords" CONTENT=" 政务服务 ">
    <meta property="og:title" content="浙江政务服务网">
    <title>  浙江政务服务网
      首页 </title>
    <base href="https://www.example.gov.cn/site/">
    <link rel="Stylesheet" href="css/main.css">
    <link rel="alternate stylesheet" href="/css/elder.css" title="长辈版">
    <link rel="icon" href="/favicon.ico">
    <style>.hide{display:none}</style>
    <script src="js/jquery.min.js"></script>
    <script type="text/javascript">var a = '<a href="/x">x</a>'; if (a < 3) {}</script>
    </HEAD>
    <BODY>
    <div class="top">
      <a href="/login.html" title="用户登录">登录</a> | <a href='register.html'>注册
      <a href="../en/index.html"><img src="en.png" alt="English"></a>
      <a href="javascript:void(0)" onclick="toElder()">长辈版</a>
      <a href="#main">跳到正文</a>
      <a href="服务/办事 指南.html?q=社保">办事指南</a>
    </div>
    <table><tr><td>
    <form action="/search" method="POST" id="sf"><input type="text" name="q" value="">
    <INPUT TYPE="Hidden" name="site" value="zj">
    <select name="scope"><option value="all">全部<option value="doc" selected>文件</select>
    </td></tr></table>
    <button form="sf">搜索</button>
    <div class="news"><p>新闻<p>公告<br>通知
    <div hidden>隐藏的内容</div><span style="DISPLAY: none">也隐藏</span>
    <noscript>请开启JavaScript</noscript>
    <map><area href="/map/hz.html" alt="杭州"></map>
    </div>
    <div id="footer">主办单位：浙江省人民政府办公厅<script>document.write('<span>x</span>')</script></div>
    <script src="//cdn.example.com/stat.js?v=1"></script>
    </BODY></HTML>
    """

    static func document() -> HTMLDocument { HTMLDocument(html: html, url: url) }
}

