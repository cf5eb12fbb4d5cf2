#!/usr/bin/env python3
"""Writes tests/data/web/: web pages that wrap known texts in the furniture of real site templates.

Each page ``NAME.html`` wraps a text the project already ships (the 公文 of
``tests/data/official/written/`` and the reference bulletin of ``python/gongwen/data/sample/``)
in the navigation, breadcrumbs, metadata table, toolbars, share buttons, related links and footer
of one of five site templates, in the encoding of such sites:

- ``province_gbk``: a provincial government site, GBK, charset in ``http-equiv`` Content-Type;
  the gov.cn-style metadata table (label cell + value cell), the article in ``div.TRS_Editor``.
- ``county_zugong_gb2312``: a county 组织部 (组工网) site labelled gb2312 but holding GBK, a
  layout table (menu column + content column), the headline outside the content block,
  ``&nbsp;`` indentation, a 发布时间/来源/浏览次数 line, 上一篇/下一篇.
- ``ministry_utf8_bom``: a ministry site, UTF-8 with a BOM and no charset tag, HTML5 sections,
  the metadata as a ``<ul><li>`` list of "label：value", a data table.
- ``news_late_meta``: a news portal, UTF-8 declared by a ``<meta charset>`` after 2 KB of style
  in the head, 责任编辑, 相关新闻 and a hot-list sidebar.
- ``old_nocharset_gbk``: an old page without any charset, GBK, lines separated by ``<br>``.

``NAME.txt`` is the truth: the main text a reader sees (the headline, then the wrapped lines),
UTF-8, one line per paragraph. ``expected.json`` gives each page's encoding and metadata.
Deterministic; run ``python3 tests/data/make_web_fixtures.py`` from anywhere.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "web"
WRITTEN = ROOT / "tests" / "data" / "official" / "written"
SAMPLE = ROOT / "python" / "gongwen" / "data" / "sample"

NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进安徽", "专题专栏"]
SCRIPT = "<script>var _hmt = _hmt || []; function fontZoom(n){document.getElementById('zoom').style.fontSize=n+'px';}</script>"
STYLE = "<style>" + "body{margin:0;padding:0;font:12px/1.5 '宋体';}" * 60 + "</style>"


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def nav_list(cls: str) -> str:
    return (
        f'<ul class="{cls}">'
        + "".join(f'<li><a href="/{i}/">{w}</a></li>' for i, w in enumerate(NAV))
        + "</ul>"
    )


def footer(site: str, icp: str) -> str:
    return (
        '<div class="footer"><p><a href="/map">网站地图</a> | <a href="/contact">联系我们</a> | '
        f'<a href="/about">网站声明</a></p><p>主办单位：{site} &nbsp; 网站标识码：3400000001</p>'
        f"<p>版权所有：{site} {icp} 皖公网安备 34010402000001号</p></div>"
    )


def province(title: str, body: list[str], meta: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{esc(line)}</p>\n" for line in body)
    table = (
        '<div class="xxgk_table"><table class="bd1"><tbody>'
        f"<tr><td><b>索 引 号：</b></td><td>{meta['index_number']}</td>"
        f"<td><b>主题分类：</b></td><td>{meta['topic']}</td></tr>"
        f"<tr><td><b>发文机关：</b></td><td>{meta['issuer']}</td>"
        f"<td><b>成文日期：</b></td><td>{meta['written_date']}</td></tr>"
        f'<tr><td><b>标　　题：</b></td><td colspan="3">{esc(title)}</td></tr>'
        f"<tr><td><b>发文字号：</b></td><td>{meta['doc_number']}</td>"
        f"<td><b>发布日期：</b></td><td>{meta['published_date']}</td></tr>"
        "</tbody></table></div>"
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n<html><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'
        f"<title>{esc(title)}_安徽省人民政府</title>"
        f'<meta name="ArticleTitle" content="{esc(title)}">'
        f'<meta name="PubDate" content="{meta["published_date"]}">'
        '<meta name="ContentSource" content="安徽省人力资源和社会保障厅">'
        f"{SCRIPT}</head><body>"
        f'<div class="header"><div class="logo"><a href="/">安徽省人民政府</a></div>{nav_list("nav")}</div>'
        '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 文件</div>'
        f"{table}"
        '<div class="wzy_tools">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】'
        ' <a href="#" onclick="window.print()">打印本页</a> <a href="#" onclick="window.close()">关闭窗口</a></div>'
        f'<div class="TRS_Editor" id="zoom">\n<h1>{esc(title)}</h1>\n{paragraphs}</div>'
        '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>'
        '<div class="related"><h3>相关链接</h3><ul>'
        '<li><a href="/a/1">关于做好2023年技能人才评价工作的通知</a></li>'
        '<li><a href="/a/2">省人社厅召开全省职业能力建设工作会议</a></li></ul></div>'
        f"{footer('安徽省人民政府办公厅', '皖ICP备05001234号')}</body></html>"
    )


def county(title: str, body: list[str], meta: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{esc(line)}</p>\n" for line in body)
    menu = "".join(
        f'<tr><td><a href="/list/{i}">{w}</a></td></tr>'
        for i, w in enumerate(
            ["工作动态", "基层党建", "干部工作", "人才工作", "公务员管理", "通知公告", "组工论坛"]
        )
    )
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>怀宁组工网</title></head><body>"
        '<table width="1000" class="top"><tr><td><img src="/logo.gif"> 怀宁组工网</td>'
        '<td><a href="/">设为首页</a> | <a href="#">加入收藏</a></td></tr></table>'
        '<table width="1000"><tr><td width="220" valign="top" class="left">'
        f'<table class="menu">{menu}</table></td>'
        '<td width="780" valign="top"><table width="100%">'
        '<tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/list/0">工作动态</a></td></tr>'
        f'<tr><td class="title" align="center"><b>{esc(title)}</b></td></tr>'
        f'<tr><td class="info" align="center">发布时间：{meta["published_date"]}&nbsp;&nbsp;'
        f'来源：{meta["source"]}&nbsp;&nbsp;浏览次数：128&nbsp;&nbsp;【字体：<a href="#">大</a> '
        '<a href="#">中</a> <a href="#">小</a>】</td></tr>'
        f'<tr><td><div id="content">\n{paragraphs}</div></td></tr>'
        '<tr><td>上一篇：<a href="/a/9">县委组织部开展主题党日活动</a><br>'
        '下一篇：<a href="/a/11">我县举办年轻干部培训班</a></td></tr>'
        '<tr><td align="center"><a href="javascript:window.print()">【打印】</a> '
        '<a href="javascript:window.close()">【关闭】</a></td></tr></table></td></tr></table>'
        '<div class="bottom">版权所有：中共怀宁县委组织部 技术支持：安庆某某网络科技有限公司<br>'
        "皖ICP备12000000号</div></body></html>"
    )


def ministry(title: str, body: list[str], meta: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{esc(line)}</p>\n" for line in body)
    items = "".join(
        f"<li>{label}：{value}</li>"
        for label, value in [
            ("索引号", meta["index_number"]),
            ("发布机构", meta["issuer"]),
            ("发文字号", meta["doc_number"]),
            ("成文日期", meta["written_date"]),
            ("发布日期", meta["published_date"]),
        ]
    )
    table = (
        '<table border="1"><tr><th>序号</th><th>单位</th><th>金额（万元）</th></tr>'
        "<tr><td>1</td><td>安庆市</td><td>120</td></tr><tr><td>2</td><td>怀宁县</td><td>45</td></tr></table>"
    )
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head>'
        f"<title>{esc(title)} - 应急管理部</title>"
        '<meta name="viewport" content="width=device-width">'
        f"{SCRIPT}</head><body>"
        f'<header class="site-header"><a href="/">中华人民共和国应急管理部</a><nav>{nav_list("menu")}</nav>'
        '<form class="search"><input type="text"><button>搜索</button></form></header>'
        '<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/gk/">政府信息公开</a> &gt; 正文</div>'
        f'<main><article><ul class="xxgk-info">{items}</ul>'
        f'<h1>{esc(title)}</h1><div class="pages_content">\n{paragraphs}{table}</div>'
        '<div class="print-close"><a href="#">打印本页</a> <a href="#">关闭窗口</a></div>'
        "</article></main>"
        '<aside class="sidebar"><h3>最新发布</h3><ul><li><a href="/1">应急管理部召开安全生产视频会</a></li>'
        '<li><a href="/2">国家防总启动防汛四级应急响应</a></li></ul></aside>'
        "<footer><p>版权所有：中华人民共和国应急管理部 京ICP备18000000号</p>"
        "<p>网站标识码：bm95000001</p></footer></body></html>"
    )


def news(title: str, body: list[str], meta: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{esc(line)}</p>\n" for line in body)
    hot = "".join(
        f'<li><a href="/h/{i}">热点新闻标题第{i}条关于城市建设的报道</a></li>' for i in range(1, 9)
    )
    return (
        f"<html><head>{STYLE}{SCRIPT}"
        '<meta charset="utf-8">'
        f"<title>{esc(title)}_新闻中心_安庆新闻网</title>"
        f'<meta name="keywords" content="组织工作,安庆"><meta name="description" content="{esc(title)}">'
        "</head><body>"
        f'<div id="top-nav">{nav_list("nav-list")}</div>'
        '<div class="crumbs"><a href="/">安庆新闻网</a> &gt; <a href="/news/">新闻中心</a></div>'
        f'<div class="main-left"><h1>{esc(title)}</h1>'
        f'<div class="source-info">{meta["published_date"]}  来源：{meta["source"]}</div>'
        f'<div class="article-content">\n{paragraphs}</div>'
        '<p class="editor">责任编辑：王编辑</p>'
        '<div class="bdshare">分享到：<a href="#">微信</a><a href="#">微博</a></div>'
        '<div class="related-news"><h3>相关新闻</h3><ul>'
        '<li><a href="/n/1">全市组织工作会议召开</a></li><li><a href="/n/2">市委组织部部署重点任务</a></li>'
        "</ul></div></div>"
        f'<div class="sidebar"><h3>热点排行</h3><ul>{hot}</ul></div>'
        f"{footer('安庆日报社', '皖ICP备09000000号')}</body></html>"
    )


def old_page(title: str, body: list[str], meta: dict[str, str]) -> str:
    text = "<br>\n".join("&nbsp;&nbsp;" + esc(line) for line in body)
    links = " | ".join(f'<a href="/{i}.htm">{w}</a>' for i, w in enumerate(NAV))
    return (
        f"<HTML><HEAD><TITLE>{esc(title)}</TITLE></HEAD><BODY>"
        f'<TABLE width="760"><TR><TD>{links}</TD></TR></TABLE>'
        f'<TABLE width="760"><TR><TD align="center"><FONT size="4"><B>{esc(title)}</B></FONT></TD></TR>'
        f'<TR><TD><FONT size="3">{text}</FONT></TD></TR></TABLE>'
        "<CENTER>版权所有 安庆市人民政府办公室 联系电话：0556-0000000</CENTER></BODY></HTML>"
    )


META = {
    "index_number": "002986117/2023-00123",
    "topic": "劳动、人事、监察\\职业技能",
    "issuer": "安徽省人力资源和社会保障厅",
    "written_date": "2023年08月10日",
    "doc_number": "皖人社发〔2023〕15号",
    "published_date": "2023年08月15日",
    "source": "中共怀宁县委组织部",
}

# (page name, template, source text, title, encoding to write, the encoding the reader reports)
PAGES = [
    (
        "province_gbk",
        province,
        WRITTEN / "notice_issue_measures.txt",
        "安徽省人力资源和社会保障厅关于印发《安徽省职业技能等级认定工作管理办法》的通知",
        "gbk",
        "GB18030",
    ),
    (
        "county_zugong_gb2312",
        county,
        WRITTEN / "request.txt",
        "县政府请示设立高河镇便民服务中心",
        "gbk",
        "GB18030",
    ),
    (
        "ministry_utf8_bom",
        ministry,
        WRITTEN / "decision.txt",
        "安庆市人民政府关于表彰2022年度全市安全生产工作先进集体和先进个人的决定",
        "utf-8-sig",
        "UTF-8",
    ),
    (
        "news_late_meta",
        news,
        SAMPLE / "anqing-zugong-2023-24.txt",
        "安庆组工信息第24期：全市组织工作会议召开",
        "utf-8",
        "UTF-8",
    ),
    (
        "old_nocharset_gbk",
        old_page,
        WRITTEN / "letter.txt",
        "关于商请支持开展职业技能培训的函",
        "gbk",
        "GB18030",
    ),
]

# Metadata each page must yield (a subset of what the reader finds).
EXPECTED_META = {
    "province_gbk": [
        "index_number",
        "topic",
        "issuer",
        "written_date",
        "doc_number",
        "published_date",
        "title",
        "source",
    ],
    "county_zugong_gb2312": ["published_date", "source"],
    "ministry_utf8_bom": [
        "index_number",
        "issuer",
        "doc_number",
        "written_date",
        "published_date",
        "title",
    ],
    "news_late_meta": ["published_date", "source", "keywords", "description", "title"],
    "old_nocharset_gbk": ["title"],
}


def squeeze(s: str) -> str:
    return "".join(s.split())


def main() -> None:
    OUT.mkdir(exist_ok=True)
    expected = {}
    for name, template, source, title, encoding, reported in PAGES:
        body = lines_of(source)
        page = template(title, body, META)
        (OUT / f"{name}.html").write_bytes(page.encode(encoding))
        truth = [title] + body
        if name == "ministry_utf8_bom":
            truth += ["序号\t单位\t金额（万元）", "1\t安庆市\t120", "2\t怀宁县\t45"]
        (OUT / f"{name}.txt").write_text("\n".join(truth) + "\n", encoding="utf-8")
        values = dict(META, title=title)
        if name == "ministry_utf8_bom":
            values["issuer"] = META["issuer"]
        if name == "news_late_meta":
            values.update(keywords="组织工作,安庆", description=title, source=META["source"])
        if name == "province_gbk":
            values["source"] = "安徽省人力资源和社会保障厅"
        expected[f"{name}.html"] = {
            "encoding": reported,
            "metadata": {key: values[key] for key in EXPECTED_META[name]},
        }
    (OUT / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
