"""Similar documents: exact cosine nearest neighbours of TF-IDF rows or dense topic vectors.

:func:`most_similar` finds, for every document, the ``top_n`` documents most similar to it without
ever holding the corpus-by-corpus product (memory grows with the documents times ``top_n``);
:func:`similarity_matrix` gives every pairwise cosine of a small corpus as a labelled DataFrame.
Both compute in C++ on all cores, the GIL released, and give the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._checks import check_real, check_top_n, thread_count
from ._util import csr_for_core

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["most_similar", "similarity_matrix"]

#: The most rows :func:`similarity_matrix` takes: 5,000 rows make 25 million cells (100 MB of
#: float32, 200 MB of float64), about what a DataFrame is still handy at.
MATRIX_MAX_ROWS = 5000


def most_similar(
    X: Any,
    top_n: int = 10,
    Y: Any = None,
    threshold: float | None = None,
    n_threads: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The `top_n` rows of `X` most cosine-similar to each row of `X` (or of `Y`), exactly.

    Parameters
    ----------
    X : scipy sparse matrix or 2-D array-like
        The corpus, one row per document: TF-IDF rows (e.g. from
        :meth:`gongwen.TfidfVectorizer.fit_transform`) or dense vectors (topic proportions,
        embeddings; a numpy array or a DataFrame). Rows need not be normalised; `X` is not
        modified. float32 stays float32; other types are read as float64.
    top_n : int, default 10
        Neighbours per row, at least 1.
    Y : scipy sparse matrix or 2-D array-like, optional
        Queries with the columns of `X` (e.g. ``vectorizer.transform(new_texts)``): the
        neighbours of each row of `Y` among the rows of `X`. Without it, the queries are the
        rows of `X`, and a row is never its own neighbour (an identical row elsewhere is, with
        score 1). When `X` or `Y` is sparse, both are taken as sparse.
    threshold : float, optional
        Keep only neighbours whose score is at least this (compared in the scores' dtype, as
        ``scores >= threshold`` in numpy). Default: keep the `top_n` best whatever their score.
    n_threads : int, optional
        Threads to use (default: one per core).

    Returns
    -------
    indices : ndarray of int64, shape (n_queries, top_n)
        Row ``q``: the rows of `X` most similar to query ``q``, most similar first. Equal scores
        come in ascending row order. Where fewer than `top_n` rows qualify (`X` is small, or
        `threshold` leaves fewer), the row is padded with -1.
    scores : ndarray, shape (n_queries, top_n)
        Their cosine similarities, NaN where the index is -1. float32 when `X` (and `Y`) are
        float32, else float64.

    Notes
    -----
    The cosine is ``x.y / (|x| |y|)``, computed in double precision from the values as given
    and rounded to the scores' dtype; it is 0 when either row is all zeros, so a row of zeros
    has every other row as a candidate at score 0 (and its neighbours are the first `top_n` rows).
    Every row of `X` is a candidate, including rows sharing no term with the query (score 0),
    which rank above rows with a negative score (signed features, e.g. a
    :class:`~gongwen.HashingVectorizer`'s).

    Sparse rows are searched through an inverted index of `X`, with one accumulator of dot
    products per thread; dense rows by blocked matrix products. Both are exact: the results
    are those of computing every cosine and sorting them stably (the tests check this against
    scikit-learn's ``cosine_similarity``).

    Examples
    --------
    >>> vec = gongwen.TfidfVectorizer(stop_words="zh")
    >>> X = vec.fit_transform(frame["text"])
    >>> indices, scores = gongwen.most_similar(X, top_n=5)
    >>> frame["title"].iloc[indices[0]]  # the five articles closest to the first
    """
    k = check_top_n(top_n)
    threshold = None if threshold is None else check_real(threshold, "threshold", finite=False)
    threads = thread_count(n_threads)
    corpus = _rows(X, "X")
    if Y is None:
        if isinstance(corpus, np.ndarray):
            return _core.most_similar_dense(corpus, k, threshold, threads)
        return _core.most_similar_sparse(corpus, k, threshold, threads)
    queries = _rows(Y, "Y")
    if queries.shape[1] != corpus.shape[1]:
        raise ValueError(
            f"Y has {queries.shape[1]} columns and X {corpus.shape[1]}: the queries need the "
            "corpus's columns (transform them with the vectorizer fitted on X)"
        )
    corpus, queries = _same_kind(corpus, queries)
    if isinstance(corpus, np.ndarray):
        return _core.most_similar_dense_queries(corpus, queries, k, threshold, threads)
    return _core.most_similar_sparse_queries(corpus, queries, k, threshold, threads)


def similarity_matrix(X: Any, labels: Sequence[Any] | None = None) -> pd.DataFrame:
    """Every pairwise cosine similarity of the rows of a small corpus, as a labelled DataFrame.

    Parameters
    ----------
    X : scipy sparse matrix or 2-D array-like
        At most :data:`MATRIX_MAX_ROWS` (5,000) rows, as for :func:`most_similar`; for larger
        corpora, :func:`most_similar` finds the neighbours without holding every pair.
    labels : sequence, optional
        One label per row (titles, say), used as both index and columns. Default: the index of
        `X` when it is a DataFrame, else 0, 1, 2...

    Returns
    -------
    DataFrame
        ``n x n``: the cosine of rows ``i`` and ``j`` at ``[i, j]``, the same numbers
        :func:`most_similar` gives; 1 on the diagonal (up to rounding), except for rows of
        zeros, whose cosines are all 0. float32 when `X` is float32, else float64.

    Raises
    ------
    ValueError
        When `X` has more than :data:`MATRIX_MAX_ROWS` rows, or `labels` is not one per row.
    """
    import pandas as pd

    if labels is None and isinstance(X, pd.DataFrame):
        labels = X.index
    rows = _rows(X, "X")
    n = rows.shape[0]
    if n > MATRIX_MAX_ROWS:
        raise ValueError(
            f"X has {n:,} rows: similarity_matrix holds every pair, and takes at most "
            f"{MATRIX_MAX_ROWS:,} rows; most_similar(X, top_n) finds the nearest rows of any corpus"
        )
    if labels is not None:
        if isinstance(labels, (str, bytes)):
            raise TypeError("labels must be a sequence of labels, not a str")
        labels = pd.Index(labels)
        if len(labels) != n:
            raise ValueError(f"{len(labels)} labels for {n} rows")
    threads = thread_count(None)
    if isinstance(rows, np.ndarray):
        cosines = _core.cosine_similarities_dense(rows, threads)
    else:
        cosines = _core.cosine_similarities_sparse(rows, threads)
    return pd.DataFrame(cosines, index=labels, columns=labels)


# -- arguments -----------------------------------------------------------------------------------


def _rows(X: Any, name: str) -> Any:
    """`X` as the core reads it: a canonical CSR matrix (float32 or float64 data, int32
    indices) or a C-contiguous 2-D float32 or float64 array."""
    import scipy.sparse

    if scipy.sparse.issparse(X):
        if X.ndim != 2:
            raise ValueError(f"{name} must be 2-D, not of shape {X.shape}")
        return _csr(csr_for_core(X))
    if isinstance(X, (str, bytes)) or X is None:
        raise TypeError(
            f"{name} must be a scipy sparse matrix or a 2-D array, not {type(X).__name__}"
        )
    array = np.asarray(X)
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be 2-D (one row per document), not of shape {array.shape}; "
            "for one document, pass X[None, :] or X.reshape(1, -1)"
        )
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold numbers, not {array.dtype}")
    dtype = np.float32 if array.dtype == np.float32 else np.float64
    return np.ascontiguousarray(array, dtype=dtype)


def _csr(matrix: Any) -> Any:
    """`matrix` (canonical CSR from csr_for_core) with C-contiguous buffers of int32 indices,
    so that the core's overload for its dtype takes it without converting anything."""
    import scipy.sparse

    indices = np.ascontiguousarray(matrix.indices, dtype=np.int32)
    indptr = np.ascontiguousarray(matrix.indptr, dtype=np.int32)
    data = np.ascontiguousarray(matrix.data)
    if indices is matrix.indices and indptr is matrix.indptr and data is matrix.data:
        return matrix
    return scipy.sparse.csr_matrix((data, indices, indptr), shape=matrix.shape, copy=False)


def _same_kind(corpus: Any, queries: Any) -> tuple[Any, Any]:
    """Both sparse when either is, and of one dtype (float64 unless both are float32)."""
    import scipy.sparse

    dense_corpus, dense_queries = (isinstance(m, np.ndarray) for m in (corpus, queries))
    if dense_corpus != dense_queries:
        if dense_corpus:
            corpus = _csr(csr_for_core(scipy.sparse.csr_matrix(corpus)))
        else:
            queries = _csr(csr_for_core(scipy.sparse.csr_matrix(queries)))
    if corpus.dtype != queries.dtype:
        corpus, queries = (
            m.astype(np.float64) if isinstance(m, np.ndarray) else _csr(m.astype(np.float64))
            for m in (corpus, queries)
        )
    return corpus, queries
