"""The articles of a corpus compared: their topics, their nearest articles, their shared passages.

These are the analyses behind :meth:`Corpus.topics`, :meth:`Corpus.similar_articles` and
:meth:`Corpus.find_reuse` (and the report): the general tools (:class:`TopicModel`,
:func:`most_similar`, :func:`find_reuse`) applied to one row per article of
:meth:`Corpus.to_frame`, with the articles' titles joined to the results.
"""

from __future__ import annotations

import math
from numbers import Integral
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd
    import scipy.sparse

    from .corpus import Corpus
    from .topics import TopicModel
    from .vectorize import TfidfVectorizer

__all__ = [
    "ArticleTopics",
    "article_tfidf",
    "article_topics",
    "find_article_reuse",
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


def article_tfidf(
    corpus: Corpus, vectorizer: TfidfVectorizer | None = None
) -> tuple[scipy.sparse.csr_matrix, TfidfVectorizer]:
    """The TF-IDF matrix of the articles (one row per row of ``to_frame``) and its vectorizer.

    `vectorizer` gives the parameters (default ``TfidfVectorizer(sublinear_tf=True)``); a copy
    is fitted, so the caller's stays as it was. Raises ValueError for a corpus without words.
    """
    return _tfidf(corpus.to_frame()["text"], vectorizer)


def _tfidf(
    texts: pd.Series, vectorizer: TfidfVectorizer | None
) -> tuple[scipy.sparse.csr_matrix, TfidfVectorizer]:
    """article_tfidf of the articles' texts (a column of ``to_frame``, made once by the caller)."""
    from .vectorize import unfitted_copy

    if texts.empty:
        raise ValueError("the corpus has no articles")
    model = unfitted_copy(vectorizer)
    return model.fit_transform(texts), model


def article_topics(
    corpus: Corpus,
    n_topics: int | None = None,
    method: str = "nmf",
    *,
    n_terms: int = 10,
    random_state: int | None = 0,
    vectorizer: TfidfVectorizer | None = None,
) -> ArticleTopics:
    """Topics of the articles, on their TF-IDF weights restricted to keyword terms.

    Stop words, numbers, punctuation and one-character words are left out of the matrix first
    (:meth:`TfidfVectorizer.keyword_mask`), so that topics are named by content words. `n_topics`
    defaults to the square root of the number of articles, between 2 and 20 (and at most the
    number of articles).
    """
    import pandas as pd

    from .topics import TopicModel

    frame = corpus.to_frame()
    matrix, vec = _tfidf(frame["text"], vectorizer)
    mask = vec.keyword_mask()
    if not mask.any():
        raise ValueError("the articles have no content words to find topics in")
    matrix = matrix[:, mask]
    names = vec.get_feature_names_out()[mask]
    if n_topics is None:
        n_topics = min(20, max(2, round(math.sqrt(matrix.shape[0]))), *matrix.shape)
    model = TopicModel(n_topics, method=method, random_state=random_state)
    weights = model.fit_transform(matrix)
    if method == "nmf":
        totals = weights.sum(axis=1, keepdims=True)
        weights = weights / (totals + (totals == 0))
    terms = model.top_terms(names, n_terms)
    labels = [_label(topic, terms) for topic in range(model.components_.shape[0])]
    return ArticleTopics(
        model, terms, pd.DataFrame(weights, index=frame.index, columns=labels), labels
    )


def _label(topic: int, terms: pd.DataFrame) -> str:
    heaviest = terms.loc[terms["topic"] == topic, "term"].head(_LABEL_TERMS)
    return f"{topic}: " + " ".join(heaviest)


def similar_articles(
    corpus: Corpus,
    k: int = 5,
    threshold: float | None = None,
    vectorizer: TfidfVectorizer | None = None,
) -> pd.DataFrame:
    """Each article's `k` nearest articles by the cosine of their TF-IDF rows.

    Returns a DataFrame with one row per (article, neighbour): ``article`` and ``neighbour``
    (row labels of ``to_frame``), ``rank`` (1 for the nearest), ``score`` (the cosine), and the
    two articles' ``title`` and ``neighbour_title``. Neighbours below `threshold` are left out.
    """
    import numpy as np
    import pandas as pd

    from .similarity import most_similar

    _check_k(k)
    frame = corpus.to_frame()
    if len(frame) < 2:
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
    matrix, _ = _tfidf(frame["text"], vectorizer)
    indices, scores = most_similar(matrix, k=min(k, len(frame) - 1), threshold=threshold)
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


def find_article_reuse(corpus: Corpus, min_chars: int = 30, **options: Any) -> pd.DataFrame:
    """:func:`gongwen.find_reuse` over the articles, with ``title_a`` and ``title_b`` added.

    `options` are passed on (``ngram``, ``max_df``, ``min_similarity``, ``to_simplified``,
    ``n_threads``); ``doc_a`` and ``doc_b`` are row labels of ``to_frame``.
    """
    from .reuse import find_reuse

    frame = corpus.to_frame()
    reuse = find_reuse(frame["text"], min_chars, **options)  # labelled as a Corpus would be
    titles = frame["title"]
    reuse["title_a"] = titles.reindex(reuse["doc_a"]).to_numpy()
    reuse["title_b"] = titles.reindex(reuse["doc_b"]).to_numpy()
    return reuse


def _check_k(k: Any) -> None:
    if not isinstance(k, Integral) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k must be a positive integer, not {k!r}")
