"""The article table: one row per article of a corpus, and its TF-IDF matrices, each made once.

A :class:`~gongwen.Corpus` builds its :class:`ArticleTable` on first use and keeps it; the
analyses (``analysis.py`` and the report) take the table's frame and matrix instead of a
corpus, so that keywords, topics and nearest articles share one segmentation and one fit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from .vectorize import TfidfVectorizer, unfitted_copy

if TYPE_CHECKING:
    import pandas as pd
    import scipy.sparse

    from .bulletin import Bulletin
    from .document import Document

__all__ = ["ARTICLE_COLUMNS", "ArticleTable", "HasArticles", "TermMatrix", "article_texts"]

#: The columns of the article table, in order.
ARTICLE_COLUMNS = [
    "path",
    "kind",
    "publication",
    "issue",
    "date",
    "editor",
    "doc_number",
    "issuer",
    "doc_type",
    "recipients",
    "document",
    "article",
    "title",
    "author",
    "text",
    "n_chars",
]


class TermMatrix(NamedTuple):
    """The document-term matrix of the articles (one row per row of the table) and the
    vectorizer fitted to make it (its ``get_feature_names_out()`` names the columns)."""

    matrix: scipy.sparse.csr_matrix
    vectorizer: TfidfVectorizer


class ArticleTable:
    """The articles of a corpus as a table, and their TF-IDF matrices.

    Built by :attr:`Corpus.articles <gongwen.Corpus.articles>`; a corpus does not change, so
    neither does its table: the frame is made once, and the matrix once per set of vectorizer
    parameters.

    Parameters
    ----------
    frame : DataFrame
        One row per article, with at least a ``text`` column (the columns of
        :data:`ARTICLE_COLUMNS` when built from bulletins). It is kept, not copied: do not
        change it afterwards.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        if "text" not in frame.columns:
            raise ValueError(f"an article table needs a 'text' column; columns: {list(frame)}")
        self._frame = frame
        self._matrices: dict[str, tuple[Any, TermMatrix]] = {}

    @classmethod
    def from_bulletins(cls, bulletins: Iterable[Bulletin]) -> ArticleTable:
        """The table of the articles of `bulletins`, in order (see :data:`ARTICLE_COLUMNS`)."""
        from .document import document_of

        return cls.from_documents(document_of(b) for b in bulletins)

    @classmethod
    def from_documents(cls, documents: Iterable[Document]) -> ArticleTable:
        """The table of the articles of `documents`, in order (see :data:`ARTICLE_COLUMNS`)."""
        import pandas as pd

        rows = []
        for row, d in enumerate(documents):
            b = d.bulletin
            head = (
                d.path,
                d.kind,
                b.publication if b else None,
                b.issue if b else None,
                d.date,
                b.editor if b else None,
                d.doc_number,
                d.issuer,
                d.doc_type,
            )
            rows.extend(
                (*head, list(d.recipients), row, i, a.title, a.author, a.text, a.n_chars)
                for i, a in enumerate(d.articles)
            )  # fmt: skip
        frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
        frame["issue"] = frame["issue"].astype("Int64")
        for column in ("document", "article", "n_chars"):
            frame[column] = frame[column].astype("int64")
        return cls(frame)

    @property
    def frame(self) -> pd.DataFrame:
        """The table itself (shared, not a copy: read it, do not change it)."""
        return self._frame

    @property
    def texts(self) -> pd.Series:
        """The articles' texts, labelled by the rows of :attr:`frame`."""
        return self._frame["text"]

    def __len__(self) -> int:
        return len(self._frame)

    def __repr__(self) -> str:
        made = len(self._matrices)
        return (
            f"ArticleTable({len(self)} articles, {made} TF-IDF matri{'x' if made == 1 else 'ces'})"
        )

    def tfidf(self, vectorizer: TfidfVectorizer | None = None) -> TermMatrix:
        """The TF-IDF matrix of the articles, made on the first call for these parameters.

        `vectorizer` gives the parameters (default ``TfidfVectorizer(sublinear_tf=True)``, so
        that long articles do not drown short ones); a copy is fitted, and the caller's stays
        as it was. Later calls with equal parameters (``get_params()``; a ``segmenter`` counts
        by identity, so give a new one after adding words to it) return the same matrix and
        vectorizer. Raises ValueError when the table has no articles or the articles have no
        words.
        """
        if self._frame.empty:
            raise ValueError("the corpus has no articles")
        model = unfitted_copy(vectorizer)
        key, segmenter = _parameters_key(model)
        if key not in self._matrices:
            # The segmenter is kept with the entry, so that its id stays its own while it lives.
            self._matrices[key] = (segmenter, TermMatrix(model.fit_transform(self.texts), model))
        return self._matrices[key][1]


class HasArticles(Protocol):
    """What has an article table, as a :class:`~gongwen.Corpus` has: functions that take texts
    read its articles."""

    @property
    def articles(self) -> ArticleTable: ...


def article_texts(texts: Any) -> pd.Series | None:
    """The article texts of an :class:`ArticleTable` or of a corpus (anything whose
    ``articles`` is one), labelled by the table's rows; None for anything else.

    This is how the functions that take "texts" read a Corpus without importing it.
    """
    table = texts if isinstance(texts, ArticleTable) else getattr(texts, "articles", None)
    return table.texts if isinstance(table, ArticleTable) else None


def _parameters_key(vectorizer: TfidfVectorizer) -> tuple[str, Any]:
    """A key that equal parameters share (the segmenter by identity), and the segmenter."""
    params = vectorizer.get_params()
    segmenter = params.pop("segmenter")
    for unused in ("n_threads", "progress"):  # they change nothing in the matrix
        params.pop(unused)
    plain = {
        name: sorted(value) if isinstance(value, (set, frozenset)) else value
        for name, value in params.items()
    }
    key = json.dumps(
        [type(vectorizer).__name__, plain, None if segmenter is None else id(segmenter)],
        sort_keys=True,
        default=repr,
    )
    return key, segmenter
