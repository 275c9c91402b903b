/* 在线翻译组件：调用第三方机器翻译接口，将当前页面翻译为英文 */
var fanyi = { open: function () { var s = document.createElement('script'); s.src = 'https://fanyi.example.com/widget.js?to=en'; document.body.appendChild(s); } };
