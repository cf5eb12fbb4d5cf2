"""Main content of government web pages: gongwen.read_text against trafilatura.

A researcher downloads policy pages and needs the article, not the site around it. Each reader
gets the same HTML files and returns text; we score it against the known main text, line by
line, and time both on the same files.

Pages and their truths:
- tests/data/web/*.html (make_web_fixtures.py): five site templates (provincial, county 组工网,
  ministry, news portal, an old page) in GBK, GB2312-labelled, UTF-8 with a BOM, a late
  <meta charset> and no charset; the truth is the NAME.txt beside each.
- ../shared/corpora/gov-cn-policy/*.html (when present): 14 gov.cn policy pages; the truth is
  tests/data/official/govcn_*.txt without the metadata table's lines (索引号, 主题分类, ...),
  which gongwen returns as metadata.
- tests/data/web/blind/*.html: 14 pages of other site templates (TRS/WCM, 政府信息公开 tables,
  county sidebars, 2008 table layouts in GB2312, WeChat sections, comments, 上一篇/下一篇),
  written with their truths (NAME.txt) by someone who had not seen the reader or its fixtures.

The first two groups are the pages the reader was developed on; the blind group was scored once
before any change was made for it (bench/RESULTS.md keeps that first score) and is a regression
set now. Scores are printed per group and for all pages.

Scoring, two ways, micro-averaged over all pages. Line-level: both texts are split into lines,
white space removed, empty lines dropped; an output line is correct when the truth has it (as
multisets). Precision = correct / output lines, recall = correct / truth lines. This punishes a
reader that runs paragraphs together (trafilatura flattens a layout table's cell into one line).
Character-level: the multisets of non-space characters, order ignored; kinder to merged lines,
blind to order. Speed is MB of HTML per
second over the whole set, best of ``--rounds`` interleaved rounds (gongwen, trafilatura,
gongwen, ...), so both see the same machine load.

Peer: trafilatura 2.3.1 (with lxml_html_clean 0.4.6), ``extract(bytes, include_tables=True,
include_comments=False)``; it detects the charset itself. Run from the project root:

    .venv/bin/pip install trafilatura==2.3.1 lxml_html_clean==0.4.6
    .venv/bin/python bench/bench_html.py [--rounds 5] [--only trafilatura]
"""

from __future__ import annotations

import argparse
import contextlib
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "tests" / "data" / "web"
OFFICIAL = ROOT / "tests" / "data" / "official"
BLIND = WEB / "blind"
GOVCN = ROOT.parent / "shared" / "corpora" / "gov-cn-policy"
META_LINE = re.compile(r"^(索引号|主题分类|发文机关|成文日期|标题|发文字号|发布日期|主题词)[：:]")


def normal_lines(text: str) -> list[str]:
    lines = ("".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


Corpus = list[tuple[Path, list[str]]]


def beside_truths(folder: Path) -> Corpus:
    return [
        (p, normal_lines(p.with_suffix(".txt").read_text(encoding="utf-8")))
        for p in sorted(folder.glob("*.html"))
    ]


def groups() -> dict[str, Corpus]:
    """Every page with the lines of its main text, by group."""
    govcn = []
    for page in sorted(GOVCN.glob("govcn_*.html")):
        truth = OFFICIAL / (page.stem + ".txt")
        if truth.exists():
            lines = normal_lines(truth.read_text(encoding="utf-8"))
            govcn.append((page, [line for line in lines if not META_LINE.match(line)]))
    found = {"templates": beside_truths(WEB), "gov.cn": govcn, "blind": beside_truths(BLIND)}
    return {name: pages for name, pages in found.items() if pages}


def read_gongwen(path: Path) -> str:
    import gongwen

    return gongwen.read_text(path)


def read_trafilatura(path: Path) -> str:
    import trafilatura

    text = trafilatura.extract(path.read_bytes(), include_tables=True, include_comments=False)
    return markdown_rows_as_cells(text or "")


def markdown_rows_as_cells(text: str) -> str:
    """trafilatura writes a table row as "| a | b |" and a rule "|---|---|": the row becomes its
    cells (white space is ignored by the scores), the rule goes, so tables are scored alike."""
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue
            line = "\t".join(cells)
        out.append(line)
    return "\n".join(out)


def _ratio(x: int, y: int) -> float:
    return x / y if y else 0.0


def score(read: Callable[[Path], str], corpus: Corpus) -> list[float]:
    """[line precision, line recall, character precision, character recall] over the corpus."""
    counts = [0] * 6  # correct, produced, expected: lines, then characters
    for path, truth in corpus:
        try:
            got = normal_lines(read(path))
        except Exception:  # a reader that fails on a page returns nothing for it
            got = []
        for base, (a, b) in (
            (0, (Counter(got), Counter(truth))),
            (3, (Counter("".join(got)), Counter("".join(truth)))),
        ):
            counts[base] += sum((a & b).values())
            counts[base + 1] += sum(a.values())
            counts[base + 2] += sum(b.values())
    return [
        _ratio(counts[0], counts[1]),
        _ratio(counts[0], counts[2]),
        _ratio(counts[3], counts[4]),
        _ratio(counts[3], counts[5]),
    ]


def timed(read: Callable[[Path], str], corpus: Corpus) -> float:
    start = time.perf_counter()
    for path, _ in corpus:
        with contextlib.suppress(Exception):  # failures are scored, not timed
            read(path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=["gongwen", "trafilatura"])
    args = parser.parse_args()
    readers = {"gongwen": read_gongwen, "trafilatura": read_trafilatura}
    if args.only:
        readers = {args.only: readers[args.only]}
    by_group = groups()
    corpus = [page for pages in by_group.values() for page in pages]
    megabytes = sum(p.stat().st_size for p, _ in corpus) / 1e6
    sizes = ", ".join(f"{name} {len(pages)}" for name, pages in by_group.items())
    print(
        f"{len(corpus)} pages ({sizes}), {megabytes:.2f} MB of HTML; scores as the docstring says"
    )
    best = dict.fromkeys(readers, float("inf"))
    for _ in range(args.rounds):
        for name, read in readers.items():
            best[name] = min(best[name], timed(read, corpus))
    header = f"{'pages':<11}{'reader':<14}{'line P':>8}{'line R':>8}{'char P':>8}{'char R':>8}"
    print(f"{header}{'MB/s':>8}")
    for group, pages in [*by_group.items(), ("all", corpus)]:
        for name, read in readers.items():
            scores = "".join(f"{value:>8.3f}" for value in score(read, pages))
            speed = f"{megabytes / best[name]:>8.1f}" if group == "all" else ""
            print(f"{group:<11}{name:<14}{scores}{speed}")
    if len(best) == 2:
        print(f"gongwen is {best['trafilatura'] / best['gongwen']:.1f}x trafilatura's speed")


if __name__ == "__main__":
    main()
