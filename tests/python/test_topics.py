"""TopicModel against scikit-learn's TruncatedSVD and NMF (test-only), and its own behaviour."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse
from sklearn.base import clone
from sklearn.decomposition import NMF, TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from testdata import SAMPLE

import gongwen


@pytest.fixture(scope="module")
def paragraphs() -> pd.DataFrame:
    """The paragraphs of the sample corpus (a few hundred), with the file each comes from."""
    frame = gongwen.Corpus.from_paths(SAMPLE).to_frame()
    rows = [
        (Path(path).stem, paragraph.strip())
        for path, text in zip(frame["path"], frame["text"])
        for paragraph in text.split("\n")
        if len(paragraph.strip()) >= 20
    ]
    return pd.DataFrame(rows, columns=["source", "text"])


@pytest.fixture(scope="module")
def vectorizer(paragraphs: pd.DataFrame) -> gongwen.TfidfVectorizer:
    return gongwen.TfidfVectorizer(stop_words="zh", min_df=2).fit(paragraphs["text"])


@pytest.fixture(scope="module")
def tfidf(paragraphs: pd.DataFrame, vectorizer: gongwen.TfidfVectorizer) -> scipy.sparse.csr_matrix:
    """The paragraphs' TF-IDF matrix (float32 CSR)."""
    matrix = vectorizer.transform(paragraphs["text"])
    assert matrix.shape[0] >= 300 and matrix.dtype == np.float32
    return matrix


# -- against scikit-learn ---------------------------------------------------------------------


@pytest.mark.parametrize("n_topics", [5, 20, 50])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lsa_explained_variance_within_one_percent_of_sklearn(
    tfidf: scipy.sparse.csr_matrix, n_topics: int, seed: int
) -> None:
    ours = gongwen.TopicModel(n_topics, random_state=seed, n_iter=5, n_oversamples=10).fit(tfidf)
    theirs = TruncatedSVD(n_topics, n_iter=5, n_oversamples=10, random_state=seed).fit(tfidf)
    ratio = ours.explained_variance_ratio_.sum() / theirs.explained_variance_ratio_.sum()
    assert abs(ratio - 1) < 0.01, ratio
    np.testing.assert_allclose(ours.singular_values_, theirs.singular_values_, rtol=0.02)
    # The leading topic, well apart from the next, is the same direction (signs may differ).
    assert abs(ours.components_[0] @ theirs.components_[0]) > 0.999


@pytest.mark.parametrize("max_iter", [10, 200])
@pytest.mark.parametrize("n_topics", [5, 20])
def test_nmf_reconstruction_error_within_five_percent_of_sklearn(
    tfidf: scipy.sparse.csr_matrix, max_iter: int, n_topics: int
) -> None:
    ours = gongwen.TopicModel(n_topics, method="nmf", random_state=0, max_iter=max_iter, tol=0)
    theirs = NMF(n_topics, random_state=0, max_iter=max_iter, tol=0)
    ours.fit(tfidf)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        theirs.fit(tfidf)
    assert ours.n_iter_ == theirs.n_iter_ == max_iter
    ratio = ours.reconstruction_err_ / theirs.reconstruction_err_
    assert abs(ratio - 1) < 0.05, ratio
    # The error reported is the Frobenius norm of X - W H.
    weights = ours.transform(tfidf)
    assert (
        np.linalg.norm(tfidf.toarray() - weights @ ours.components_)
        < 1.05 * ours.reconstruction_err_
    )


def test_nmf_stops_on_tol_as_sklearn(tfidf: scipy.sparse.csr_matrix) -> None:
    ours = gongwen.TopicModel(10, method="nmf", random_state=0, tol=1e-3).fit(tfidf)
    theirs = NMF(10, random_state=0, tol=1e-3).fit(tfidf)
    assert 1 < ours.n_iter_ < 200
    assert abs(ours.n_iter_ - theirs.n_iter_) <= max(2, theirs.n_iter_ // 10)
    assert abs(ours.reconstruction_err_ / theirs.reconstruction_err_ - 1) < 0.05


# -- what the model gives ---------------------------------------------------------------------


@pytest.mark.parametrize("method", ["lsa", "nmf"])
def test_shapes_and_dtypes(tfidf: scipy.sparse.csr_matrix, method: str) -> None:
    model = gongwen.TopicModel(8, method=method, random_state=0)
    weights = model.fit_transform(tfidf)
    assert weights.shape == (tfidf.shape[0], 8)
    assert weights.dtype == np.float32
    assert model.components_.shape == (8, tfidf.shape[1])
    assert model.components_.dtype == np.float32
    assert model.n_features_in_ == tfidf.shape[1]
    assert model.transform(tfidf[:7]).shape == (7, 8)
    assert model.transform(tfidf.astype(np.float64)).dtype == np.float64
    assert model.inverse_transform(weights).shape == tfidf.shape
    assert list(model.get_feature_names_out()) == [f"topic{i}" for i in range(8)]
    model64 = gongwen.TopicModel(8, method=method, random_state=0).fit(tfidf.astype(np.float64))
    assert model64.components_.dtype == np.float64
    np.testing.assert_allclose(model64.components_, model.components_, atol=1e-3)


def test_lsa_topics(tfidf: scipy.sparse.csr_matrix) -> None:
    model = gongwen.TopicModel(10, random_state=0)
    weights = model.fit_transform(tfidf)
    components = model.components_.astype(np.float64)
    np.testing.assert_allclose(components @ components.T, np.eye(10), atol=1e-5)
    # Each topic's heaviest term counts for it.
    heaviest = np.abs(components).argmax(axis=1)
    assert (components[np.arange(10), heaviest] > 0).all()
    assert (np.diff(model.singular_values_) <= 0).all()
    np.testing.assert_allclose(model.explained_variance_, weights.var(axis=0), rtol=1e-4)
    total = tfidf.toarray().var(axis=0).sum()
    np.testing.assert_allclose(
        model.explained_variance_ratio_, model.explained_variance_ / total, rtol=1e-4
    )
    # Projecting the documents comes close to the weights fitting gave.
    np.testing.assert_allclose(model.transform(tfidf), weights, atol=0.05)


def test_nmf_topics_are_non_negative(tfidf: scipy.sparse.csr_matrix) -> None:
    model = gongwen.TopicModel(10, method="nmf", random_state=0)
    weights = model.fit_transform(tfidf)
    assert weights.min() >= 0 and model.components_.min() >= 0
    assert model.transform(tfidf).min() >= 0
    assert (model.components_.max(axis=1) > 0).all()
    # W solved with the components fixed fits the documents about as well as fitting's W.
    error = np.linalg.norm(tfidf.toarray() - model.transform(tfidf) @ model.components_)
    assert error < 1.02 * model.reconstruction_err_


@pytest.mark.parametrize("method", ["lsa", "nmf"])
def test_seeded_runs_repeat_on_any_threads(tfidf: scipy.sparse.csr_matrix, method: str) -> None:
    runs = [
        gongwen.TopicModel(12, method=method, random_state=7, n_threads=threads, max_iter=50)
        for threads in (1, 2, 4, 1)
    ]
    weights = [model.fit_transform(tfidf) for model in runs]
    for model, w in zip(runs[1:], weights[1:]):
        np.testing.assert_array_equal(w, weights[0])
        np.testing.assert_array_equal(model.components_, runs[0].components_)
        np.testing.assert_array_equal(model.transform(tfidf), runs[0].transform(tfidf))


def test_random_state(tfidf: scipy.sparse.csr_matrix) -> None:
    def components(random_state: int | None) -> np.ndarray:
        return gongwen.TopicModel(5, random_state=random_state, n_iter=0).fit(tfidf).components_

    assert not np.array_equal(components(1), components(2))
    # None draws its seed from numpy's global random state, as scikit-learn does.
    np.random.seed(3)  # noqa: NPY002 (the global state is what None reads)
    first = components(None)
    np.random.seed(3)  # noqa: NPY002 (the global state is what None reads)
    np.testing.assert_array_equal(components(None), first)


def test_dense_input_equals_sparse(tfidf: scipy.sparse.csr_matrix) -> None:
    sparse = gongwen.TopicModel(6, method="nmf", random_state=0).fit_transform(tfidf)
    dense = gongwen.TopicModel(6, method="nmf", random_state=0).fit_transform(tfidf.toarray())
    np.testing.assert_array_equal(dense, sparse)
    counts = gongwen.TopicModel(3, random_state=0).fit_transform([[1, 0, 2], [0, 3, 1], [4, 1, 0]])
    assert counts.dtype == np.float64 and counts.shape == (3, 3)


# -- top_terms --------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["lsa", "nmf"])
def test_top_terms(
    tfidf: scipy.sparse.csr_matrix, vectorizer: gongwen.TfidfVectorizer, method: str
) -> None:
    model = gongwen.TopicModel(6, method=method, random_state=0).fit(tfidf)
    names = vectorizer.get_feature_names_out()
    top = model.top_terms(names, top_n=4)
    assert list(top.columns) == ["topic", "rank", "term", "weight"]
    assert len(top) == 24
    assert top["topic"].tolist() == [t for t in range(6) for _ in range(4)]
    assert top["rank"].tolist() == [1, 2, 3, 4] * 6
    for topic, rows in top.groupby("topic"):
        row = model.components_[topic]
        expected = np.argsort(-row, kind="stable")[:4]
        assert rows["term"].tolist() == [names[i] for i in expected]
        np.testing.assert_allclose(rows["weight"], row[expected])
        assert rows["weight"].is_monotonic_decreasing
    # Topics of Chinese government text are made of its words.
    assert top["term"].map(lambda term: isinstance(term, str) and len(term) >= 1).all()


def test_top_terms_arguments(tfidf: scipy.sparse.csr_matrix) -> None:
    model = gongwen.TopicModel(2, random_state=0).fit(tfidf[:, :5])
    names = [f"t{i}" for i in range(5)]
    assert len(model.top_terms(names, top_n=100)) == 10  # all five terms of each topic
    with pytest.raises(ValueError, match="feature_names has 4 names for 5 features"):
        model.top_terms(names[:4])
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="top_n must be an int >= 1"):
            model.top_terms(names, top_n=bad)


# -- errors -----------------------------------------------------------------------------------


def test_not_fitted() -> None:
    model = gongwen.TopicModel(3)
    for use in (
        lambda: model.transform(scipy.sparse.eye(3, format="csr")),
        lambda: model.components_,
        lambda: model.top_terms(["a"]),
        lambda: model.n_features_in_,
    ):
        with pytest.raises(gongwen.NotFittedError, match="not fitted"):
            use()
    assert not hasattr(model, "components_")


def test_attributes_of_the_other_method(tfidf: scipy.sparse.csr_matrix) -> None:
    lsa = gongwen.TopicModel(3, random_state=0).fit(tfidf)
    nmf = gongwen.TopicModel(3, method="nmf", random_state=0).fit(tfidf)
    for name in ("reconstruction_err_", "n_iter_"):
        with pytest.raises(AttributeError, match="method='nmf'"):
            getattr(lsa, name)
    for name in ("explained_variance_", "explained_variance_ratio_", "singular_values_"):
        with pytest.raises(AttributeError, match="method='lsa'"):
            getattr(nmf, name)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"n_topics": 0}, "n_topics must be an int >= 1"),
        ({"n_topics": 2.0}, "n_topics must be an int >= 1"),
        ({"method": "lda"}, "method must be 'lsa' or 'nmf'"),
        ({"random_state": -1}, "random_state must be None or an int"),
        ({"random_state": np.random.RandomState(0)}, "random_state must be None or an int"),
        ({"n_threads": 0}, "n_threads must be a positive integer"),
        ({"n_iter": -1}, "n_iter must be an int >= 0"),
        ({"n_oversamples": -1}, "n_oversamples must be an int >= 0"),
        ({"max_iter": 0}, "max_iter must be an int >= 1"),
        ({"tol": -0.1}, "tol must be a number >= 0"),
        ({"tol": float("nan")}, "tol must be a number >= 0"),
    ],
)
def test_bad_parameters(tfidf: scipy.sparse.csr_matrix, params: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gongwen.TopicModel(**params).fit(tfidf)


def test_bad_matrices(tfidf: scipy.sparse.csr_matrix) -> None:
    small = tfidf[:4]
    with pytest.raises(ValueError, match=r"n_topics must be in \[1, min\(documents, terms\)\]"):
        gongwen.TopicModel(5).fit(small)
    for method in ("lsa", "nmf"):
        with pytest.raises(ValueError, match="empty matrix"):
            gongwen.TopicModel(1, method=method).fit(tfidf[:0])
        with pytest.raises(ValueError, match="all zeros"):
            gongwen.TopicModel(1, method=method).fit(scipy.sparse.csr_matrix((3, 4)))
    with pytest.raises(ValueError, match="non-negative"):
        gongwen.TopicModel(2, method="nmf").fit(-tfidf)
    gongwen.TopicModel(2).fit(-tfidf)  # LSA takes either sign
    model = gongwen.TopicModel(2, random_state=0).fit(tfidf)
    with pytest.raises(ValueError, match=r"X has 10 features, but TopicModel was fitted on \d+"):
        model.transform(tfidf[:, :10])
    with pytest.raises(TypeError, match="vectorize the documents first"):
        model.transform(["村民委员会"])
    with pytest.raises(TypeError, match="2-D numeric array"):
        model.transform(np.zeros(3))
    assert model.transform(tfidf[:0]).shape == (0, 2)


# -- saving -----------------------------------------------------------------------------------


def same_model(a: gongwen.TopicModel, b: gongwen.TopicModel, x: scipy.sparse.csr_matrix) -> None:
    assert a.get_params() == b.get_params()
    np.testing.assert_array_equal(a.components_, b.components_)
    assert a.components_.dtype == b.components_.dtype
    np.testing.assert_array_equal(a.transform(x), b.transform(x))


@pytest.mark.parametrize("method", ["lsa", "nmf"])
def test_pickle_and_save(tfidf: scipy.sparse.csr_matrix, tmp_path: Path, method: str) -> None:
    model = gongwen.TopicModel(
        7, method=method, random_state=np.int64(5), n_threads=1, max_iter=40, tol=1e-3
    ).fit(tfidf)
    same_model(model, pickle.loads(pickle.dumps(model)), tfidf)
    path = tmp_path / "topics.bin"
    model.save(path)
    loaded = gongwen.TopicModel.load(path)
    same_model(model, loaded, tfidf)
    if method == "lsa":
        np.testing.assert_array_equal(
            loaded.explained_variance_ratio_, model.explained_variance_ratio_
        )
    else:
        assert loaded.reconstruction_err_ == model.reconstruction_err_
        assert loaded.n_iter_ == model.n_iter_


def test_unfitted_round_trip(tmp_path: Path) -> None:
    model = gongwen.TopicModel(4, method="nmf", n_threads=2, n_oversamples=3)
    again = pickle.loads(pickle.dumps(model))
    assert again.get_params() == model.get_params()
    assert not hasattr(again, "components_")
    model.save(tmp_path / "m.bin")
    assert gongwen.TopicModel.load(tmp_path / "m.bin").get_params() == model.get_params()


def test_damaged_file(tfidf: scipy.sparse.csr_matrix, tmp_path: Path) -> None:
    path = tmp_path / "topics.bin"
    gongwen.TopicModel(3, random_state=0).fit(tfidf).save(path)
    data = path.read_bytes()
    for damaged in (
        data[: len(data) // 2],
        data[:100] + bytes([data[100] ^ 1]) + data[101:],
        data[:-1] + bytes([data[-1] ^ 0x80]),
        b"",
    ):
        path.write_bytes(damaged)
        with pytest.raises(ValueError, match="saved topic model"):
            gongwen.TopicModel.load(path)
    vectorizer_file = tmp_path / "vectorizer.bin"
    gongwen.TfidfVectorizer().fit(["党建 工作"]).save(vectorizer_file)
    with pytest.raises(ValueError, match="not a gongwen topic model"):
        gongwen.TopicModel.load(vectorizer_file)


# -- scikit-learn -----------------------------------------------------------------------------


def test_sklearn_parameters() -> None:
    model = gongwen.TopicModel(5, method="nmf", max_iter=50)
    assert repr(model) == "TopicModel(max_iter=50, method='nmf', n_topics=5)"
    copy = clone(model)
    assert copy.get_params() == model.get_params() and copy is not model
    assert model.set_params(tol=0.5).tol == 0.5
    with pytest.raises(ValueError, match="Invalid parameter"):
        model.set_params(n_components=3)


def test_pipeline_and_grid_search(paragraphs: pd.DataFrame) -> None:
    pipeline = Pipeline(
        [
            ("tfidf", gongwen.TfidfVectorizer(min_df=2)),
            ("topics", gongwen.TopicModel(random_state=0)),
            ("classify", LogisticRegression(max_iter=1000)),
        ]
    )
    grid = GridSearchCV(
        pipeline, {"topics__n_topics": [5, 15], "topics__method": ["lsa", "nmf"]}, cv=3
    )
    grid.fit(paragraphs["text"], paragraphs["source"])
    assert grid.best_params_["topics__n_topics"] in (5, 15)
    # Which document a paragraph comes from shows in its topics: far better than the largest
    # class alone.
    majority = paragraphs["source"].value_counts(normalize=True).iloc[0]
    assert grid.best_score_ > majority + 0.1
    assert grid.predict(paragraphs["text"][:3]).shape == (3,)
    assert pickle.loads(pickle.dumps(grid.best_estimator_)).score(
        paragraphs["text"], paragraphs["source"]
    ) == grid.best_estimator_.score(paragraphs["text"], paragraphs["source"])
