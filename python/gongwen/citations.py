"""The citations between the documents of a corpus: a table of mentions, each matched to the
cited document when the corpus holds it, and the graph of who cites whom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import _core

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .document import Document

__all__ = ["CITATION_COLUMNS", "citation_graph", "citation_table"]

#: The columns of :meth:`Corpus.citations <gongwen.Corpus.citations>`.
CITATION_COLUMNS = [
    "doc", "path", "cited_number", "cited_title", "start", "end", "target", "matched_by", "self",
]  # fmt: skip


def _targets(documents: Sequence[Document]) -> tuple[dict[str, int], dict[str, int]]:
    """The documents by the key of their 文号 and by the key of their titles: the document's
    own, and those of the texts attached to it (a 通知 that 印发 a 办法 holds the 办法). The
    first document of each key is kept: a corpus may hold two copies of one document."""
    by_number: dict[str, int] = {}
    by_title: dict[str, int] = {}
    for row, d in enumerate(documents):
        if d.number is not None:
            by_number.setdefault(d.number.key, row)
        if d.title:
            by_title.setdefault(_core.title_key(d.title), row)
    for row, d in enumerate(documents):  # attached texts after every document's own title
        for a in d.articles[1:] if d.kind == "official" else ():
            if a.title:
                by_title.setdefault(_core.title_key(a.title), row)
    return by_number, by_title


def citation_table(documents: Sequence[Document]) -> pd.DataFrame:
    """One row per citation of `documents` (see :data:`CITATION_COLUMNS`)."""
    import pandas as pd

    by_number, by_title = _targets(documents)
    rows = []
    for row, d in enumerate(documents):
        for c in d.citations:
            target = by_number.get(c.number.key) if c.number is not None else None
            matched_by = "number" if target is not None else None
            if target is None and c.title:
                target = by_title.get(_core.title_key(c.title))
                matched_by = "title" if target is not None else None
            number = c.number.text if c.number is not None else None
            rows.append(
                (row, d.path, number, c.title, c.start, c.end, target, matched_by, target == row)
            )
    frame = pd.DataFrame(rows, columns=CITATION_COLUMNS)
    for column in ("doc", "start", "end"):
        frame[column] = frame[column].astype("int64")
    frame["target"] = frame["target"].astype("Int64")
    frame["self"] = frame["self"].astype(bool)
    return frame


def citation_graph(documents: Sequence[Document], citations: pd.DataFrame) -> nx.DiGraph:
    """The documents as nodes, an edge per (citing, cited) pair with its ``mentions``; a
    document's mentions of itself (its own title, its attachments) make no edge."""
    try:
        import networkx as nx
    except ImportError as e:  # an optional dependency: say how to get it
        raise ImportError(
            "citation_graph needs networkx: pip install networkx (or gongwen[graph])"
        ) from e
    graph = nx.DiGraph()
    for row, d in enumerate(documents):
        graph.add_node(
            row,
            title=d.title,
            kind=d.kind,
            doc_number=d.doc_number,
            issuer=d.issuer,
            date=d.date,
            path=d.path,
        )
    matched = citations[citations["target"].notna() & ~citations["self"]]
    for (source, target), group in matched.groupby(["doc", "target"]):
        graph.add_edge(int(source), int(target), mentions=len(group))
    return graph
