"""The articles of a corpus compared: their keywords, topics, nearest articles, shared passages.

These are the analyses behind :meth:`Corpus.keywords`, :meth:`Corpus.topics`,
:meth:`Corpus.similar_articles` and :meth:`Corpus.find_reuse` (and the report): the general
tools (:meth:`TfidfVectorizer.keywords`, :class:`TopicModel`, :func:`most_similar`,
:func:`find_reuse`) applied to an article table (one row per article, as
:attr:`Corpus.articles` makes it) and its TF-IDF matrix (:meth:`ArticleTable.tfidf`), with the
articles' titles joined to the results. They take the table and the matrix, never a corpus,
so that one matrix serves them all.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple

from ._checks import check_top_n
from .reuse import find_reuse
from .similarity import most_similar
from .topics import TopicModel

if TYPE_CHECKING:
    import pandas as pd

    from .articles import TermMatrix

__all__ = [
    "ArticleTopics",
    "article_keywords",
    "article_reuse",
    "article_topics",
    "similar_articles",
]

#: Terms that name a topic in its label.
_LABEL_TERMS = 3


class ArticleTopics(NamedTuple):
    """The topics of a corpus's articles (:meth:`Corpus.topics`).

    Attributes
    ----------
    model : TopicModel
        The fitted model; its columns are the vectorizer's keyword terms (``terms`` names them).
    terms : DataFrame
        :meth:`TopicModel.top_terms`: columns ``topic``, ``rank``, ``term``, ``weight``.
    weights : DataFrame
        One row per article (the index of :meth:`Corpus.to_frame`), one column per topic,
        labelled by its heaviest terms ("0: 党建 引领 基层"); each row sums to 1 where the
        article has any weight (NMF), so that a cell reads as a share of the article.
    labels : list of str
        The topics' labels, in topic order (the columns of `weights`).
    """

    model: TopicModel
    terms: pd.DataFrame
    weights: pd.DataFrame
    labels: list[str]

    def dominant(self) -> pd.Series:
        """Each article's heaviest topic (its label), or None for an article without weight."""
        weights = self.weights
        best = weights.idxmax(axis=1).where(weights.max(axis=1) > 0, None)
        return best.rename("topic")


def article_keywords(frame: pd.DataFrame, tfidf: TermMatrix, top_n: int = 10) -> pd.Series:
    """The `top_n` keywords of each article: :meth:`TfidfVectorizer.keywords` of the matrix,
    labelled by the rows of `frame`."""
    return tfidf.vectorizer.keywords(tfidf.matrix, top_n, index=frame.index)


def article_topics(
    frame: pd.DataFrame,
    tfidf: TermMatrix,
    n_topics: int | None = None,
    method: str = "nmf",
    *,
    top_n: int = 10,
    random_state: int | None = 0,
) -> ArticleTopics:
    """Topics of the articles, on their TF-IDF weights restricted to keyword terms.

    Stop words, numbers, punctuation and one-character words are left out of the matrix first
    (:meth:`TfidfVectorizer.keyword_mask`), so that topics are named by content words. `n_topics`
    defaults to the square root of the number of articles, between 2 and 20 (and at most the
    number of articles); `top_n` terms are listed per topic.
    """
    import pandas as pd

    top_n = check_top_n(top_n)
    mask = tfidf.vectorizer.keyword_mask()
    if not mask.any():
        raise ValueError("the articles have no content words to find topics in")
    matrix = tfidf.matrix[:, mask]
    names = tfidf.vectorizer.get_feature_names_out()[mask]
    if n_topics is None:
        n_topics = min(20, max(2, round(math.sqrt(matrix.shape[0]))), *matrix.shape)
    model = TopicModel(n_topics, method=method, random_state=random_state)
    weights = model.fit_transform(matrix)
    if method == "nmf":
        totals = weights.sum(axis=1, keepdims=True)
        weights = weights / (totals + (totals == 0))
    terms = model.top_terms(names, top_n)
    labels = [_label(topic, terms) for topic in range(model.components_.shape[0])]
    return ArticleTopics(
        model, terms, pd.DataFrame(weights, index=frame.index, columns=labels), labels
    )


def _label(topic: int, terms: pd.DataFrame) -> str:
    heaviest = terms.loc[terms["topic"] == topic, "term"].head(_LABEL_TERMS)
    return f"{topic}: " + " ".join(heaviest)


def similar_articles(
    frame: pd.DataFrame,
    tfidf: TermMatrix | None,
    top_n: int = 5,
    threshold: float | None = None,
) -> pd.DataFrame:
    """Each article's `top_n` nearest articles by the cosine of their TF-IDF rows.

    Returns a DataFrame with one row per (article, neighbour): ``article`` and ``neighbour``
    (row labels of `frame`), ``rank`` (1 for the nearest), ``score`` (the cosine), and the
    two articles' ``title`` and ``neighbour_title``. Neighbours below `threshold` are left out.
    `tfidf` may be None for a table of fewer than two articles (which have no neighbours).
    """
    import numpy as np
    import pandas as pd

    top_n = check_top_n(top_n)
    if len(frame) < 2 or tfidf is None:
        return pd.DataFrame(
            {
                "article": pd.Series([], dtype="int64"),
                "rank": pd.Series([], dtype="int64"),
                "neighbour": pd.Series([], dtype="int64"),
                "score": pd.Series([], dtype="float64"),
                "title": pd.Series([], dtype=object),
                "neighbour_title": pd.Series([], dtype=object),
            }
        )
    indices, scores = most_similar(
        tfidf.matrix, top_n=min(top_n, len(frame) - 1), threshold=threshold
    )
    rows, ranks = np.nonzero(indices >= 0)
    titles = frame["title"].to_numpy()
    neighbours = indices[rows, ranks]
    return pd.DataFrame(
        {
            "article": frame.index[rows],
            "rank": ranks + 1,
            "neighbour": frame.index[neighbours],
            "score": scores[rows, ranks].astype(float),
            "title": titles[rows],
            "neighbour_title": titles[neighbours],
        }
    )


def article_reuse(frame: pd.DataFrame, min_chars: int = 30, **options: Any) -> pd.DataFrame:
    """:func:`gongwen.find_reuse` over the articles' texts, with ``title_a`` and ``title_b``.

    ``doc_a`` and ``doc_b`` are row labels of `frame`; `options` are the keyword parameters of
    :func:`gongwen.find_reuse` (spelt out by :meth:`Corpus.find_reuse`).
    """
    reuse = find_reuse(frame["text"], min_chars, **options)
    titles = frame["title"]
    reuse["title_a"] = titles.reindex(reuse["doc_a"]).to_numpy()
    reuse["title_b"] = titles.reindex(reuse["doc_b"]).to_numpy()
    return reuse
