// 坎省网上办事大厅 公共头部
function kan_header() {
  var s = '';
  s += '<div class="toplink"><a href="/">首页</a> | <a href="/jsp/hcp/index.jsp">好差评</a> | ';
  s += '<a href="/jsp/hdjl/zx.jsp">我要咨询</a> | <a href="http://tyrz.kanzwfw.gov.cn/login">登录</a></div>';
  document.write(s);
}
