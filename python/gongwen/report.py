"""A self-contained HTML report of a corpus: each bulletin's structure and the article table."""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterator
from pathlib import Path

from ._util import PathLike, as_path
from .bulletin import Article, Bulletin
from .corpus import Corpus

__all__ = ["render_report", "write_report"]

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1, h2, h3 { font-weight: 600; }
h2 { border-bottom: 2px solid #b22; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; font-size: 90%; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
dl.fields { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dl.fields dt { font-weight: 600; }
.note { background: #fbf7e9; padding: .6em 1em; border-left: 4px solid #d9b54a; }
details { margin: .4em 0; }
summary { cursor: pointer; font-weight: 600; }
.section-heading { color: #b22; }
.muted { color: #777; }
.words { background: #eef4fb; padding: .3em .6em; }
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _fields(b: Bulletin) -> str:
    rows = [
        ("刊名 publication", b.publication),
        ("期号 issue", b.issue),
        ("总期号 issue_total", b.issue_total),
        ("编印 editor", b.editor),
        ("日期 date", b.date.isoformat() if b.date else None),
        ("密级 notices", "、".join(b.notices) or None),
        ("印数 copies", b.copies),
        ("编码 encoding", b.encoding),
    ]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows if v is not None)
    return f'<dl class="fields">{items}</dl>'


def _article(a: Article, number: int, keywords: list[tuple[str, float]]) -> str:
    head = f"{number}. {_e(a.title) or '<span class=muted>(untitled)</span>'}"
    author = f" — {_e(a.author)}" if a.author else ""
    parts = [f"<details><summary>{head}{author} <span class=muted>({a.n_chars} 字)</span>"]
    parts.append("</summary>")
    words = "、".join(f"{_e(w)}<sub>{weight:.2f}</sub>" for w, weight in keywords)
    if words:
        parts.append(f"<p class=words><b>关键词 Keywords:</b> {words}</p>")
    if a.sections:
        parts.append("<ol>")
        for s in a.sections:
            points = "".join(f"<li>{_e(p.heading)}</li>" for p in s.points if p.heading)
            points = f"<ul>{points}</ul>" if points else ""
            parts.append(
                f"<li><span class=section-heading>{_e(s.marker)}{_e(s.heading)}</span>{points}</li>"
            )
        parts.append("</ol>")
    parts.extend(f"<p>{_e(p)}</p>" for p in a.paragraphs)
    parts.append("</details>")
    return "".join(parts)


def _distribution(b: Bulletin) -> str:
    rows = [(k, "；".join(v)) for k, v in b.distribution.items()]
    rows += list(b.credits.items())
    if not rows:
        return ""
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return f"<h3>分发 Distribution</h3><table>{body}</table>"


def _bulletin(b: Bulletin, keywords: Iterator[list[tuple[str, float]]]) -> str:
    name = Path(b.path).name if b.path else "(text)"
    title = f"{b.publication} 第{b.issue}期" if b.publication and b.issue else name
    parts = [f"<h2>{_e(title)}</h2>", f"<p class=muted>{_e(b.path)}</p>", _fields(b)]
    if b.editor_note:
        parts.append(f"<h3>编者按 Editor's note</h3><div class=note>{_e(b.editor_note)}</div>")
    if b.instructions:
        parts.append(f"<h3>领导批示 Instructions</h3><div class=note>{_e(b.instructions)}</div>")
    parts.append(f"<h3>文章 Articles ({len(b.articles)})</h3>")
    parts.extend(_article(a, i + 1, next(keywords)) for i, a in enumerate(b.articles))
    parts.append(_distribution(b))
    return "".join(parts)


def _article_table(corpus: Corpus) -> str:
    frame = corpus.to_frame().drop(columns=["text"])
    frame["path"] = frame["path"].map(lambda p: Path(p).name if p else p)
    return frame.to_html(index=False, na_rep="", escape=True, border=0)


def _errors(corpus: Corpus) -> str:
    if not corpus.errors:
        return ""
    rows = "".join(
        f"<tr><td>{_e(e.path)}</td><td>{_e(e.error_type)}</td><td>{_e(e.message)}</td></tr>"
        for e in corpus.errors
    )
    return (
        "<h2>Skipped files</h2><table><tr><th>path</th><th>error</th><th>message</th></tr>"
        f"{rows}</table>"
    )


def article_keywords(corpus: Corpus, top_n: int) -> list[list[tuple[str, float]]]:
    """Each article's keywords in corpus order; none when the corpus has no words at all."""
    try:
        return list(corpus.keywords(top_n))
    except ValueError:  # empty vocabulary: every article is empty or stop words only
        return [[] for b in corpus.bulletins for _ in b.articles]


def render_report(corpus: Corpus, title: str = "gongwen report") -> str:
    """Render the report as one HTML string (no external files, scripts or fonts)."""
    n_articles = sum(len(b.articles) for b in corpus.bulletins)
    # One list per article, in corpus order (to_frame's rows).
    keywords = iter(article_keywords(corpus, 12))
    generated = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    summary = (
        f"<p>{len(corpus)} documents, {n_articles} articles, {len(corpus.errors)} skipped files. "
        f"<span class=muted>Generated {generated} by gongwen.</span></p>"
    )
    body = [
        f"<h1>{_e(title)}</h1>",
        summary,
        "<h2>文章一览 Articles</h2>",
        _article_table(corpus),
        *(_bulletin(b, keywords) for b in corpus.bulletins),
        _errors(corpus),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def write_report(corpus: Corpus, out: PathLike, title: str = "gongwen report") -> Path:
    """Write :func:`render_report` to `out` (UTF-8) and return its path."""
    path = Path(as_path(out))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(corpus, title), encoding="utf-8")
    return path
