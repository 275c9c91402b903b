/* 戊省政务服务网 公共头部 v2.3 —— 各子站共用 */
document.write('<span class="tools"><a href="javascript:void(0);" class="care" onclick="toggleCare()">长辈版</a>&nbsp;|&nbsp;<a href="http://english.wuzwfw.gov.cn/" target="_blank" class="lang-en">English</a></span>');
function toggleCare() { document.body.className += ' care-mode'; }
