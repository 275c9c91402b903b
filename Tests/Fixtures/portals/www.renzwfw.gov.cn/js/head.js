// 头部公共部分（TRS WCM 生成）
function writeHead() {
  document.write('<div class="head"><img src="/images/banner.jpg" alt="壬省政务服务网">');
  document.write('<div class="sch"><input type="text" id="searchword" value="请输入关键字"><a href="javascript:doSearch()">检索</a></div></div>');
}
function doSearch() {
  var word = document.getElementById("searchword").value;
  window.open("/was5/web/search?channelid=200001&searchword=" + encodeURIComponent(word));
}
