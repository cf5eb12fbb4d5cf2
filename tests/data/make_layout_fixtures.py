"""Writes the layout variants of the reference bulletin used by the parser tests.

The reference document (../shared/corpus/anqing-zugong-2023-24.txt, a public bulletin) is
re-laid out the ways other extractors and offices lay out the same text: without the blank line
between lines, with other page-number styles, with form feeds, with CRLF line ends, re-wrapped
at another width with indented paragraphs, one paragraph per line, and recast in the 工作简报
genre (a different header, bracketed openings, bylines, a longer footer), and with running heads
at the top of every page. Run from the project
root: python3 tests/data/make_layout_fixtures.py. The outputs are committed; tests only read them.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "python" / "gongwen" / "data" / "sample" / "anqing-zugong-2023-24.txt"
OUT = ROOT / "tests" / "data" / "layouts"
PAGE_NUMBER = re.compile(r"^\s*— \d+ —\s*$")
SECTION = re.compile(r"^[一二三四五六七八九]、")


def physical_lines() -> list[str]:
    """The reference's text lines: no blank lines, no page numbers, original wrapping."""
    text = REFERENCE.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip() and not PAGE_NUMBER.match(line)]


def paragraphs(lines: list[str]) -> list[str]:
    """Re-joins the reference's lines by its own typesetting: a paragraph ends on a line that
    ends with 。 or ： and is shorter than the measure (26 characters), or before 下一步; titles,
    author lines and the header stand alone (they are shorter than 16 and end in no stop)."""
    out: list[str] = [line.strip() for line in lines[:3]]  # the header lines
    current = ""
    for raw in lines[3:]:
        line = raw.strip()
        starts_new = line.startswith(("下一步", "报：", "送：", "发：", "编者按", "领导批示"))
        starts_new = starts_new or SECTION.match(line) is not None
        if current and starts_new:
            out.append(current)
            current = ""
        current += line
        short = len(line) < 26
        if (short and line.endswith(("。", "：", "”。"))) or (len(line) < 16 and "，" not in line):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def wrap(paragraph: str, width: int) -> list[str]:
    """Wraps at `width` full-width characters; ASCII counts half, as it prints."""
    lines, current, used = [], "", 0.0
    for ch in paragraph:
        w = 0.5 if ch.isascii() else 1.0
        if used + w > width:
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += w
    return [*lines, current] if current else lines


def write(name: str, text: str, newline: str = "\n") -> None:
    (OUT / name).write_bytes(text.replace("\n", newline).encode("utf-8"))


def with_page_numbers(lines: list[str], style: str, every: int = 40) -> str:
    out: list[str] = []
    for i, line in enumerate(lines, start=1):
        out.append(line)
        if i % every == 0:
            out.append(style.format(n=i // every + 1))
    return "\n".join(out) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    lines = physical_lines()
    paras = paragraphs(lines)

    write("no_blank_lines.txt", with_page_numbers(lines, "— {n} —"))
    write("dash_page_numbers.txt", with_page_numbers(lines, "- {n} -").replace("\n", "\n\n"))
    write("tight_page_numbers.txt", with_page_numbers(lines, "-{n}-"))
    write("worded_page_numbers.txt", with_page_numbers(lines, "第 {n} 页 共 5 页"))
    write("form_feeds.txt", with_page_numbers(lines, "{n}\f"))
    write("crlf.txt", with_page_numbers(lines, "— {n} —"), newline="\r\n")
    # Each page after the first starts with the running head 安庆组工信息 and ends with its
    # number, as a layout-preserving extractor writes them.
    write("running_heads.txt", with_page_numbers(lines, "     — {n} —\f    安庆组工信息"))

    # Re-wrapped at 24 characters, first lines indented with two ideographic spaces, as a
    # layout-preserving extractor writes them; headings and titles centred with spaces.
    rewrapped: list[str] = []
    for i, p in enumerate(paras):
        if i < 3 or (len(p) < 24 and not p.endswith("。")):
            rewrapped.append(" " * 12 + p)
        else:
            pieces = wrap("\u3000\u3000" + p, 24)
            rewrapped.extend(pieces)
    write("rewrapped_indented.txt", "\n".join(rewrapped) + "\n")

    write("one_paragraph_per_line.txt", "\n".join(paras) + "\n")


if __name__ == "__main__":
    main()
