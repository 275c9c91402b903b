#!/usr/bin/env python3
"""Generate a farm of fake provincial government-service portals for the crawl benchmark.

    bench/generate_farm.py --portals 200 --pages 20 --out DIR [--seed 1] \
        [--targets FILE] [--manifest FILE] [--spa-portals M --render-targets FILE]

Writes one folder per host, DIR/www.p001zwfw.gov.cn/..., meant to be served by nginx with
`root DIR/$host;`. Every portal has about --pages HTML pages of 50-150 KB each (a home page,
the role pages tiyan looks for, column and article pages), a header script that
document.write()s some header links, a stylesheet and a robots.txt allowing all. About 40% of the
portals are written in real GBK bytes and declare it in <meta charset>; the rest are UTF-8.
Pages are padded to size with news tables, service lists and article text built from Chinese
phrase lists, never random bytes. The output is a pure function of the arguments (seeded).

--spa-portals M adds M script-built portals (www.s001zwfw.gov.cn ..., spa_farm.py): a shell
whose pages a bundle builds from a JSON API along hash routes. They are extra hosts, so the
classic portals and --targets stay byte for byte what they were without them; --render-targets
writes the targets of the render measurement, the classic portals with a script-built one
after every fourth (with M = portals / 4, every fifth target is script-built).

Python 3 standard library only.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import sys

import spa_farm

# code, short name, full name, ICP abbreviation, capital
PROVINCES = [
    ("11", "北京", "北京市", "京", "北京"), ("12", "天津", "天津市", "津", "天津"),
    ("13", "河北", "河北省", "冀", "石家庄"), ("14", "山西", "山西省", "晋", "太原"),
    ("15", "内蒙古", "内蒙古自治区", "蒙", "呼和浩特"), ("21", "辽宁", "辽宁省", "辽", "沈阳"),
    ("22", "吉林", "吉林省", "吉", "长春"), ("23", "黑龙江", "黑龙江省", "黑", "哈尔滨"),
    ("31", "上海", "上海市", "沪", "上海"), ("32", "江苏", "江苏省", "苏", "南京"),
    ("33", "浙江", "浙江省", "浙", "杭州"), ("34", "安徽", "安徽省", "皖", "合肥"),
    ("35", "福建", "福建省", "闽", "福州"), ("36", "江西", "江西省", "赣", "南昌"),
    ("37", "山东", "山东省", "鲁", "济南"), ("41", "河南", "河南省", "豫", "郑州"),
    ("42", "湖北", "湖北省", "鄂", "武汉"), ("43", "湖南", "湖南省", "湘", "长沙"),
    ("44", "广东", "广东省", "粤", "广州"), ("45", "广西", "广西壮族自治区", "桂", "南宁"),
    ("46", "海南", "海南省", "琼", "海口"), ("50", "重庆", "重庆市", "渝", "重庆"),
    ("51", "四川", "四川省", "蜀", "成都"), ("52", "贵州", "贵州省", "黔", "贵阳"),
    ("53", "云南", "云南省", "滇", "昆明"), ("54", "西藏", "西藏自治区", "藏", "拉萨"),
    ("61", "陕西", "陕西省", "陕", "西安"), ("62", "甘肃", "甘肃省", "甘", "兰州"),
    ("63", "青海", "青海省", "青", "西宁"), ("64", "宁夏", "宁夏回族自治区", "宁", "银川"),
    ("65", "新疆", "新疆维吾尔自治区", "新", "乌鲁木齐"),
]

PORTAL_SUFFIXES = ["政务服务网", "一体化政务服务平台", "政务服务网", "网上办事大厅", "政务服务网"]

TOPICS = [
    "优化营商环境", "“一网通办”", "“跨省通办”", "数字政府建设", "政务服务“好差评”", "企业开办",
    "不动产登记", "社会保障卡“一卡通”", "住房公积金提取", "电子证照共享应用", "工程建设项目审批制度改革",
    "个体工商户登记", "高频事项“免证办”", "老年人运用智能技术", "互联网应用适老化改造", "无障碍环境建设",
    "个人信息保护", "“高效办成一件事”", "12345政务服务便民热线", "医保异地就医直接结算", "新生儿出生“一件事”",
    "退休“一件事”", "企业信用修复", "惠企政策“免申即享”", "政务数据共享", "基层减负", "“证照分离”改革",
    "市场主体准入", "城乡居民养老保险", "灵活就业人员参保", "义务教育入学报名", "机动车驾驶证电子化",
]
DEPTS = [
    "人力资源和社会保障厅", "市场监督管理局", "公安厅", "住房和城乡建设厅", "医疗保障局", "税务局",
    "大数据发展管理局", "民政厅", "教育厅", "自然资源厅", "卫生健康委员会", "交通运输厅", "商务厅",
    "司法厅", "农业农村厅", "生态环境厅", "退役军人事务厅", "政务服务管理办公室",
]
ACTIONS = ["进一步做好", "开展", "推进", "做好", "加快推进", "深化", "全面推行", "规范", "持续优化", "组织实施"]
DOC_KINDS = ["实施方案", "工作要点", "若干措施", "管理办法", "实施细则", "行动计划", "指导意见", "服务指南"]
MATTERS = [
    "企业设立登记", "个体工商户注册登记", "食品经营许可", "建筑工程施工许可证核发", "不动产登记资料查询",
    "住房公积金提取", "社会保障卡申领", "失业保险金申领", "职工基本养老保险关系转移接续", "机动车驾驶证补领",
    "居民身份证换领", "出生医学证明办理", "婚姻登记", "医师执业注册", "药品经营许可", "道路运输经营许可",
    "排污许可", "公共场所卫生许可", "城镇老旧小区改造申报", "高龄津贴申请", "残疾人两项补贴申请",
    "异地就医备案", "生育津贴申领", "就业登记", "税务登记信息变更", "增值税发票申领",
]
SENTENCES = [
    "为深入贯彻落实党中央、国务院关于{topic}的决策部署，{action}{topic}工作，现就有关事项通知如下。",
    "各地各部门要坚持以人民为中心的发展思想，聚焦企业和群众办事的堵点难点，推动{topic}落地见效。",
    "{dept}会同有关部门对{matter}等高频事项进行了流程再造，申请材料平均压减{n}%，办理时限压缩至{d}个工作日。",
    "截至{year}年{month}月底，全省累计办理{matter}业务{big}万件，网上可办率达到{pct}%。",
    "群众可通过{site}、“{app}”移动端或各级政务服务中心窗口办理相关业务，实现“就近办、网上办、掌上办”。",
    "对符合条件的申请人，窗口工作人员应当场受理；材料不齐全的，一次性告知需要补正的全部内容。",
    "本{kind}自印发之日起施行，有效期{d}年。此前有关规定与本{kind}不一致的，以本{kind}为准。",
    "各市、县（市、区）人民政府要加强组织领导，明确责任分工，强化督促检查，确保各项任务按期完成。",
    "办理过程中如有疑问，请拨打12345政务服务便民热线咨询，或在{site}“我要咨询”栏目留言。",
    "下一步，{dept}将持续推进{topic}，加快构建线上线下融合、全省一体的政务服务体系。",
]
APPS = ["浙里办", "粤省事", "随申办", "苏服办", "皖事通", "闽政通", "赣服通", "鲁通码", "豫事办", "鄂汇办",
        "天府通办", "渝快办", "一部手机办事通", "蒙速办", "辽事通", "吉事办", "冀时办", "三晋通", "秦务员", "甘快办"]
COLUMNS = ["个人服务", "法人服务", "部门服务", "主题集成服务", "政策文件", "政务公开", "通知公告", "政策解读",
           "办事指南", "便民服务", "互动交流", "数据开放"]


_FILING_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p>{text}</p></body></html>
"""
EXTERNAL_HOSTS = {
    "beian.miit.gov.cn": {
        "robots.txt": "User-agent: *\nAllow: /\n",
        "index.html": _FILING_PAGE.format(title="ICP/IP地址/域名信息备案管理系统", text="工业和信息化部政务服务平台"),
    },
    "www.beian.gov.cn": {
        "robots.txt": "User-agent: *\nAllow: /\n",
        "index.html": _FILING_PAGE.format(title="全国互联网安全管理服务平台", text="公安机关互联网站安全管理服务平台"),
        # served for /portal/registerSystemInfo?recordcode=... (nginx ignores the query)
        "portal/registerSystemInfo": _FILING_PAGE.format(title="互联网站安全管理服务平台", text="网站备案信息查询"),
    },
}


class Portal:
    def __init__(self, index, seed, pages, spa=False):
        self.index = index
        self.spa = spa
        # The classic portals' seeds predate the script-built ones and must not change.
        self.rng = random.Random(f"tiyan-bench-spa:{seed}:{index}" if spa else f"tiyan-bench:{seed}:{index}")
        rng = self.rng
        self.id = f"s{index:03d}" if spa else f"p{index:03d}"
        self.host = f"www.{self.id}zwfw.gov.cn"
        code, short, full, abbr, capital = PROVINCES[(index - 1) % len(PROVINCES)]
        self.code, self.short, self.full, self.abbr, self.capital = code, short, full, abbr, capital
        self.region = f"{code}0000"
        self.name = short + PORTAL_SUFFIXES[(index - 1) // len(PROVINCES) % len(PORTAL_SUFFIXES)]
        # Deterministic mix: two portals in five are GBK (and those use CRLF, as old CMSes do).
        self.charset = "gbk" if index % 5 in (2, 4) and not spa else "utf-8"
        self.newline = "\r\n" if self.charset == "gbk" else "\n"
        self.meta = ('<meta charset="gbk">' if self.charset == "gbk" else '<meta charset="utf-8">')
        if self.charset == "gbk" and index % 10 == 4:
            self.meta = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">\n<meta charset=gbk>'
        self.app = APPS[(index - 1) % len(APPS)]
        self.site_code = f"{code}0000{index:04d}"
        self.icp = f"{abbr}ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 9)}"
        self.gongan = f"{code}{rng.randint(1000, 9999)}{rng.randint(1, 99999999):08d}"
        # Header links written by /js/header.js instead of the HTML (many real portals do this).
        self.js_links = rng.choice([
            ["english", "elder"], ["login", "register"], ["login", "register", "english", "elder"], [], ["elder"],
        ])
        extra = max(0, pages - 8)
        n_cols = max(1, extra // 3) if extra else 0
        n_arts = extra - n_cols
        self.columns = []
        base = rng.randint(1200000, 1299000)
        for k in range(n_cols):
            self.columns.append((f"/col/col{base + k}/index.html", COLUMNS[k % len(COLUMNS)]))
        self.articles = []
        used = set()
        for k in range(n_arts):
            date = self.date()
            col = base + (k % max(1, n_cols))
            while True:
                aid = rng.randint(100000, 999999)
                if aid not in used:
                    used.add(aid)
                    break
            path = f"/art/{date.year}/{date.month}/{date.day}/art_{col}_{aid}.html"
            self.articles.append((path, self.title(), date))
        self.links = [p for p, _ in self.columns] + [p for p, _, _ in self.articles] or ["/index.html"]

    # ----- phrase building -----
    def date(self):
        start = datetime.date(2021, 1, 1).toordinal()
        return datetime.date.fromordinal(start + self.rng.randint(0, 1780))

    def fmt_date(self, d):
        style = self.rng.random()
        if style < 0.5:
            return d.isoformat()
        if style < 0.7:
            return f"[{d.isoformat()}]"
        if style < 0.85:
            return f"{d.year}/{d.month}/{d.day}"
        if style < 0.95:
            return f"{d.year}年{d.month}月{d.day}日"
        return d.strftime("%m-%d")

    def title(self):
        r = self.rng
        t = r.randrange(7)
        topic, dept = r.choice(TOPICS), r.choice(DEPTS)
        if t == 0:
            return f"关于印发《{self.full}{topic.replace('“', '').replace('”', '')}{r.choice(DOC_KINDS)}》的通知"
        if t == 1:
            return f"{self.full}{dept}关于{r.choice(ACTIONS)}{topic}的公告"
        if t == 2:
            return f"{self.capital}：{topic}改革再提速 企业群众办事更便捷"
        if t == 3:
            return f"{r.randint(2021, 2025)}年{self.full}{topic}工作要点"
        if t == 4:
            return f"图解：一图读懂{topic}政策"
        if t == 5:
            return f"【{r.choice(MATTERS)}】办事指南（{r.randint(2022, 2025)}年版）"
        return f"{self.full}{dept}{r.choice(ACTIONS)}{r.choice(MATTERS)}“一件事”集成改革"

    def sentence(self):
        r = self.rng
        return r.choice(SENTENCES).format(
            topic=r.choice(TOPICS), action=r.choice(ACTIONS), dept=self.full + r.choice(DEPTS),
            matter=r.choice(MATTERS), n=r.randint(20, 70), d=r.randint(1, 20), year=r.randint(2021, 2025),
            month=r.randint(1, 12), big=r.randint(10, 9999), pct=r.randint(85, 99), site=self.name,
            app=self.app, kind=r.choice(DOC_KINDS))

    def link(self):
        return self.rng.choice(self.links)

    # ----- padding blocks: realistic repeated list/table markup -----
    def block_news_table(self):
        r = self.rng
        rows = [f'<!-- 信息列表 开始 -->\n<table width="100%" border="0" cellspacing="0" cellpadding="0" class="xxgk_list">']
        for _ in range(r.randint(15, 30)):
            t = self.title()
            if r.random() < 0.15:
                rows.append(f'<TR><TD class=bt><img src="/images/dot.gif" width=3 height=3> <a href="{self.link()}" target=_blank title="{t}">{t}</a><font color=red>NEW</font></TD><TD class=rq align=right>{self.fmt_date(self.date())}</TD></TR>')
            elif r.random() < 0.3:
                rows.append(f'<tr><td class="bt"><a href="{self.link()}" target="_blank" title="{t}">{t}</a><td class="rq">{self.fmt_date(self.date())}')
            else:
                rows.append(f'<tr>\n  <td class="bt"><a href="{self.link()}" target="_blank" title="{t}">{t}</a></td>\n  <td class="rq" width="90">{self.fmt_date(self.date())}</td>\n</tr>')
        rows.append('</table>\n<!-- 信息列表 结束 -->')
        return "\n".join(rows)

    def block_news_list(self):
        r = self.rng
        col = r.choice(COLUMNS)
        out = [f'<div class="panel"><div class="panel-hd"><span class="tit">{col}</span><a class="more" href="{self.link()}">更多&gt;&gt;</a></div>',
               '<div class="panel-bd"><ul class="news-list">']
        for _ in range(r.randint(10, 20)):
            t = self.title()
            close = "</li>" if r.random() < 0.8 else ""
            out.append(f'<li><span class="date">{self.fmt_date(self.date())}</span><a href="{self.link()}" title="{t}" target="_blank">{t}</a>{close}')
        out.append("</ul></div></div>")
        return "\n".join(out)

    def block_matters(self):
        r = self.rng
        out = ['<table class="bszn-table" width="100%" border="1" cellspacing="0" bordercolor="#dddddd">',
               '<tr><th>序号</th><th>事项名称</th><th>实施主体</th><th>承诺时限</th><th>收费标准</th><th>办理</th></tr>']
        for n in range(1, r.randint(12, 25)):
            m = r.choice(MATTERS)
            fee = "不收费" if r.random() < 0.85 else f"{r.randint(5, 200)}元/件"
            out.append(f'<tr class="{"odd" if n % 2 else "even"}"><td align=center>{n}</td><td class="sxmc">{m}</td>'
                       f'<td>{self.full}{r.choice(DEPTS)}</td><td>{r.randint(1, 20)}个工作日</td>'
                       f'<td>{fee}</td><td><a href="{self.link()}" target="_blank">办事指南</a>&nbsp;<a href="{self.link()}" class="btn-bl">在线办理</a></td></tr>')
        out.append("</table>")
        return "\n".join(out)

    def block_text(self):
        r = self.rng
        out = ['<div class="TRS_Editor"><div class="Custom_UnionStyle">']
        for _ in range(r.randint(4, 9)):
            style = r.choice(['<p style="text-indent:2em;line-height:2">', "<p>", '<P align=justify style="TEXT-INDENT: 2em">', '<p class="MsoNormal">'])
            para = "".join(self.sentence() for _ in range(r.randint(2, 5)))
            if r.random() < 0.2:
                para = f"<strong>{r.choice(['一、', '二、', '三、', '（一）', '（二）'])}{r.choice(TOPICS)}</strong><br>" + para
            out.append(style + para + ("</p>" if r.random() < 0.85 else ""))
        out.append("</div></div>")
        return "\n".join(out)

    def block_depts(self):
        r = self.rng
        out = ['<div class="dept-grid"><h3>部门服务</h3><ul>']
        for d in r.sample(DEPTS, k=min(len(DEPTS), r.randint(10, 18))):
            out.append(f'<li><a href="{self.link()}" title="{self.full}{d}">{d}</a></li>')
        out.append("</ul></div>")
        return "\n".join(out)

    def padding(self, kinds):
        return getattr(self, "block_" + self.rng.choice(kinds))()

    # ----- page parts -----
    def head(self, title, extra=""):
        r = self.rng
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{self.meta}
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="renderer" content="webkit">
<title>{title}</title>
<meta name="SiteName" content="{self.name}">
<meta name="SiteDomain" content="{self.host}">
<meta name="SiteIDCode" content="{self.site_code}">
<meta name="keywords" content="{self.name},政务服务,一网通办,办事指南,{r.choice(TOPICS).replace('“', '').replace('”', '')}">
<meta name="description" content="{self.name}是{self.full}人民政府统一建设的一体化在线政务服务平台。">
<link rel="stylesheet" type="text/css" href="/css/style.css">
<link rel="shortcut icon" href="/favicon.ico">
<script type="text/javascript" src="/js/common.js"></script>
{extra}</head>
"""

    def header(self, body_class=""):
        hrefs = {"login": ("/login.html", "登录", "login"), "register": ("/register.html", "注册", "reg"),
                 "english": ("/en/index.html", "English", "en"), "elder": ("/elder/index.html", "长辈版", "elder")}
        inline = " ".join(f'<a href="{h}" class="{c}">{t}</a>' for k, (h, t, c) in hrefs.items() if k not in self.js_links)
        cls = f' class="{body_class}"' if body_class else ""
        return f"""<body{cls}>
<div class="top-bar"><div class="w1200 clearfix">
  <span class="welcome">您好，欢迎来到{self.name}！今天是<script>document.write(new Date().toLocaleDateString());</script></span>
  <div class="top-links fr">
    {inline}
    <script type="text/javascript" src="/js/header.js"></script>
    <a href="javascript:void(0);" id="wza" onclick="aria.start()">无障碍浏览</a>
    <a href="/privacy.html" target="_blank">隐私政策</a><a href="/agreement.html" target="_blank">用户协议</a>
  </div>
</div></div>
<div class="header"><div class="w1200">
  <a href="/" class="logo"><img src="/images/logo.png" alt="{self.name}" width="420" height="70"></a>
  <form name="searchform" action="/search.html" method="get" class="search-box" target="_blank">
    <input type="text" name="q" id="q" class="ipt" placeholder="请输入事项名称、关键词">
    <input type="submit" value="搜索" class="btn">
  </form>
  <div class="hot">热门搜索：<a href="/search.html?q=%E5%85%AC%E7%A7%AF%E9%87%91">公积金</a> <a href="/search.html?q=%E7%A4%BE%E4%BF%9D">社保</a> <a href="/search.html?q=%E4%B8%8D%E5%8A%A8%E4%BA%A7">不动产</a></div>
</div></div>
<div class="nav"><ul class="w1200">
  <li class="on"><a href="/">首页</a></li>
""" + "\n".join(f'  <li><a href="{p}">{t}</a></li>' for p, t in self.columns) + "\n</ul></div>\n"

    def footer(self):
        return f"""<div class="footer">
<div class="w1200">
<p class="flinks"><a href="/privacy.html">隐私政策</a> | <a href="/agreement.html">用户协议</a> | <a href="javascript:;">网站地图</a> | <a href="javascript:;">联系我们</a> | <a href="javascript:;">使用帮助</a></p>
<p>主办单位：{self.full}人民政府办公厅&nbsp;&nbsp;承办单位：{self.full}{DEPTS[self.index % len(DEPTS)]}&nbsp;&nbsp;技术支持：{self.short}数字政府建设运营中心</p>
<p><span>网站标识码：{self.site_code}</span>&nbsp;&nbsp;<a href="http://beian.miit.gov.cn/" target="_blank">{self.icp}</a>&nbsp;&nbsp;<a target="_blank" href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={self.gongan}"><img src="/images/ga.png" alt="">{self.abbr}公网安备 {self.gongan}号</a></p>
<p>建议使用1366×768以上分辨率浏览本网站 服务热线：12345</p>
<div class="dzjg"><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script><a href="javascript:;"><img src="/images/red.png" alt="党政机关" width="46" height="56"></a></div>
</div>
</div>
</body>
</html>
"""

    def render(self, parts, target_size, kinds, tail=""):
        """Encode parts, then padding blocks until the page reaches target_size bytes, then tail."""
        enc = self.encode
        chunks = [enc(p) for p in parts]
        tail_b = enc(tail + self.footer())
        size = sum(map(len, chunks)) + len(tail_b)
        while size < target_size:
            b = enc(self.padding(kinds) + "\n")
            chunks.append(b)
            size += len(b)
        chunks.append(tail_b)
        return b"".join(chunks)

    def encode(self, text):
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return text.encode(self.charset, errors="xmlcharrefreplace")

    def size(self, lo=50, hi=150):
        return self.rng.randint(lo * 1024, hi * 1024)

    # ----- pages -----
    def home(self):
        r = self.rng
        slides = "\n".join(f'<li><a href="{p}"><img src="/images/banner{k}.jpg" alt="{t}"><p>{t}</p></a></li>'
                           for k, (p, t, _) in enumerate(self.articles[:4], 1))
        services = "\n".join(f'<a href="{self.link()}" class="svc"><i class="ico ico{k}"></i><span>{m}</span></a>'
                             for k, m in enumerate(r.sample(MATTERS, 12), 1))
        articles = "\n".join(f'<li><a href="{p}" target="_blank" title="{t}">{t}</a><span>{d.isoformat()}</span></li>'
                             for p, t, d in self.articles)
        body = f"""<div class="main w1200">
<div class="banner"><ul class="slides">
{slides}
</ul></div>
<div class="svc-box"><h2>热门服务</h2>
{services}
</div>
<div class="news-box"><div class="tab-hd"><span class="on">通知公告</span><span>政策解读</span><span>工作动态</span></div>
<ul class="news-list">
{articles}
</ul></div>
"""
        return self.render([self.head(self.name), self.header("index"), body], self.size(80, 150),
                           ["news_table", "news_list", "matters", "depts", "news_list"], "</div>\n")

    def simple(self, title, content, kinds, body_class="", extra_head="", lo=50, hi=150):
        return self.render([self.head(f"{title}-{self.name}", extra_head), self.header(body_class),
                            f'<div class="main w1200">\n<div class="crumb">当前位置：<a href="/">首页</a> &gt; {title}</div>\n', content],
                           self.size(lo, hi), kinds, "</div>\n")

    def login(self):
        content = f"""<div class="login-box">
<ul class="login-tab"><li class="on">个人登录</li><li>法人登录</li></ul>
<form id="loginForm" action="/login.html" method="post" autocomplete="off">
<div class="row"><label for="username">账号</label><input type="text" id="username" name="username" placeholder="请输入身份证号/手机号/用户名"></div>
<div class="row"><label for="password">密码</label><input type="password" id="password" name="password" placeholder="请输入密码"></div>
<div class="row"><label for="yzm">验证码</label><input type="text" id="yzm" name="yzm" maxlength="4"><img src="/captcha.jpg" alt="验证码" onclick="this.src='/captcha.jpg?'+Math.random()"></div>
<div class="row"><input type="checkbox" id="agree" name="agree"><label for="agree">我已阅读并同意<a href="/agreement.html" target="_blank">《用户服务协议》</a>和<a href="/privacy.html" target="_blank">《隐私政策》</a></label></div>
<input type="submit" value="登 录" class="btn-login">
<p class="links"><a href="/register.html">立即注册</a> | <a href="javascript:;">忘记密码</a></p>
</form>
<div class="qr-login"><img src="/images/qrcode.png" alt="扫码登录"><p>请使用“{self.app}”或支付宝、微信扫码登录</p></div>
<div class="other-login">其他登录方式：<a href="javascript:;">电子营业执照登录</a> <a href="javascript:;">CA证书登录</a> <a href="javascript:;">短信验证码登录</a></div>
</div>
"""
        return self.simple("用户登录", content, ["text", "matters"], "login")

    def register(self):
        content = """<div class="reg-box"><h2>个人用户注册</h2>
<form action="/register.html" method="post">
<table class="form-table">
<tr><th><span class="red">*</span>姓名：</th><td><input type="text" name="name" title="姓名"></td></tr>
<tr><th><span class="red">*</span>证件类型：</th><td><select name="zjlx"><option>居民身份证</option><option>港澳居民来往内地通行证</option><option>台湾居民来往大陆通行证</option><option>护照</option></select></td></tr>
<tr><th><span class="red">*</span>证件号码：</th><td><input type="text" name="zjhm" title="证件号码"></td></tr>
<tr><th><span class="red">*</span>手机号码：</th><td><input type="text" name="mobile"><input type="button" value="获取验证码"></td></tr>
<tr><th><span class="red">*</span>设置密码：</th><td><input type="password" name="pwd"><p class="tip">密码由8-20位字母、数字和特殊字符组成</p></td></tr>
<tr><td colspan="2"><input type="checkbox" name="agree" id="agree"> 我已阅读并同意<a href="/agreement.html">《用户协议》</a>和<a href="/privacy.html">《隐私政策》</a></td></tr>
</table>
<input type="submit" value="注册" class="btn"></form></div>
"""
        return self.simple("用户注册", content, ["text", "matters"], "reg")

    def privacy(self):
        d = self.date()
        body = [
            f"<h1>{self.name}隐私政策</h1>",
            f'<p class="update">更新日期：{d.year}年{d.month}月{d.day}日&nbsp;&nbsp;生效日期：{d.year}年{d.month}月{d.day}日</p>',
            f"<p>{self.name}（以下简称“本平台”）由{self.full}{DEPTS[6]}负责建设和运营维护。我们深知个人信息对您的重要性，将按照法律法规要求，采取相应安全保护措施，尽力保护您的个人信息安全可控。</p>",
            "<h3>一、我们如何收集和使用您的个人信息</h3><p>为向您提供统一身份认证、事项办理、进度查询和评价服务，我们会收集您的姓名、证件类型及号码、手机号码、办事材料等信息。</p>",
            "<p>其中，身份证件号码、人脸识别特征等属于敏感个人信息，我们仅在办理依法需要实名核验的事项时处理，并单独征得您的同意。</p>",
            "<h3>二、我们如何共享、转让、公开披露您的个人信息</h3><p>除法律法规另有规定或为办理您申请的事项所必需外，我们不会向任何第三方共享、转让或公开披露您的个人信息。</p>",
            "<h3>三、我们如何保存和保护您的个人信息</h3><p>我们仅在实现本政策所述目的所必需的最短期限内保存您的个人信息，法律、行政法规另有规定的除外。我们采用数据加密传输、访问控制、安全审计等安全技术措施保护您的个人信息。</p>",
            "<h3>四、您的权利</h3><p>您有权查阅、复制、更正、删除您的个人信息，撤回授权同意，注销账号。您可以在“个人中心”中行使上述权利。</p>",
            "<h3>五、我们如何处理未成年人的个人信息</h3><p>若您是不满十四周岁的未成年人，应在父母或其他监护人的陪同下阅读本政策，并在取得监护人同意后使用本平台服务。</p>",
            f"<h3>六、如何联系我们</h3><p>如您对本政策有任何疑问，可拨打12345热线或发送邮件至 service@{self.host[4:]} 与我们联系，我们将在15个工作日内答复。</p>",
            "<p>如您对我们的答复不满意，可以向网信、公安、市场监管等有关部门投诉举报。</p>",
            "<h3>七、本政策的更新</h3><p>本政策更新后，我们将在本平台显著位置公布，并以弹窗等方式提醒您。</p>",
        ]
        return self.simple("隐私政策", "\n".join(body) + "\n", ["text", "news_list"], "privacy")

    def agreement(self):
        clauses = "\n".join(f"<p>第{n}条 {self.sentence()}{self.sentence()}</p>" for n in range(1, 16))
        content = f"<h1>{self.name}用户服务协议</h1>\n<p>欢迎您使用{self.name}！请您在注册前仔细阅读本协议。</p>\n{clauses}\n"
        return self.simple("用户协议", content, ["text", "news_list"], "agreement")

    def english(self):
        content = f"""<h1>Welcome to {self.short} Government Online-Offline Services</h1>
<p>{self.full} Government Service Platform provides one-stop online services for individuals and enterprises.</p>
<ul class="en-list">
<li><a href="/en/index.html">Starting a Business</a></li><li><a href="/en/index.html">Work Permits for Foreigners</a></li>
<li><a href="/en/index.html">Residence Permits</a></li><li><a href="/en/index.html">Social Insurance</a></li>
<li><a href="/en/index.html">Tax Services</a></li><li><a href="/en/index.html">Customs Clearance</a></li>
</ul>
<p><a href="/">中文版</a></p>
"""
        return self.simple("English", content, ["news_list", "matters"], "en", '<meta name="language" content="en">\n')

    def elder(self):
        content = f"""<div class="elder-mode" style="font-size:24px;line-height:1.8">
<h1>长辈版</h1><p><a href="/">返回标准版</a></p>
<ul class="big-svc">""" + "".join(f'<li><a href="{self.link()}">{m}</a></li>' for m in self.rng.sample(MATTERS, 10)) + "</ul></div>\n"
        return self.simple("长辈版", content, ["news_list", "matters"], "elder", '<link rel="stylesheet" href="/css/style.css?elder=1">\n')

    def search(self):
        items = "\n".join(f'<li><a href="{self.link()}" target="_blank">{m}</a><p class="summary">{self.sentence()}</p><span class="url">{self.host}</span></li>'
                          for m in self.rng.sample(MATTERS, 10))
        content = f'<div class="search-result"><p>找到相关结果约{self.rng.randint(100, 9999)}条</p>\n<ul class="result">\n{items}\n</ul>\n<div class="page"><a href="javascript:;">下一页</a></div></div>\n'
        return self.simple("搜索结果", content, ["news_list", "news_table"], "search")

    def column(self, title):
        return self.simple(title, f'<div class="col-list"><h2>{title}</h2>\n{self.block_news_table()}\n</div>\n',
                           ["news_table", "news_list"], "col")

    def article(self, title, date):
        content = f"""<div class="article"><h1 class="title">{title}</h1>
<div class="info">发布时间：{date.isoformat()} {self.rng.randint(8, 18):02d}:{self.rng.randint(0, 59):02d}&nbsp;&nbsp;来源：{self.full}{self.rng.choice(DEPTS)}&nbsp;&nbsp;浏览次数：<script>document.write(Math.floor(Math.random()*9999));</script>&nbsp;&nbsp;字体：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</div>
{self.block_text()}
"""
        return self.simple(title, content, ["text", "news_list"], "art")

    def header_js(self):
        hrefs = {"login": ("/login.html", "登录"), "register": ("/register.html", "注册"),
                 "english": ("/en/index.html", "English"), "elder": ("/elder/index.html", "长辈版")}
        lines = ["/* 公共头部 */", "(function(){", "  var h = [];"]
        for k in self.js_links:
            h, t = hrefs[k]
            lines.append(f"  h.push('<a href=\"{h}\" class=\"{k}\">{t}</a>');")
        lines += ["  h.push('<a href=\"javascript:;\" class=\"wx\">微信公众号</a>');",
                  "  document.write(h.join(' '));", "})();",
                  "function setHome(obj, url){ try { obj.style.behavior='url(#default#homepage)'; obj.setHomePage(url); } catch(e) { alert('请手动设置首页'); } }",
                  "function addFavorite(){ var t = document.title; try { window.external.addFavorite(location.href, t); } catch(e) { alert('请使用Ctrl+D收藏本站'); } }"]
        return self.encode("\n".join(lines) + "\n")

    def common_js(self):
        out = ["var aria = { start: function(){ var s = document.createElement('script'); s.src = '/js/aria.js'; document.body.appendChild(s); } };",
               "function doZoom(size){ var el = document.getElementById('zoom'); if (el) { el.style.fontSize = size + 'px'; } }"]
        for n in range(self.rng.randint(20, 60)):
            out.append(f"function tab{n}(i){{ var hd = document.querySelectorAll('.tab-hd span'), bd = document.querySelectorAll('.tab-bd ul'); "
                       f"for (var k = 0; k < hd.length; k++) {{ hd[k].className = k === i ? 'on' : ''; if (bd[k]) bd[k].style.display = k === i ? 'block' : 'none'; }} }}")
        return self.encode("\n".join(out) + "\n")

    def css(self):
        r = self.rng
        out = ["@charset \"utf-8\";", "body,div,ul,li,p,h1,h2,h3,form,input,table,td,th{margin:0;padding:0}",
               "body{font:12px/1.5 \"Microsoft YaHei\",\"SimSun\",Arial;color:#333;background:#fff}",
               ".w1200{width:1200px;margin:0 auto}.fr{float:right}.clearfix:after{content:'';display:block;clear:both}",
               "body.elder{font-size:20px}body.elder .nav a{font-size:24px}"]
        for n in range(r.randint(150, 400)):
            sel = r.choice([".news-list li", ".panel-hd", ".bszn-table td", ".xxgk_list .bt", ".svc", ".footer p", ".nav li", ".top-links a"])
            out.append(f"{sel}.s{n},.m{n} .c{n}{{height:{r.randint(20, 60)}px;line-height:{r.randint(20, 60)}px;color:#{r.randint(0, 0xffffff):06x};"
                       f"border-bottom:1px dashed #{r.randint(0, 0xffffff):06x};padding:0 {r.randint(0, 20)}px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}}")
        return ("\n".join(out) + "\n").encode("utf-8")

    def files(self):
        if self.spa:
            yield from spa_farm.files(self, MATTERS, DEPTS)
            return
        yield "robots.txt", b"User-agent: *\nAllow: /\n"
        yield "index.html", self.home()
        yield "login.html", self.login()
        yield "register.html", self.register()
        yield "privacy.html", self.privacy()
        yield "agreement.html", self.agreement()
        yield "en/index.html", self.english()
        yield "elder/index.html", self.elder()
        yield "search.html", self.search()
        for path, title in self.columns:
            yield path.lstrip("/"), self.column(title)
        for path, title, date in self.articles:
            yield path.lstrip("/"), self.article(title, date)
        yield "js/header.js", self.header_js()
        yield "js/common.js", self.common_js()
        yield "css/style.css", self.css()


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def write_portal(p, out):
    """Writes one portal's folder; returns its manifest entry and its HTML file count and bytes."""
    root = os.path.join(out, p.host)
    if os.path.isdir(root):
        shutil.rmtree(root)
    entry = {"id": p.id, "host": p.host, "name": p.name, "region": p.region, "charset": p.charset,
             "kind": "spa" if p.spa else "classic", "js_links": [] if p.spa else p.js_links, "files": 0, "bytes": 0}
    html_files = html_bytes = 0
    for rel, data in p.files():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        entry["files"] += 1
        entry["bytes"] += len(data)
        if rel.endswith(".html"):
            html_files += 1
            html_bytes += len(data)
    return entry, html_files, html_bytes


def write_targets(path, entries):
    lines = ["# Generated by bench/generate_farm.py: fake portals served on loopback.", "version: 1",
             "defaults:", "  max_pages: 40", "targets:"]
    for e in entries:
        lines += [f"  - id: {e['id']}", f"    name: {yaml_str(e['name'])}", f"    region: \"{e['region']}\"",
                  "    kind: portal", f"    url: http://{e['host']}/"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--portals", type=int, default=200)
    ap.add_argument("--pages", type=int, default=20, help="HTML pages per portal (at least 8 role pages)")
    ap.add_argument("--out", required=True, help="farm root: one folder per host name")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--targets", help="also write a targets.yaml for the farm here")
    ap.add_argument("--manifest", help="also write a JSON manifest (hosts, charsets, files, bytes) here")
    ap.add_argument("--spa-portals", type=int, default=0, help="script-built portals added to the farm (0-999)")
    ap.add_argument("--render-targets", help="also write the targets of the render measurement here")
    args = ap.parse_args()
    if args.portals < 1 or args.portals > 999:
        ap.error("--portals must be between 1 and 999")
    if args.spa_portals < 0 or args.spa_portals > 999:
        ap.error("--spa-portals must be between 0 and 999")

    os.makedirs(args.out, exist_ok=True)
    manifest = {"seed": args.seed, "farm": os.path.abspath(args.out), "pages": args.pages, "portals": [], "files": 0, "bytes": 0, "html_files": 0, "html_bytes": 0}
    for i in range(1, args.portals + 1):
        entry, html_files, html_bytes = write_portal(Portal(i, args.seed, args.pages), args.out)
        manifest["portals"].append(entry)
        manifest["files"] += entry["files"]
        manifest["bytes"] += entry["bytes"]
        manifest["html_files"] += html_files
        manifest["html_bytes"] += html_bytes
    # Kept apart from the totals above, which describe the farm of the crawl rounds.
    manifest["spa_portals"] = [write_portal(Portal(i, args.seed, args.pages, spa=True), args.out)[0]
                               for i in range(1, args.spa_portals + 1)]

    # The two filing sites every footer links to are served too (HTTP only, like the farm), so
    # that tiyan's link checks and robots.txt fetches on them succeed instead of failing on TLS.
    for host, files in EXTERNAL_HOSTS.items():
        for rel, text in files.items():
            path = os.path.join(args.out, host, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(text.encode("utf-8"))
    manifest["extra_hosts"] = sorted(EXTERNAL_HOSTS)

    if args.targets:
        write_targets(args.targets, manifest["portals"])
    if args.render_targets:
        classic, spa = manifest["portals"], manifest["spa_portals"]
        mixed = []
        for k, e in enumerate(classic):
            mixed.append(e)
            if k % 4 == 3 and k // 4 < len(spa):
                mixed.append(spa[k // 4])
        write_targets(args.render_targets, mixed + spa[len(classic) // 4:])
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=1)
    spa = manifest["spa_portals"]
    print(f"farm: {args.portals} portals, {manifest['html_files']} HTML pages "
          f"({manifest['html_bytes'] / 1e6:.1f} MB), {manifest['files']} files ({manifest['bytes'] / 1e6:.1f} MB) in {args.out}"
          + (f"; {len(spa)} script-built portals ({sum(e['bytes'] for e in spa) / 1e6:.1f} MB)" if spa else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
