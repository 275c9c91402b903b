/* 智能客服 悬浮窗 */
(function () {
  var btn = document.createElement('div');
  btn.className = 'zhkf-float';
  btn.innerText = '智能客服';
  btn.onclick = function () { window.open('/zhkf/chat.jsp'); };
  document.body.appendChild(btn);
})();
