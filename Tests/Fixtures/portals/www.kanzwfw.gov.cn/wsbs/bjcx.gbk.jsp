<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>办件查询</title>
</head>
<body>
<div class="tip">请先登录后查询您的办件进度。</div>
<form action="http://tyrz.kanzwfw.gov.cn/login" method="post">
  用户名：<input type="text" name="username"> 密码：<input type="password" name="password">
  <input type="submit" value="登录">
</form>
</body>
</html>
