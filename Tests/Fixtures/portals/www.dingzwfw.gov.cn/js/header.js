// 丁省政务服务网 公共头部 (2019版)
function ding_header() {
  var h = '';
  h += '<div class="topbar"><div class="w1200">';
  h += '<span class="welcome">欢迎访问丁省政务服务网！</span>';
  h += '<span class="links"><a href="/elder/index.html">长辈版</a> | ';
  h += '<a href="javascript:void(0)" onclick="aria.oldFixedStart()">关怀版</a> | ';
  h += '<a href="javascript:void(0)" onclick="aria.start()">无障碍</a> | ';
  h += '<a href="/login/index.html">登录</a> | <a href="/login/register.html">注册</a></span>';
  h += '</div></div>';
  document.write(h);
}
