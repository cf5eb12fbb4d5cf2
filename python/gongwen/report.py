"""A self-contained HTML report of a corpus.

The article table; the corpus compared (topics, each article's nearest articles, passages that
articles share); then each bulletin's structure with its articles' keywords.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ._util import PathLike, as_path
from .bulletin import Article, Bulletin
from .corpus import Corpus
from .display import escape_html as _e
from .display import reuse_html

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import ArticleTopics

__all__ = ["CorpusFindings", "corpus_findings", "render_report", "write_report"]

#: Keywords per article, nearest articles per article, and reused passages shown in the report.
_KEYWORDS, _NEIGHBOURS, _PASSAGES = 12, 3, 30

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
    frame = corpus.articles.frame.drop(columns=["text"])
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


class CorpusFindings(NamedTuple):
    """What the report and ``python -m gongwen report`` say of the corpus as a whole.

    ``keywords``: one list of (term, weight) per article (rows of ``to_frame``); ``topics``:
    :meth:`Corpus.topics` (None when the articles have too few words); ``neighbours``:
    :meth:`Corpus.similar_articles` (None without words); ``reuse``: :meth:`Corpus.find_reuse`.
    """

    keywords: list[list[tuple[str, float]]]
    topics: ArticleTopics | None
    neighbours: pd.DataFrame | None
    reuse: pd.DataFrame


def corpus_findings(corpus: Corpus, keywords: int = _KEYWORDS) -> CorpusFindings:
    """Keywords, topics, nearest articles and reused passages of the corpus's articles.

    The first three share one TF-IDF matrix of the articles (the corpus keeps it).
    """
    return CorpusFindings(
        _keywords(corpus, keywords),
        _topics(corpus),
        _neighbours(corpus),
        corpus.find_reuse(),
    )


def _keywords(corpus: Corpus, top_n: int) -> list[list[tuple[str, float]]]:
    """Each article's keywords in corpus order; none when the corpus has no words at all."""
    try:
        return list(corpus.keywords(top_n))
    except ValueError:  # empty vocabulary: every article is empty or stop words only
        return [[] for _ in range(len(corpus.articles))]


def _neighbours(corpus: Corpus) -> pd.DataFrame | None:
    """Each article's nearest articles, or None when the articles have no words at all."""
    try:
        return corpus.similar_articles(_NEIGHBOURS)
    except ValueError:  # empty vocabulary
        return None


def _topics(corpus: Corpus) -> ArticleTopics | None:
    """The corpus's topics, or None when it has fewer than two articles with content words."""
    if len(corpus.articles) < 2:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a topic model's convergence on a tiny corpus
            return corpus.topics()
    except ValueError:  # no content words at all
        return None


def _topics_section(topics: ArticleTopics | None) -> str:
    if topics is None:
        return ""
    dominant = topics.dominant().value_counts()
    rows = []
    for topic, label in enumerate(topics.labels):
        terms = topics.terms.loc[topics.terms["topic"] == topic, "term"]
        rows.append(
            f"<tr><td>{topic}</td><td>{_e('、'.join(terms))}</td>"
            f"<td>{int(dominant.get(label, 0))}</td></tr>"
        )
    return (
        f"<h2>主题 Topics ({len(topics.labels)})</h2>"
        "<p class=muted>Non-negative matrix factorization of the articles' TF-IDF weights "
        "(content words only); an article counts under its heaviest topic.</p>"
        "<table><tr><th>topic</th><th>top terms</th><th>articles</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _neighbours_section(neighbours: pd.DataFrame | None) -> str:
    if neighbours is None or neighbours.empty:
        return ""
    rows = []
    for _, group in neighbours.groupby("article", sort=True):
        nearest = "；".join(
            f"{_e(t) or '(untitled)'} <span class=muted>{s:.2f}</span>"
            for t, s in zip(group["neighbour_title"], group["score"])
        )
        rows.append(f"<tr><td>{_e(group['title'].iloc[0])}</td><td>{nearest}</td></tr>")
    return (
        "<h2>相似文章 Nearest articles</h2>"
        "<p class=muted>Cosine similarity of the articles' TF-IDF weights.</p>"
        "<table><tr><th>article</th><th>nearest articles (cosine)</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _reuse_section(reuse: pd.DataFrame, corpus: Corpus) -> str:
    shown = min(len(reuse), _PASSAGES)
    count = f"{len(reuse)} passages" + (
        f", the {shown} longest shown" if shown < len(reuse) else ""
    )
    return (
        f"<h2>重复段落 Reused passages</h2><p class=muted>{count}: text that two articles share, "
        "copied or lightly edited (shared characters highlighted, edits in red).</p>"
        + reuse_html(reuse, corpus, max_rows=_PASSAGES)
    )


def render_report(
    corpus: Corpus, title: str = "gongwen report", findings: CorpusFindings | None = None
) -> str:
    """Render the report as one HTML string (no external files, scripts or fonts).

    `findings` are :func:`corpus_findings` of `corpus` when already computed.
    """
    n_articles = len(corpus.articles)
    if findings is None:
        findings = corpus_findings(corpus)
    # One list per article, in corpus order (to_frame's rows).
    keywords = iter(findings.keywords)
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
        _topics_section(findings.topics),
        _neighbours_section(findings.neighbours),
        _reuse_section(findings.reuse, corpus),
        *(_bulletin(b, keywords) for b in corpus.bulletins),
        _errors(corpus),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def write_report(
    corpus: Corpus,
    out: PathLike,
    title: str = "gongwen report",
    findings: CorpusFindings | None = None,
) -> Path:
    """Write :func:`render_report` to `out` (UTF-8) and return its path."""
    path = Path(as_path(out))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(corpus, title, findings), encoding="utf-8")
    return path
