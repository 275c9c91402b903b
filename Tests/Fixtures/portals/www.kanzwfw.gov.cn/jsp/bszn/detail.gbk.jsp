<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>坎省网上办事大厅-办事指南</title>
</head>
<body>
<table width="960" border="0" cellspacing="1" cellpadding="4" bgcolor="#cccccc" class="bszn">
  <tr bgcolor="#ffffff"><td colspan="2" class="title">住房公积金提取办事指南</td></tr>
  <tr bgcolor="#ffffff"><td width="150" class="tit">事项名称：</td><td class="con">住房公积金提取</td></tr>
  <tr bgcolor="#ffffff"><td class="tit">受理条件：</td><td class="con">购买、建造、翻建、大修自住住房的；离休、退休的。</td></tr>
  <tr bgcolor="#ffffff"><td class="tit">申请材料：</td><td class="con">身份证原件；提取申请书。</td></tr>
  <tr bgcolor="#ffffff"><td class="tit">办理时限：</td><td class="con"></td></tr>
  <tr bgcolor="#ffffff"><td class="tit">收费标准：</td><td class="con">不收费</td></tr>
  <tr bgcolor="#ffffff"><td class="tit">办理地点：</td><td class="con">坎省住房公积金管理中心</td></tr>
  <tr bgcolor="#ffffff"><td class="tit">咨询电话：</td><td class="con">0791-12329</td></tr>
</table>
</body>
</html>
