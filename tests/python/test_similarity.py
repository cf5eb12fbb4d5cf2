"""most_similar and similarity_matrix against brute force (scikit-learn's cosine_similarity and a
stable sort), and their own behaviour: padding, ties, thresholds, input types, errors."""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pytest
import scipy.sparse
from sklearn.metrics.pairwise import cosine_similarity
from testdata import SAMPLE

import gongwen


def brute_force(
    X: object, k: int, Y: object = None, threshold: float | None = None, dtype: type = np.float32
) -> tuple[np.ndarray, np.ndarray]:
    """Every cosine by scikit-learn (in float64), rounded to `dtype` as gongwen documents, the
    candidates (all rows of X but the query itself when Y is None) stably sorted by score."""
    X = as_float64(X)
    cosines = cosine_similarity(as_float64(Y) if Y is not None else X, X)
    cosines = cosines.astype(dtype) + dtype(0)  # rounded; -0 becomes 0
    n_queries, n = cosines.shape
    indices = np.full((n_queries, k), -1, np.int64)
    scores = np.full((n_queries, k), np.nan, dtype)
    for q in range(n_queries):
        keep = np.ones(n, bool)
        if Y is None:
            keep[q] = False
        if threshold is not None:
            keep &= cosines[q] >= dtype(threshold)
        candidates = np.flatnonzero(keep)
        order = np.argsort(-cosines[q, candidates], kind="stable")[:k]
        indices[q, : len(order)] = candidates[order]
        scores[q, : len(order)] = cosines[q, candidates[order]]
    return indices, scores


def as_float64(X: object) -> object:
    if scipy.sparse.issparse(X):
        return X.astype(np.float64)
    return np.asarray(X, dtype=np.float64)


def assert_same(ours: tuple[np.ndarray, np.ndarray], theirs: tuple[np.ndarray, np.ndarray]) -> None:
    """Same indices in the same order, same scores (NaN where both pad)."""
    (indices, scores), (expected_indices, expected_scores) = ours, theirs
    assert indices.dtype == np.int64
    assert scores.dtype == expected_scores.dtype
    assert indices.shape == scores.shape == expected_indices.shape
    np.testing.assert_array_equal(indices, expected_indices)
    np.testing.assert_array_equal(scores, expected_scores)


def assert_same_up_to_ties(
    ours: tuple[np.ndarray, np.ndarray], X: object, k: int, tolerance: float = 1e-12
) -> None:
    """For float64 scores, where scores that are equal in exact arithmetic may differ in their
    last bit between two ways of computing them: the scores are the k best (to `tolerance`),
    each belongs to its index, and equal scores come in ascending index order."""
    indices, scores = ours
    cosines = cosine_similarity(X, X)
    np.fill_diagonal(cosines, -np.inf)
    best = -np.sort(-cosines, axis=1)[:, :k]
    np.testing.assert_allclose(scores, best, rtol=0, atol=tolerance)
    for q in range(indices.shape[0]):
        assert len(set(indices[q])) == k and q not in indices[q]
        np.testing.assert_allclose(cosines[q, indices[q]], scores[q], rtol=0, atol=tolerance)
        for i in range(k - 1):
            assert scores[q, i] > scores[q, i + 1] or indices[q, i] < indices[q, i + 1]


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    frame = gongwen.Corpus.from_paths(SAMPLE).to_frame()
    return [p for text in frame["text"] for p in text.split("\n") if p.strip()]


@pytest.fixture(scope="module")
def tfidf(paragraphs: list[str]) -> scipy.sparse.csr_matrix:
    """The TF-IDF rows of the sample corpus's paragraphs (float32, with repeated paragraphs)."""
    return gongwen.TfidfVectorizer().fit_transform(paragraphs)


def binary_matrix(rows: int, cols: int, density: float, seed: int) -> scipy.sparse.csr_matrix:
    """Random 0/1 entries: few distinct cosines, so ties everywhere."""
    rng = np.random.default_rng(seed)
    return scipy.sparse.csr_matrix((rng.random((rows, cols)) < density).astype(np.float32))


# -- exactness -----------------------------------------------------------------------------------


@pytest.mark.parametrize("k", [1, 5, 10, 300])
@pytest.mark.parametrize("n_threads", [1, 2])
def test_binary_sparse_rows_with_ties_equal_brute_force(k: int, n_threads: int) -> None:
    X = binary_matrix(250, 25, 0.15, seed=1)
    assert_same(gongwen.most_similar(X, k, n_threads=n_threads), brute_force(X, k))


def test_binary_float64_rows_equal_brute_force_up_to_ties() -> None:
    X = binary_matrix(200, 20, 0.2, seed=2).astype(np.float64)
    indices, scores = gongwen.most_similar(X, 8)
    assert scores.dtype == np.float64
    assert_same_up_to_ties((indices, scores), X, 8)


def test_tfidf_of_the_sample_paragraphs_equals_brute_force(tfidf: scipy.sparse.csr_matrix) -> None:
    assert tfidf.dtype == np.float32 and tfidf.shape[0] > 500
    ours = gongwen.most_similar(tfidf, 10)
    assert_same(ours, brute_force(tfidf, 10))
    # Repeated paragraphs (the same sentence in two bulletins) are each other's best neighbour.
    assert (ours[1][:, 0] == 1).any()


def test_tfidf_queries_against_the_sample_paragraphs(
    paragraphs: list[str], tfidf: scipy.sparse.csr_matrix
) -> None:
    vectorizer = gongwen.TfidfVectorizer().fit(paragraphs)
    queries = vectorizer.transform(["加强基层党组织建设", "乡村振兴", paragraphs[3], "无关"])
    ours = gongwen.most_similar(tfidf, 7, Y=queries)
    assert_same(ours, brute_force(tfidf, 7, Y=queries))
    # A paragraph of the corpus, given as a query, finds itself (first, or tied with a repeat of
    # it): nothing is excluded.
    found = list(ours[0][2])
    assert 3 in found and ours[1][2, found.index(3)] == ours[1][2, 0]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dense_vectors_equal_brute_force(dtype: type) -> None:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(1500, 12)).astype(dtype)  # more rows than a block of the product
    ours = gongwen.most_similar(X, 6)
    if dtype == np.float32:
        assert_same(ours, brute_force(X, 6))
    else:
        assert_same_up_to_ties(ours, X, 6)


def test_dense_queries_equal_brute_force() -> None:
    rng = np.random.default_rng(4)
    X, Y = rng.random((300, 8), dtype=np.float32), rng.random((40, 8), dtype=np.float32)
    assert_same(gongwen.most_similar(X, 5, Y=Y), brute_force(X, 5, Y=Y))


@pytest.mark.parametrize("threshold", [0.9, 0.5, 0.0, -0.2, 1.0])
def test_threshold_keeps_scores_at_or_above_it(threshold: float) -> None:
    X = binary_matrix(120, 10, 0.3, seed=5)
    ours = gongwen.most_similar(X, 12, threshold=threshold)
    assert_same(ours, brute_force(X, 12, threshold=threshold))
    assert (ours[1][ours[0] >= 0] >= threshold).all()
    dense = gongwen.most_similar(X.toarray(), 12, threshold=threshold)
    np.testing.assert_array_equal(dense[0], ours[0])


def test_threshold_above_every_score_leaves_only_padding() -> None:
    indices, scores = gongwen.most_similar(binary_matrix(10, 5, 0.5, seed=6), 3, threshold=1.5)
    assert (indices == -1).all() and np.isnan(scores).all()


# -- shapes, padding, ties -----------------------------------------------------------------------


def test_k_larger_than_the_corpus_is_padded() -> None:
    X = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    indices, scores = gongwen.most_similar(X, top_n=5)
    assert indices.shape == scores.shape == (3, 5)
    np.testing.assert_array_equal(indices[:, 2:], -1)
    assert np.isnan(scores[:, 2:]).all()
    np.testing.assert_array_equal(indices[:, :2], [[1, 2], [0, 2], [1, 0]])
    np.testing.assert_allclose(scores[0, :2], [np.sqrt(0.5), 0.0])


def test_empty_corpus_and_one_row() -> None:
    empty = scipy.sparse.csr_matrix((0, 4), dtype=np.float32)
    indices, scores = gongwen.most_similar(empty, 3)
    assert indices.shape == scores.shape == (0, 3)
    assert scores.dtype == np.float32
    indices, scores = gongwen.most_similar(np.zeros((0, 4)), 3)
    assert indices.shape == (0, 3)
    # Queries against an empty corpus: nothing to find.
    queries = scipy.sparse.csr_matrix(np.ones((2, 4), np.float32))
    indices, scores = gongwen.most_similar(empty, 3, Y=queries)
    assert (indices == -1).all() and np.isnan(scores).all()
    # One row has no other row to be its neighbour.
    indices, scores = gongwen.most_similar(queries[:1], 2)
    np.testing.assert_array_equal(indices, [[-1, -1]])


def test_identical_rows_tie_in_index_order() -> None:
    rng = np.random.default_rng(7)
    X = rng.random((30, 6))
    X[[4, 12, 25]] = X[9]
    X[18] = 2.5 * X[9]  # same direction, another length
    for matrix in (X, scipy.sparse.csr_matrix(X)):
        # In float64 the copies tie exactly; the longer row's cosine, 1 in exact arithmetic,
        # may differ from theirs in the last bit.
        indices, scores = gongwen.most_similar(matrix, 4)
        copies = [i for i in indices[9] if i != 18]
        assert copies == [4, 12, 25] and 18 in indices[9]
        assert scores[9, 0] == scores[9, 1] == scores[9, 2] or 18 in indices[9, :3]
        np.testing.assert_allclose(scores[9], 1.0, atol=1e-12)
        # In float32 all four round to 1 and come in index order.
        indices, scores = gongwen.most_similar(matrix.astype(np.float32), 4)
        np.testing.assert_array_equal(indices[9], [4, 12, 18, 25])
        np.testing.assert_array_equal(indices[12], [4, 9, 18, 25])
        np.testing.assert_array_equal(scores[9], np.ones(4, np.float32))


def test_rows_of_zeros_have_cosine_zero() -> None:
    X = scipy.sparse.csr_matrix(np.array([[0, 0, 0], [1, 0, 0], [0, 0, 0], [0, 2, 0]], np.float32))
    indices, scores = gongwen.most_similar(X, 3)
    # A row of zeros scores 0 with everything: its neighbours are the first other rows.
    np.testing.assert_array_equal(indices[0], [1, 2, 3])
    np.testing.assert_array_equal(scores[0], [0, 0, 0])
    # Row 1 shares nothing with any row: all score 0, in index order.
    np.testing.assert_array_equal(indices[1], [0, 2, 3])
    assert_same((indices, scores), brute_force(X, 3))


def test_rows_sharing_nothing_rank_above_negative_ones() -> None:
    # Signed features (a HashingVectorizer's): cosines can be negative, below the zeros.
    X = scipy.sparse.csr_matrix(np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0]]))
    indices, scores = gongwen.most_similar(X, 2)
    np.testing.assert_array_equal(indices[0], [2, 1])
    np.testing.assert_array_equal(scores[0], [0.0, -1.0])


def test_memory_does_not_grow_with_pairs() -> None:
    # 100,000 rows: their 10^10 pairs would not fit in memory, their neighbours do. Row i holds
    # one term, i % 1000, so each shares it with 99 others.
    n = 100_000
    X = scipy.sparse.csr_matrix(
        (np.ones(n, np.float32), np.arange(n) % 1000, np.arange(n + 1)), shape=(n, 1000)
    )
    indices, scores = gongwen.most_similar(X, 3)
    assert indices.shape == (n, 3)
    np.testing.assert_array_equal(indices[0], [1000, 2000, 3000])
    np.testing.assert_array_equal(indices[5005], [5, 1005, 2005])
    assert (scores == 1).all()


# -- inputs --------------------------------------------------------------------------------------


def test_the_callers_matrix_is_left_alone() -> None:
    X = binary_matrix(50, 10, 0.3, seed=8) * 3
    before = X.copy()
    gongwen.most_similar(X, 5)
    gongwen.similarity_matrix(X)
    assert (before != X).nnz == 0
    dense = np.arange(20.0).reshape(5, 4)
    gongwen.most_similar(dense, 2)
    np.testing.assert_array_equal(dense, np.arange(20.0).reshape(5, 4))


def test_input_types() -> None:
    X = np.array([[1, 0, 2], [0, 1, 1], [3, 0, 0], [1, 1, 1]])
    expected = brute_force(X.astype(np.float64), 2, dtype=np.float64)
    for matrix in (
        X,  # int: read as float64
        X.tolist(),
        pd.DataFrame(X),
        np.asfortranarray(X.astype(np.float64)),
        np.repeat(X, 2, axis=1)[:, ::2],  # not contiguous
        scipy.sparse.csr_matrix(X),
        scipy.sparse.csc_matrix(X.astype(np.float64)),
        scipy.sparse.coo_array(X.astype(np.float64)),
    ):
        indices, scores = gongwen.most_similar(matrix, 2)
        np.testing.assert_array_equal(indices, expected[0])
        np.testing.assert_allclose(scores, expected[1], rtol=1e-12)
        assert scores.dtype == np.float64


def test_int64_indices_keep_float64_precision() -> None:
    X = scipy.sparse.csr_matrix(np.array([[1.0, 1e-4, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 3.0]]))
    X.indices, X.indptr = X.indices.astype(np.int64), X.indptr.astype(np.int64)
    indices, scores = gongwen.most_similar(X, 1)
    assert scores.dtype == np.float64
    # Their cosine, 1 - 5e-9, rounds to 1 in float32, not in float64.
    assert scores[0, 0] < 1


def test_sparse_and_dense_mixed() -> None:
    X = binary_matrix(60, 8, 0.4, seed=9)
    Y = np.random.default_rng(10).random((5, 8)).astype(np.float32)
    expected = brute_force(X, 4, Y=Y)
    assert_same(gongwen.most_similar(X, 4, Y=Y), expected)
    assert_same(gongwen.most_similar(X.toarray(), 4, Y=scipy.sparse.csr_matrix(Y)), expected)
    # float32 with float64: float64.
    indices, scores = gongwen.most_similar(X, 4, Y=Y.astype(np.float64))
    assert scores.dtype == np.float64
    np.testing.assert_array_equal(indices, expected[0])


def test_threads_give_the_same_result(tfidf: scipy.sparse.csr_matrix) -> None:
    one = gongwen.most_similar(tfidf, 5, n_threads=1)
    for n_threads in (2, 3, None):
        assert_same(gongwen.most_similar(tfidf, 5, n_threads=n_threads), one)


def test_python_threads_run_it_concurrently(tfidf: scipy.sparse.csr_matrix) -> None:
    # The GIL is released during the search: calls from several Python threads interleave and
    # each gets the whole, right answer.
    expected = gongwen.most_similar(tfidf, 5, n_threads=1)
    results: list[tuple[np.ndarray, np.ndarray]] = []

    def run() -> None:
        results.append(gongwen.most_similar(tfidf, 5, n_threads=1))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    for result in results:
        assert_same(result, expected)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"top_n": 0}, ValueError, "top_n must be an int >= 1"),
        ({"top_n": 2.5}, ValueError, "top_n must be an int >= 1"),
        ({"top_n": True}, ValueError, "top_n must be an int >= 1"),
        ({"threshold": float("nan")}, ValueError, "threshold"),
        ({"threshold": "0.5"}, ValueError, "threshold"),
        ({"n_threads": 0}, ValueError, "n_threads"),
        ({"Y": np.ones((2, 3))}, ValueError, "Y has 3 columns and X 4"),
        ({"Y": scipy.sparse.csr_matrix((2, 5))}, ValueError, "Y has 5 columns and X 4"),
    ],
)
def test_bad_arguments(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        gongwen.most_similar(np.ones((3, 4)), **kwargs)


def test_bad_matrices() -> None:
    with pytest.raises(ValueError, match="2-D"):
        gongwen.most_similar(np.ones(4))
    with pytest.raises(ValueError, match="2-D"):
        gongwen.most_similar(np.ones((2, 2, 2)))
    with pytest.raises(TypeError, match="scipy sparse matrix or a 2-D array"):
        gongwen.most_similar("党建")
    with pytest.raises(TypeError, match="numbers"):
        gongwen.most_similar(np.array([["a", "b"]]))
    for bad in (np.nan, np.inf):
        X = np.ones((3, 2))
        X[1, 0] = bad
        with pytest.raises(ValueError, match="row 1 holds NaN or infinity"):
            gongwen.most_similar(X)
        with pytest.raises(ValueError, match="row 1 holds NaN or infinity"):
            gongwen.most_similar(scipy.sparse.csr_matrix(X))
        with pytest.raises(ValueError, match="query row 1 holds NaN or infinity"):
            gongwen.most_similar(np.ones((3, 2)), Y=X)


# -- similarity_matrix ---------------------------------------------------------------------------


def test_similarity_matrix_is_labelled_and_equals_brute_force(
    paragraphs: list[str], tfidf: scipy.sparse.csr_matrix
) -> None:
    X = tfidf[:80]
    labels = [p[:10] + str(i) for i, p in enumerate(paragraphs[:80])]
    frame = gongwen.similarity_matrix(X, labels=labels)
    assert isinstance(frame, pd.DataFrame)
    assert frame.shape == (80, 80)
    assert list(frame.index) == labels and list(frame.columns) == labels
    assert (frame.dtypes == np.float32).all()
    expected = cosine_similarity(X.astype(np.float64)).astype(np.float32) + np.float32(0)
    np.testing.assert_array_equal(frame.to_numpy(), expected)
    # The same numbers as most_similar's.
    indices, scores = gongwen.most_similar(X, 5)
    values = frame.to_numpy()
    for q in range(80):
        np.testing.assert_array_equal(values[q, indices[q]], scores[q])


def test_similarity_matrix_of_dense_vectors() -> None:
    rows = pd.DataFrame(
        [[1.0, 0.0], [0.0, 0.0], [2.0, 2.0]], index=["甲", "乙", "丙"], columns=["x", "y"]
    )
    frame = gongwen.similarity_matrix(rows)
    assert list(frame.index) == ["甲", "乙", "丙"] == list(frame.columns)
    np.testing.assert_allclose(
        frame.to_numpy(), [[1, 0, np.sqrt(0.5)], [0, 0, 0], [np.sqrt(0.5), 0, 1]], atol=1e-15
    )
    assert list(gongwen.similarity_matrix(rows.to_numpy()).index) == [0, 1, 2]


def test_similarity_matrix_refuses_large_corpora() -> None:
    limit = gongwen.similarity.MATRIX_MAX_ROWS
    assert gongwen.similarity_matrix(scipy.sparse.csr_matrix((limit, 3))).shape == (limit, limit)
    with pytest.raises(ValueError, match="most_similar"):
        gongwen.similarity_matrix(scipy.sparse.csr_matrix((limit + 1, 3)))
    with pytest.raises(ValueError, match="2 labels for 3 rows"):
        gongwen.similarity_matrix(np.ones((3, 2)), labels=["a", "b"])
    with pytest.raises(TypeError, match="labels"):
        gongwen.similarity_matrix(np.ones((3, 2)), labels="abc")
