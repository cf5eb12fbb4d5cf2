"""Writes tests/data/same/: one 公文 and the reference bulletin in every format gongwen reads,
for the test that every format of the same text gives the same Document.

- ``<name>.txt``: the text (the source of truth);
- ``.docx``, ``.odt``, ``.doc``, ``.rtf``, ``.pdf``: converted from the text by LibreOffice
  (``soffice``, a test-only tool here), each line a paragraph;
- ``.html``: the text as a county government site publishes it, in GBK, inside the site's
  header, navigation, breadcrumb, information bar, share buttons, related links and footer;
- ``.ofd``: the text laid out on A4 pages as an OFD writer does (text objects per printed line,
  paragraphs indented two characters, wrapped at 28 characters), with make_ofd_fixtures' XML;
- ``all.zip``: all of the above in one archive.

A developer tool: the tests read the committed files. Run from the repository root with
``.venv/bin/python tests/data/make_same_fixtures.py``.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "same"
SOURCES = {
    "official": HERE / "official/written/notice_issue_measures.txt",
    "bulletin": ROOT / "python/gongwen/data/sample/anqing-zugong-2023-24.txt",
}
sys.path.insert(0, str(HERE))
import make_ofd_fixtures as ofd  # noqa: E402

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}_某某县人民政府</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2023-09-01 10:30">
<meta name="ContentSource" content="某某县人民政府办公室">
<link rel="stylesheet" href="/css/main.css"><script>var _hmt = _hmt || [];</script></head>
<body><div class="top"><a href="/">某某县人民政府</a> <a href="/wzdt/">网站地图</a>
<a href="/wza/">无障碍</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 文件</div>
<div class="article"><h1 class="title">{title}</h1>
<div class="info">发布时间：2023-09-01 来源：某某县人民政府办公室 浏览次数：1024
【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="TRS_Editor" id="zoom">
{paragraphs}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a>
<a href="javascript:window.close()">【关闭窗口】</a></div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">关于做好防汛工作的通知</a></li>
<li><a href="/b">关于印发某某县2023年重点工作的通知</a></li></ul></div>
<div class="footer">主办单位：某某县人民政府办公室 版权所有 网站标识码：3408250001
<a>皖ICP备05001234号</a> 联系我们</div>
<script>document.write('统计');</script></body></html>
"""


def soffice(source: Path, target: str, out: Path, profile: Path) -> Path:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--infilter=Text (encoded):UTF8", "--convert-to", target, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / f"{source.stem}.{target.split(':')[0]}"


def web_page(text: str, title: str) -> bytes:
    lines = [line for line in text.splitlines() if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return PAGE.format(title=html.escape(title), paragraphs=body).encode("gbk")


def ofd_package(text: str, title: str, path: Path) -> None:
    """Each line where the text puts it: indented by its leading spaces (a centred title, a
    paragraph's two characters), a paragraph longer than a printed line wrapped at 28."""
    pages: list[list[str]] = [[]]
    y = 40.0
    for line in text.splitlines():
        if not line.strip():
            y += ofd.PITCH
            continue
        lead = line[: len(line) - len(line.lstrip())]
        indent = sum(ofd.SIZE if c == "　" else ofd.SIZE / 2 for c in lead)
        # A line as printed (the bulletin's text is a PDF's, line by line) stays whole.
        stripped = line.strip()
        pieces = [stripped] if len(stripped) <= 34 else ofd.wrap(stripped, round(indent / ofd.SIZE))
        for k, piece in enumerate(pieces):
            if y > 260:
                pages.append([])
                y = 40.0
            x = ofd.LEFT + (indent if k == 0 else 0)
            pages[-1].append(ofd.text_object(len(pages[-1]) + 1, x, y, piece))
            y += ofd.PITCH
    members = [("OFD.xml", ofd.OFD_XML.format(title=html.escape(title), root="Doc_0/Document.xml"))]
    locs = []
    for n, objects in enumerate(pages):
        loc = f"Pages/Page_{n}/Content.xml"
        locs.append(loc)
        members.append((f"Doc_0/{loc}", ofd.page_xml(objects)))
    members.append(("Doc_0/Document.xml", ofd.document_xml(locs)))
    ofd.write_ofd(str(path), members)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, source in SOURCES.items():
            text = source.read_text("utf-8")
            title = next(line.strip() for line in text.splitlines() if "关于" in line)
            plain = OUT / f"{name}.txt"
            plain.write_text(text, "utf-8")
            for target in ("docx", "odt", 'doc:"MS Word 97"', "rtf", "pdf"):
                made = soffice(plain, target.replace('"', ""), work, work / "profile")
                shutil.copyfile(made, OUT / made.name)
            (OUT / f"{name}.html").write_bytes(web_page(text, title))
            ofd_package(text, title, OUT / f"{name}.ofd")
    with zipfile.ZipFile(OUT / "all.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(OUT.iterdir()):
            if path.name != "all.zip":
                z.write(path, path.name)


if __name__ == "__main__":
    main()
