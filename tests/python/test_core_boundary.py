"""The boundary of the private extension: a sparse matrix crosses as one scipy CSR argument (and
comes back as a scipy.sparse.csr_matrix over the core's buffers), options as enum members."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse

import gongwen
from gongwen import _core

TEXTS = ["党建引领乡村振兴", "乡村振兴 基层治理", "基层治理 网格员 党建引领"]


def tfidf(dtype: type = np.float32) -> scipy.sparse.csr_matrix:
    return gongwen.TfidfVectorizer(dtype=dtype).fit_transform(TEXTS)


def test_a_matrix_leaves_as_csr_over_the_cores_buffers() -> None:
    X = tfidf()
    assert type(X) is scipy.sparse.csr_matrix
    assert (X.dtype, X.indices.dtype, X.indptr.dtype) == (np.float32, np.int32, np.int32)
    assert not X.data.flags.owndata  # the core's buffer, not a copy
    counts = gongwen.CountVectorizer(dtype=np.int32).fit_transform(TEXTS)
    assert counts.dtype == np.int32
    assert counts.sum() == 7


@pytest.mark.parametrize("make", [scipy.sparse.csr_matrix, scipy.sparse.csr_array])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_csr_matrix_and_array_load_in_their_own_dtype(make: type, dtype: type) -> None:
    X = make(tfidf(dtype))
    indices, scores = _core.most_similar_sparse(X, 1, None, 1)
    assert scores.dtype == dtype
    dense = X.toarray().astype(np.float64)
    cosines = dense @ dense.T  # rows of unit length
    np.fill_diagonal(cosines, -np.inf)
    assert indices[:, 0].tolist() == cosines.argmax(axis=1).tolist()
    np.testing.assert_allclose(scores[:, 0], cosines.max(axis=1), rtol=1e-6)
    top = _core.top_terms(X, [], 1)
    assert [row[0][0] for row in top] == dense.argmax(axis=1).tolist()


def test_other_types_convert_safely_or_are_refused() -> None:
    X = tfidf(np.float64)
    wide = X.copy()
    wide.indices, wide.indptr = X.indices.astype(np.int64), X.indptr.astype(np.int64)
    assert wide.indices.dtype == np.int64
    # float64 data with 64-bit indices stays float64 (the float32 overload does not take it).
    assert _core.most_similar_sparse(wide, 1, None, 1)[1].dtype == np.float64
    assert _core.most_similar_sparse(X.astype(np.int64), 1, None, 1)[1].dtype == np.float64
    for refused in (X.tocsc(), X.tocoo(), X.toarray(), "X"):
        with pytest.raises(TypeError):
            _core.most_similar_sparse(refused, 1, None, 1)


def test_bad_buffers_are_a_value_error() -> None:
    X = tfidf()
    broken = scipy.sparse.csr_matrix(X, copy=True)
    broken.indices[0] = X.shape[1]  # past the last column
    with pytest.raises(ValueError, match="column index"):
        _core.most_similar_sparse(broken, 1, None, 1)


def test_options_are_enum_members() -> None:
    assert [m.name for m in _core.Norm] == ["none", "l1", "l2"]
    assert [m.name for m in _core.TopicMethod] == ["lsa", "nmf"]
    assert [m.name for m in _core.Dtype] == ["int32", "int64", "float32", "float64"]
    for method in ("lsa", "nmf"):
        model = gongwen.TopicModel(1, method=method, random_state=0).fit(tfidf())
        assert model._model.method is _core.TopicMethod[method]
    counter = _core.TermCounter.learning(1, 1, True, [], True)
    counter.add_word_lists([["党建", "引领"]])
    counter.finish()
    with pytest.raises(TypeError):
        counter.matrix("float32")  # a name is not a member
    with pytest.raises(ValueError, match="floating-point dtype, not int32"):
        counter.matrix(_core.Dtype.int32, norm=_core.Norm.l2)
