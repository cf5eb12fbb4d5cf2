"""HTML views of results, for notebooks and the report: reused passages side by side."""

from __future__ import annotations

import difflib
import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._checks import check_int, check_optional_int
from .articles import article_texts

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REUSE_STYLE", "reuse_html"]

#: The style sheet of :func:`reuse_html`'s tables (included in its output).
REUSE_STYLE = """
table.gw-reuse { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.gw-reuse th, table.gw-reuse td { border: 1px solid #ccc; padding: .4em .6em;
  vertical-align: top; text-align: left; line-height: 1.6; white-space: pre-wrap; }
table.gw-reuse th { background: #f3f3f3; font-weight: 600; }
table.gw-reuse .gw-context { color: #999; }
table.gw-reuse mark { background: #ffe58f; color: inherit; }
table.gw-reuse .gw-edit { background: #ffccc7; text-decoration: underline wavy #cf1322; }
"""


def reuse_html(
    reuse: pd.DataFrame,
    texts: Any = None,
    *,
    context: int = 30,
    max_rows: int | None = 20,
    max_chars: int = 2000,
) -> str:
    """Reused passages side by side, the shared text highlighted, as an HTML table.

    Each passage of `reuse` (a :func:`gongwen.find_reuse` result) becomes a row with the two
    documents' versions next to each other: the characters both versions have are highlighted
    (yellow), the characters only one has (an edit) are marked red; punctuation and spacing
    differences show as edits too. In a notebook: ``IPython.display.HTML(reuse_html(...))``.

    Parameters
    ----------
    reuse : DataFrame
        From :func:`gongwen.find_reuse` or :meth:`Corpus.find_reuse` (whose ``title_a`` and
        ``title_b`` head the columns when present).
    texts : list, Series, mapping, Corpus or ArticleTable, optional
        The texts given to ``find_reuse`` (for a Corpus, its articles): `context` characters
        around each passage are shown in grey.
    context : int, default 30
        Characters of context on each side.
    max_rows : int or None, default 20
        Passages shown, longest first (``chars``); None for all.
    max_chars : int, default 2000
        Longer passages are cut at this many characters (with "…").
    """
    context = check_int(context, "context", 0)
    max_chars = check_int(max_chars, "max_chars", 1)
    max_rows = check_optional_int(max_rows, "max_rows", 0)
    rows = reuse.sort_values("chars", ascending=False, kind="stable")
    if max_rows is not None:
        rows = rows.head(max_rows)
    lookup = _text_lookup(texts)
    body = [
        "<tr><th>{}</th><th>{}</th></tr>".format(*_headings(row))
        + "<tr>{}{}</tr>".format(*_passages(row, lookup, context, max_chars))
        for row in rows.itertuples(index=False)
    ]
    if not body:
        return '<p class="gw-reuse-none">No reused passages.</p>'
    return f"<style>{REUSE_STYLE}</style><table class=gw-reuse>{''.join(body)}</table>"


def _text_lookup(texts: Any) -> Any:
    """A function from a document label to its text (None when the texts are unknown)."""
    if texts is None:
        return lambda label: None
    articles = article_texts(texts)
    if articles is not None:
        texts = articles
    if isinstance(texts, Mapping) or hasattr(texts, "index"):
        return lambda label: texts[label]
    texts = list(texts)
    return lambda label: texts[label]


def _headings(row: Any) -> tuple[str, str]:
    shared = f"{row.chars} 字, similarity {row.similarity:.2f}"
    a, b = (getattr(row, name, None) for name in ("title_a", "title_b"))
    return (
        escape_html(f"{row.doc_a}" + (f" {a}" if a else ""))
        + f" <small>{escape_html(shared)}</small>",
        escape_html(f"{row.doc_b}" + (f" {b}" if b else "")),
    )


def _passages(row: Any, lookup: Any, context: int, max_chars: int) -> tuple[str, str]:
    """The two cells: context, the passage with shared and edited characters marked, context."""
    text_a, text_b = row.text_a[:max_chars], row.text_b[:max_chars]
    marked_a, marked_b = [], []
    matcher = difflib.SequenceMatcher(None, text_a, text_b, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        kind = "mark" if tag == "equal" else 'span class="gw-edit"'
        close = "mark" if tag == "equal" else "span"
        if a1 > a0:
            marked_a.append(f"<{kind}>{escape_html(text_a[a0:a1])}</{close}>")
        if b1 > b0:
            marked_b.append(f"<{kind}>{escape_html(text_b[b0:b1])}</{close}>")
    cut_a = "…" if len(row.text_a) > max_chars else ""
    cut_b = "…" if len(row.text_b) > max_chars else ""
    cells = []
    for doc, start, end, marked, cut in (
        (row.doc_a, row.start_a, row.end_a, marked_a, cut_a),
        (row.doc_b, row.start_b, row.end_b, marked_b, cut_b),
    ):
        before, after = _context(lookup(doc), start, end, context)
        cells.append(f"<td>{before}{''.join(marked)}{cut}{after}</td>")
    return cells[0], cells[1]


def _context(text: str | None, start: int, end: int, width: int) -> tuple[str, str]:
    if not text or width <= 0:
        return "", ""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    lead = "…" if start > width else ""
    trail = "…" if end + width < len(text) else ""
    return (
        f'<span class="gw-context">{lead}{escape_html(before)}</span>',
        f'<span class="gw-context">{escape_html(after)}{trail}</span>',
    )


def escape_html(value: object) -> str:
    """`value` as HTML text (None as nothing)."""
    return html.escape("" if value is None else str(value))
