"""A self-contained HTML report of a corpus.

The article table; the official documents (公文) and the citations between the documents; the
corpus compared (topics, each article's nearest articles, passages that articles share); then
each document's fields and structure with its articles' keywords.
"""

from __future__ import annotations

import datetime
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ._util import PathLike, as_path
from .bulletin import Article, Bulletin
from .corpus import Corpus
from .display import escape_html as _e
from .display import reuse_html
from .document import Document

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import ArticleTopics

__all__ = ["CorpusFindings", "corpus_findings", "render_report", "write_report"]

#: Keywords per article, nearest articles per article, and reused passages shown in the report.
_KEYWORDS, _NEIGHBOURS, _PASSAGES = 12, 3, 30

#: Documents cited from outside the corpus: at most this many rows, the most cited first.
_OUTSIDE = 20

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


def _date(d: datetime.date | None) -> str | None:
    return d.isoformat() if d else None


def _joined(values: Sequence[str], sep: str = "、") -> str | None:
    return sep.join(values) or None


def _official_rows(d: Document) -> list[tuple[str, str | None]]:
    """The fields of an official document (GB/T 9704-2012), as printed."""
    printed = " ".join(v for v in (d.printed_by, _date(d.printed_date)) if v)
    return [
        ("文号 doc_number", d.doc_number),
        ("文种 doc_type", d.doc_type),
        ("发文机关 issuer", d.issuer),
        ("发文机关标志 issuer_marks", _joined(d.issuer_marks)),
        ("份号 copy_number", d.copy_number),
        ("密级 secrecy", d.secrecy),
        ("紧急程度 urgency", d.urgency),
        ("签发人 signers", _joined(d.signers)),
        ("主送 recipients", _joined(d.recipients)),
        ("署名 signatories", _joined(d.signatories)),
        ("成文日期 date", _date(d.date)),
        ("附注 notes", _joined(d.notes, "；")),
        ("附件 attachments", _joined(d.attachments, "；")),
        ("抄送 cc", _joined(d.cc)),
        ("印发 printed", printed or None),
        ("不符 conflicts", _joined(d.conflicts, "；")),
    ]


def _fields(d: Document, b: Bulletin) -> str:
    """The document's kind and the evidence for it, then its bulletin or official fields."""
    rows: list[tuple[str, str | None]] = [
        ("类型 kind", d.kind),
        ("依据 evidence", _joined(d.evidence, "；")),
    ]
    if d.kind == "official":
        rows += _official_rows(d)
    else:
        rows += [
            ("刊名 publication", b.publication),
            ("期号 issue", b.issue),
            ("总期号 issue_total", b.issue_total),
            ("编印 editor", b.editor),
            ("日期 date", _date(b.date)),
            ("密级 notices", _joined(b.notices)),
            ("印数 copies", b.copies),
        ]
    rows.append(("编码 encoding", b.encoding))
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


def _title(d: Document, b: Bulletin) -> str:
    """A document's heading: a bulletin's name and issue, else its title, else its file name."""
    if b.publication and b.issue:
        return f"{b.publication} 第{b.issue}期"
    return d.title or (Path(d.path).name if d.path else "(text)")


def _link(row: int, text: str) -> str:
    """`text` (escaped) linked to the document's own part of the report."""
    return f'<a href="#doc-{row}">{_e(text)}</a>'


def _document(
    row: int, d: Document, b: Bulletin, keywords: Iterator[list[tuple[str, float]]]
) -> str:
    parts = [
        f'<h2 id="doc-{row}">{_e(_title(d, b))}</h2>',
        f"<p class=muted>{_e(d.path)}</p>",
        _fields(d, b),
    ]
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
    if "recipients" in frame:
        frame["recipients"] = frame["recipients"].map(lambda r: "、".join(r) if r else None)
    return frame.to_html(index=False, na_rep="", escape=True, border=0)


def _official_section(corpus: Corpus) -> str:
    """The table of the corpus's official documents; nothing when it holds none."""
    rows = []
    for row, d in enumerate(corpus.documents):
        if d.kind != "official":
            continue
        cells = [
            _link(row, d.title or Path(d.path or "").name or "(untitled)"),
            _e(d.doc_number),
            _e(d.doc_type),
            _e(d.issuer),
            _e(_date(d.date)),
            _e(_joined(d.recipients)),
            str(len(d.articles) - 1),
            _e(_joined(d.notes, "；")),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    if not rows:
        return ""
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "标题 title",
            "文号 doc_number",
            "文种 doc_type",
            "发文机关 issuer",
            "成文日期 date",
            "主送 recipients",
            "附件 attachments",
            "附注 notes",
        )
    )
    return (
        f"<h2>公文 Official documents ({len(rows)})</h2>"
        "<p class=muted>The documents read as 公文 (GB/T 9704-2012), field by field; "
        "附件 counts the texts attached after the body.</p>"
        f"<table><tr>{head}</tr>{''.join(rows)}</table>"
    )


def _cited_as(number: str | None, title: str | None) -> str:
    """A citation as printed: 《title》（文号）, or either alone."""
    shown = f"《{title}》" if title else ""
    return f"{shown}（{number}）" if shown and number else shown or (number or "")


def _citations_section(corpus: Corpus) -> str:
    """The citations between the corpus's documents, and the documents cited from outside it;
    nothing when no document cites any."""
    citations = corpus.citations()
    if citations.empty:
        return ""
    documents = corpus.documents
    inside = citations[citations["target"].notna() & ~citations["self"]]
    rows = []
    for c in inside.itertuples():
        source, target = documents[c.doc], documents[c.target]
        rows.append(
            f"<tr><td>{_link(c.doc, source.title or '(untitled)')}</td>"
            f"<td>{_e(_cited_as(c.cited_number, c.cited_title))}</td>"
            f"<td>{_link(int(c.target), target.title or '(untitled)')}</td>"
            f"<td>{_e(target.doc_number)}</td></tr>"
        )
    if rows:
        within = (
            "<table><tr><th>引用文件 citing</th><th>引用 cited as</th><th>被引文件 cited</th>"
            "<th>文号 doc_number</th></tr>" + "".join(rows) + "</table>"
        )
    else:
        within = "<p>None of the corpus's documents cites another.</p>"
    outside: Counter[str] = Counter()
    citing: dict[str, set[int]] = {}
    for c in citations[citations["target"].isna()].itertuples():
        number = c.cited_number if isinstance(c.cited_number, str) else None
        title = c.cited_title if isinstance(c.cited_title, str) else None
        label = _cited_as(number, title)
        outside[label] += 1
        citing.setdefault(label, set()).add(c.doc)
    top = sorted(outside.items(), key=lambda item: (-item[1], item[0]))[:_OUTSIDE]
    shown = f", the {len(top)} most cited shown" if len(top) < len(outside) else ""
    table = "".join(
        f"<tr><td>{_e(label)}</td><td>{n}</td><td>{len(citing[label])}</td></tr>"
        for label, n in top
    )
    if table:
        table = (
            "<table><tr><th>引用 cited as</th><th>mentions</th><th>documents</th></tr>"
            f"{table}</table>"
        )
    return (
        f"<h2>引用 Citations ({len(citations)})</h2>"
        "<p class=muted>Documents cited by 文号 or by title in 《》; a citation is matched to a "
        "document of the corpus by its 文号 (any printing of it), else by its title.</p>"
        f"<h3>Within the corpus ({len(inside)})</h3>{within}"
        f"<h3>Outside the corpus ({sum(outside.values())} citations of {len(outside)} "
        f"documents{shown})</h3>"
        "<p class=muted>Mentions of a document's own title, 文号 or attached texts are left "
        f"out.</p>{table}"
    )


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
    kinds = Counter(d.kind for d in corpus.documents).most_common()
    named = f" ({', '.join(f'{n} {kind}' for kind, n in kinds)})" if kinds else ""
    summary = (
        f"<p>{len(corpus)} documents{_e(named)}, {n_articles} articles, "
        f"{len(corpus.errors)} skipped files. "
        f"<span class=muted>Generated {generated} by gongwen.</span></p>"
    )
    body = [
        f"<h1>{_e(title)}</h1>",
        summary,
        "<h2>文章一览 Articles</h2>",
        _article_table(corpus),
        _official_section(corpus),
        _citations_section(corpus),
        _topics_section(findings.topics),
        _neighbours_section(findings.neighbours),
        _reuse_section(findings.reuse, corpus),
        *(_document(row, d, d.as_bulletin(), keywords) for row, d in enumerate(corpus.documents)),
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
