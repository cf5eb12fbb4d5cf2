#!/usr/bin/env python3
"""Writes tests/data/official/govcn_NNNNNNN.txt: plain-text copies of 14 gov.cn policy pages.

The sources are the crawled gov.cn pages (UTF-8 HTML fragments, state documents) listed in
``../shared/corpora/gov-cn-policy/manifest.json`` beside the project root. Each page is turned
into text the way a simple HTML-to-text step would: script and style are dropped, block elements
(p, div, br, tr, li, h1-h6, table) give line breaks, runs of blank lines collapse to one, ASCII
spaces and no-break spaces are stripped at both ends of a line and ideographic spaces at its end
(ideographic spaces inside a line or leading it, e.g. ``第一章　总　　则`` or ``　　注：``, are kept).
Table rows of two or more cells that hold no further table are written on one line, cells separated by a tab,
except that a cell ending in ``：`` (a label of the page's metadata table: 索引号, 主题分类,
发文机关, 成文日期, 标题, 发文字号, 发布日期, 主题词) is joined to the next cell and the pair gets a
line of its own, e.g. ``发文字号：国发〔2018〕41号``. Labels keep the page's own spelling
(``索 引 号：``, ``标　　题：``). The site chrome is dropped: the ``扫一扫在手机打开当前页`` line and
the favourite/print/close buttons and banners (images and links without text, so they vanish
anyway); the pages carry no navigation, footer, 责任编辑 or 纠错 text. Images (the number-plate
drawings of govcn_5347765) are dropped without a trace.

govcn_5345410 (270 KB) is kept whole: its size is markup, and its two coordinate tables are
fewer than 100 rows once written one row a line, so nothing is truncated.

A developer tool, not part of the test run: the tests read the committed outputs and
tests/data/official/expected.json (written by hand). Run it from anywhere with
``python3 tests/data/make_official_fixtures.py``; the output is deterministic.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "gov-cn-policy"
OUT = Path(__file__).resolve().parent / "official"

VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
DROPPED = {"script", "style", "noscript", "template", "head", "title", "iframe", "canvas"}
BLOCK = {
    "p",
    "div",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "center",
    "dl",
    "dt",
    "dd",
    "td",
    "th",
    "form",
    "hr",
}
CHROME = {"扫一扫在手机打开当前页", "【我要纠错】", "【打印本页】", "【关闭窗口】"}
HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
EDGE = " \t\xa0"


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    def contains(self, tag: str) -> bool:
        return any(isinstance(c, Node) and (c.tag == tag or c.contains(tag)) for c in self.children)


class TreeBuilder(HTMLParser):
    """Builds a small element tree; tolerant of unclosed and stray end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


class Writer:
    """Accumulates output lines; ``soft`` breaks only end a non-empty line, ``hard`` ones (br) always."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current = ""

    def text(self, s: str) -> None:
        self.current += s

    def soft(self) -> None:
        if self.current.strip(EDGE):
            self.hard()
        else:
            self.current = ""

    def hard(self) -> None:
        self.lines.append(self.current)
        self.current = ""

    def finish(self) -> list[str]:
        self.soft()
        return self.lines


def rows(table: Node) -> list[Node]:
    found: list[Node] = []
    for child in table.children:
        if isinstance(child, Node):
            if child.tag == "tr":
                found.append(child)
            elif child.tag in {"tbody", "thead", "tfoot"}:
                found.extend(rows(child))
    return found


def cell_text(cell: Node) -> str:
    w = Writer()
    render(cell, w)
    return HTML_SPACE.sub(" ", " ".join(w.finish()).replace("\xa0", " ")).strip()


def render_row(row: Node, w: Writer) -> None:
    cells = [c for c in row.children if isinstance(c, Node) and c.tag in {"td", "th"}]
    if len(cells) < 2 or any(c.contains("table") for c in cells):  # a layout row: cells are blocks
        for c in cells:
            w.soft()
            render(c, w)
            w.soft()
        return
    texts = [cell_text(c) for c in cells]
    segments: list[str] = []
    plain: list[str] = []
    i = 0
    while i < len(texts):
        if texts[i].endswith("："):
            if any(plain):
                segments.append("\t".join(plain).rstrip("\t"))
            plain = []
            value = texts[i + 1] if i + 1 < len(texts) and not texts[i + 1].endswith("：") else ""
            segments.append(texts[i] + value)
            i += 2 if value or (i + 1 < len(texts) and not texts[i + 1]) else 1
        else:
            plain.append(texts[i])
            i += 1
    if any(plain):
        segments.append("\t".join(plain).rstrip("\t"))
    for s in segments:
        w.soft()
        w.text(s)
        w.soft()


def render(node: Node, w: Writer) -> None:
    for child in node.children:
        if isinstance(child, str):
            w.text(HTML_SPACE.sub(" ", child))
            continue
        if child.tag in DROPPED:
            continue
        if child.tag == "br":
            w.hard()
        elif child.tag == "tr":
            w.soft()
            render_row(child, w)
            w.soft()
        elif child.tag in BLOCK:
            w.soft()
            render(child, w)
            w.soft()
        else:
            render(child, w)


def to_text(html: str) -> str:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    w = Writer()
    render(builder.root, w)
    out: list[str] = []
    for line in w.finish():
        line = line.strip(EDGE).rstrip("\u3000" + EDGE)
        if line in CHROME:
            continue
        if not line.strip(EDGE + "\u3000"):
            line = ""
            if not out or out[-1] == "":
                continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))
    for entry in sorted(manifest, key=lambda e: e["file"]):
        html = (SOURCE / entry["file"]).read_text(encoding="utf-8")
        name = Path(entry["file"]).with_suffix(".txt").name
        text = to_text(html)
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"{name}: {text.count(chr(10))} lines, {len(text)} characters")


if __name__ == "__main__":
    main()
