// 丙省政务服务网 顶部工具条（由前端构建生成）
function renderTopbar(el) {
  var links = [
    '<a class="tb-login" href="/user/login.html">登录</a>',
    '<a class="tb-care" href="javascript:;" onclick="aria.oldFixedStart()">关怀版</a>'
  ];
  el.innerHTML = '<div class="tb-inner">' + links.join('<span class="sep">|</span>') + '</div>';
}
