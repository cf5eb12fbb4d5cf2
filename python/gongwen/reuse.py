"""Text reuse: the passages that pairs of documents share, verbatim or lightly edited.

The search runs in C++ on all cores with the GIL released (see ``cpp/include/gongwen/reuse.h``):
each text is normalised (punctuation and white space dropped, full-width letters and digits
folded to ASCII, letters lowercased, traditional characters optionally simplified), its
character n-grams are indexed, and every n-gram shared by two documents (and by at most
`max_df` documents in all) seeds an alignment that is extended both ways through small edits
until the texts part for good.
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from . import _core
from ._checks import check_bool, check_int, check_real, thread_count
from ._util import as_text
from .articles import article_texts

if TYPE_CHECKING:
    import pandas as pd

    from .articles import ArticleTable, HasArticles

__all__ = ["find_reuse"]

#: The columns of :func:`find_reuse`'s result, in order.
REUSE_COLUMNS = [
    "doc_a",
    "doc_b",
    "start_a",
    "end_a",
    "start_b",
    "end_b",
    "text_a",
    "text_b",
    "chars",
    "similarity",
]

TextsArg = Union[Iterable[str], "pd.Series", "ArticleTable", "HasArticles"]


def find_reuse(
    texts: TextsArg,
    min_chars: int = 30,
    *,
    ngram: int = 8,
    max_df: float = 100,
    min_similarity: float = 0.8,
    to_simplified: bool = False,
    n_threads: int | None = None,
) -> pd.DataFrame:
    """The passages that pairs of documents share: copied verbatim or lightly edited.

    Differences in punctuation, white space and line breaks are ignored, full-width and
    half-width characters are the same, and a few characters replaced, inserted or deleted (a
    word changed, a phrase added) do not break a passage. Each pair of distinct documents is
    compared once; a passage copied into several places of a document is reported for each.

    Parameters
    ----------
    texts : iterable of str, pandas.Series of str, Corpus or ArticleTable
        The documents. A Series' index labels them; a :class:`~gongwen.Corpus` (or its
        :attr:`~gongwen.Corpus.articles`) is read as one document per article, labelled by the
        row labels of :meth:`Corpus.to_frame` (join its columns on ``doc_a`` and ``doc_b`` for
        titles and authors, or use :meth:`Corpus.find_reuse`); otherwise the documents are
        labelled by their position.
    min_chars : int, default 30
        The shortest passage reported, in matched characters (see ``chars`` below).
    ngram : int, default 8
        The length of the character n-grams (shingles) that seed a passage: two documents must
        share a run of this many identical characters (punctuation and white space aside) for a
        passage to be found. Shorter n-grams find more heavily edited passages, and take longer.
        Between 3 and 64.
    max_df : int or float, default 100
        N-grams found in more documents than this (an int; a float in (0, 1] is a share of the
        documents, at least 2) do not seed passages: they are boilerplate or stock phrases. A
        passage is still found through its rarer n-grams and then extended over the common
        ones, but a passage made only of n-grams that more than `max_df` documents share (a
        standard paragraph printed in hundreds of bulletins) is not. N-grams that occur more
        than twice `max_df` times in all (a run repeated over and over within documents) do
        not seed passages either.
    min_similarity : float, default 0.8
        The lowest ``similarity`` reported, in [0, 1].
    to_simplified : bool, default False
        Compare traditional characters as their simplified forms (黨建 matches 党建).
    n_threads : int, optional
        Threads (default None: one per core).

    Returns
    -------
    pandas.DataFrame
        One row per passage, ordered by ``doc_a``, ``doc_b`` (in input order), ``start_a`` and
        ``start_b``:

        - ``doc_a``, ``doc_b``: the two documents' labels; `doc_a` comes before `doc_b` in the
          input.
        - ``start_a``, ``end_a``, ``start_b``, ``end_b``: the passage's span in each text, in
          ``str`` indices: ``texts[doc_a][start_a:end_a] == text_a``. A span starts and ends
          with a letter, digit or Han character, or with punctuation that opens or closes the
          passage in both texts alike (“《 … 。”).
        - ``text_a``, ``text_b``: the passage as written in each text.
        - ``chars``: the characters the alignment of the two passages matches (identical
          after normalisation; punctuation and white space not counted).
        - ``similarity``: `chars` divided by the length of the alignment (matched characters,
          replaced characters, and characters inserted on either side): 1.0 for a copy that
          differs only in punctuation and white space.

        No passage gives an empty frame with these columns.

    Raises
    ------
    TypeError
        For a document that is not a ``str`` (or a single ``str`` given as `texts`).
    ValueError
        For a parameter out of range.

    Examples
    --------
    >>> reuse = gongwen.find_reuse(frame["text"])  # doctest: +SKIP
    >>> reuse.join(frame[["title"]], on="doc_a")  # doctest: +SKIP
    """
    import pandas as pd

    min_chars = check_int(min_chars, "min_chars", 1)
    ngram = check_int(ngram, "ngram", 3, 64)
    min_similarity = check_real(min_similarity, "min_similarity", 0, 1)
    to_simplified = check_bool(to_simplified, "to_simplified")
    threads = thread_count(n_threads)
    documents, labels = _documents(texts)
    columns = _core.find_reuse(
        documents,
        min_chars=min_chars,
        ngram=ngram,
        max_df=_max_df_count(max_df, len(documents)),
        min_similarity=min_similarity,
        to_simplified=to_simplified,
        n_threads=threads,
    )
    doc_a, doc_b = columns["doc_a"], columns["doc_b"]
    spans = zip(doc_a.tolist(), columns["start_a"].tolist(), columns["end_a"].tolist())
    text_a = [documents[d][s:e] for d, s, e in spans]
    spans = zip(doc_b.tolist(), columns["start_b"].tolist(), columns["end_b"].tolist())
    text_b = [documents[d][s:e] for d, s, e in spans]
    if labels is not None:
        doc_a, doc_b = labels.take(doc_a).to_numpy(), labels.take(doc_b).to_numpy()
    return pd.DataFrame(
        {
            "doc_a": doc_a,
            "doc_b": doc_b,
            "start_a": columns["start_a"],
            "end_a": columns["end_a"],
            "start_b": columns["start_b"],
            "end_b": columns["end_b"],
            "text_a": pd.Series(text_a, dtype=object),
            "text_b": pd.Series(text_b, dtype=object),
            "chars": columns["chars"],
            "similarity": columns["similarity"],
        },
        columns=REUSE_COLUMNS,
    )


def _documents(texts: Any) -> tuple[list[str], pd.Index | None]:
    """The texts as a list of str for the core, and their labels (None: positions)."""
    import pandas as pd

    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of str (a list, a Series), not one str")
    articles = article_texts(texts)
    if articles is not None:
        texts = articles
    if isinstance(texts, pd.DataFrame):
        raise TypeError("texts must be a Series of str, not a DataFrame: pass frame['text']")
    if isinstance(texts, pd.Series):
        labels = texts.index
        documents = [as_text(t, f"texts[{label!r}]") for label, t in zip(labels, texts.tolist())]
        return documents, labels
    try:
        items = list(texts)
    except TypeError:
        raise TypeError(
            f"texts must be an iterable of str, a Series or a Corpus, not {type(texts).__name__}"
        ) from None
    return [as_text(t, f"texts[{i}]") for i, t in enumerate(items)], None


def _max_df_count(max_df: Any, documents: int) -> int:
    """`max_df` as a number of documents: an int (at least 2), or a share of the documents."""
    if isinstance(max_df, bool) or not isinstance(max_df, (Integral, Real)):
        raise ValueError(f"max_df must be an int or a float, not {max_df!r}")
    if isinstance(max_df, Integral):
        if max_df < 2:
            raise ValueError(f"max_df must be at least 2 documents, not {max_df!r}")
        return int(max_df)
    if not 0 < max_df <= 1:
        raise ValueError(f"a float max_df is a share of the documents, in (0, 1], not {max_df!r}")
    return max(2, int(np.floor(max_df * documents)))
