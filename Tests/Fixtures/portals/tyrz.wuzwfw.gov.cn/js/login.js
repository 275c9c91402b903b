$(function () {
  $('.way').on('click', function () {
    var pane = $(this).data('pane');
    $('.way').removeClass('on'); $(this).addClass('on');
    $('.pane').hide(); $('#pane-' + pane).show();
    if (pane === 'qr') { refreshQrcode(); }
  });
});
function refreshQrcode() { $('#qrcodeImg').attr('src', '/auth/qrcode?t=' + new Date().getTime()); }
function caLogin() { alert('未检测到证书，请插入UKey'); }
