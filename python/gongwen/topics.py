"""Topics of a document-term matrix: LSA (truncated SVD) and NMF, as scikit-learn estimators.

The matrix is a ``scipy.sparse`` matrix such as :class:`gongwen.TfidfVectorizer` returns (a
dense numpy array is turned into one). The C++ core never makes it dense: LSA is a randomized
SVD and NMF a coordinate descent that only multiply it by thin dense matrices, on several
threads, with the same numbers whatever the number of threads.
"""

from __future__ import annotations

import json
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._checks import check_int, check_optional_int, check_real, check_top_n, thread_count
from ._estimator import _Estimator, _SavedAsBytes
from ._util import csr_for_core
from .errors import NotFittedError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TopicModel"]

_METHODS = ("lsa", "nmf")


class TopicModel(_SavedAsBytes, _Estimator):
    """Topics of documents by latent semantic analysis or non-negative matrix factorization.

    A scikit-learn transformer: ``fit`` a document-term matrix (documents x terms), ``transform``
    documents to their topic weights (documents x topics); it works in a ``Pipeline`` and
    ``GridSearchCV``, pickles, and saves to a file.

    Parameters
    ----------
    n_topics : int, default 20
        Topics to find, at most min(documents, terms).
    method : "lsa" or "nmf", default "lsa"
        ``"lsa"``: the leading singular vectors of the matrix (scikit-learn's ``TruncatedSVD``
        with its randomized solver); topics are orthogonal directions whose weights have both
        signs. ``"nmf"``: X ~ W H with W and H non-negative, on the Frobenius loss (scikit-learn's
        ``NMF`` with its defaults: coordinate descent, NNDSVDa start); topics are sums of terms,
        the more readable ones. NMF needs a non-negative matrix (TF-IDF and counts are). LSA is
        the default, as the usual first reduction of a TF-IDF matrix (scikit-learn's
        ``TruncatedSVD``); :meth:`Corpus.topics <gongwen.Corpus.topics>`, whose topics are read
        by a person, defaults to NMF.
    random_state : int or None, default None
        Seed of the random start. The same seed gives the same numbers, on any number of
        threads. None draws a seed from numpy's global random state.
    n_threads : int or None, default None
        Threads for the matrix products (default: one per core).
    n_iter : int, default 5
        LSA: power iterations of the randomized SVD (each makes the leading singular vectors
        more exact at the cost of two passes over the matrix).
    n_oversamples : int, default 10
        LSA: columns of the random test matrix beyond `n_topics`.
    max_iter : int, default 200
        NMF: at most this many passes over W and H (and over W alone in ``transform``).
    tol : float, default 1e-4
        NMF: stop once a pass's projected gradient falls to `tol` times the first pass's (0:
        always make `max_iter` passes).

    Attributes
    ----------
    components_ : ndarray of shape (n_topics, n_features)
        The topics as weights of terms (float32 when fitted on float32). LSA: orthonormal rows,
        each signed so that its heaviest term counts positively.
    n_features_in_ : int
        Terms of the matrix fitted on.
    explained_variance_, explained_variance_ratio_, singular_values_ : ndarray of shape (n_topics,)
        LSA only, as scikit-learn's ``TruncatedSVD``: the variance of each column of
        ``fit_transform``'s result, that variance as a share of the total variance of the
        terms, and the singular values.
    reconstruction_err_ : float
        NMF only: the Frobenius norm of X - W H at the end of fitting.
    n_iter_ : int
        NMF only: the passes made.

    Example::

        vec = gongwen.TfidfVectorizer(stop_words="zh", min_df=2)
        X = vec.fit_transform(frame["text"])
        topics = gongwen.TopicModel(10, method="nmf", random_state=0)
        weights = topics.fit_transform(X)              # documents x 10, non-negative
        topics.top_terms(vec.get_feature_names_out())  # topic, rank, term, weight
    """

    def __init__(
        self,
        n_topics: int = 20,
        method: str = "lsa",
        random_state: int | None = None,
        n_threads: int | None = None,
        *,
        n_iter: int = 5,
        n_oversamples: int = 10,
        max_iter: int = 200,
        tol: float = 1e-4,
    ) -> None:
        self.n_topics = n_topics
        self.method = method
        self.random_state = random_state
        self.n_threads = n_threads
        self.n_iter = n_iter
        self.n_oversamples = n_oversamples
        self.max_iter = max_iter
        self.tol = tol

    # -- fitting ------------------------------------------------------------------------------

    def fit(self, X: Any, y: Any = None) -> TopicModel:
        """Fit the model to a document-term matrix (documents x terms); returns the model."""
        self.fit_transform(X)
        return self

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        """Fit the model and return the documents' topic weights (documents x topics).

        LSA's are U times the singular values (as ``TruncatedSVD.fit_transform``), NMF's are
        W. The dtype is float32 for a float32 matrix, float64 otherwise.
        """
        model = self._core_model()
        matrix = _as_matrix(X)
        weights = model.fit_transform(matrix, self._threads())
        self._set_fitted(model, matrix.dtype)
        return weights

    def transform(self, X: Any) -> np.ndarray:
        """The topic weights of documents (documents x topics), in the matrix's float dtype.

        LSA projects the documents on the components; NMF finds their non-negative weights with
        the components fixed.
        """
        model = self._fitted()
        matrix = _as_matrix(X)
        if matrix.shape[1] != model.n_terms:
            raise ValueError(
                f"X has {matrix.shape[1]} features, but TopicModel was fitted on "
                f"{model.n_terms} features"
            )
        return model.transform(matrix, self._threads())

    def inverse_transform(self, X: Any) -> np.ndarray:
        """Documents rebuilt from their topic weights: ``X @ components_`` (documents x terms)."""
        components = self.components_
        weights = np.asarray(X)
        if weights.ndim != 2 or weights.shape[1] != components.shape[0]:
            raise ValueError(
                f"X must have shape (documents, {components.shape[0]}), not {weights.shape}"
            )
        return weights @ components

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns: ``topic0``, ``topic1``, ..."""
        model = self._fitted()
        return np.asarray([f"topic{i}" for i in range(model.n_topics)], dtype=object)

    # -- what was learnt ----------------------------------------------------------------------

    @property
    def components_(self) -> np.ndarray:
        """The topics as weights of terms (n_topics x n_features)."""
        self._fitted()
        return self._components

    @property
    def n_features_in_(self) -> int:
        """Terms of the matrix fitted on."""
        return int(self._fitted().n_terms)

    @property
    def explained_variance_(self) -> np.ndarray:
        """LSA: the variance of each column of ``fit_transform``'s result."""
        return self._lsa("explained_variance")

    @property
    def explained_variance_ratio_(self) -> np.ndarray:
        """LSA: the variance of each topic as a share of the total variance of the terms."""
        return self._lsa("explained_variance_ratio")

    @property
    def singular_values_(self) -> np.ndarray:
        """LSA: the singular values, largest first."""
        return self._lsa("singular_values")

    @property
    def reconstruction_err_(self) -> float:
        """NMF: the Frobenius norm of X - W H at the end of fitting."""
        return float(self._nmf("reconstruction_error"))

    @property
    def n_iter_(self) -> int:
        """NMF: the passes made over W and H."""
        return int(self._nmf("iterations"))

    def top_terms(self, feature_names: Any, top_n: int = 10) -> pd.DataFrame:
        """The `top_n` heaviest terms of each topic.

        Parameters
        ----------
        feature_names : sequence of str
            The name of each column of the matrix, e.g. the vectorizer's
            ``get_feature_names_out()``.
        top_n : int, default 10
            Terms per topic (all of them when there are fewer).

        Returns
        -------
        DataFrame
            Columns ``topic`` (0, 1, ...), ``rank`` (1 for the heaviest), ``term`` and
            ``weight``, topic after topic, heaviest first (ties in column order). An LSA topic
            also has terms of negative weight, which it counts against; they come last.
        """
        import pandas as pd

        components = self.components_
        names = np.asarray(feature_names, dtype=object)
        if names.ndim != 1 or len(names) != components.shape[1]:
            raise ValueError(
                f"feature_names has {names.size} names for {components.shape[1]} features"
            )
        n = min(check_top_n(top_n), components.shape[1])
        order = np.argsort(-components, axis=1, kind="stable")[:, :n]
        topics = np.repeat(np.arange(components.shape[0]), n)
        return pd.DataFrame(
            {
                "topic": topics,
                "rank": np.tile(np.arange(1, n + 1), components.shape[0]),
                "term": names[order.ravel()],
                "weight": np.take_along_axis(components, order, axis=1).ravel().astype(float),
            }
        )

    # -- internals ----------------------------------------------------------------------------

    def _core_model(self) -> Any:
        """A new core model with the parameters, checked."""
        return _core.TopicModel(
            method=self._method(),
            n_topics=check_int(self.n_topics, "n_topics", 1),
            seed=self._seed(),
            n_iter=check_int(self.n_iter, "n_iter", 0),
            n_oversamples=check_int(self.n_oversamples, "n_oversamples", 0),
            max_iter=check_int(self.max_iter, "max_iter", 1),
            tol=check_real(self.tol, "tol", 0),
        )

    def _method(self) -> _core.TopicMethod:
        """The core's member for the `method` parameter ("lsa" or "nmf")."""
        if self.method not in _METHODS:
            raise ValueError(f"method must be 'lsa' or 'nmf', not {self.method!r}")
        return _core.TopicMethod.lsa if self.method == "lsa" else _core.TopicMethod.nmf

    def _seed(self) -> int:
        state = check_optional_int(self.random_state, "random_state", 0, 2**64 - 1)
        if state is None:
            # numpy's global state, as scikit-learn's None: np.random.seed makes runs repeat.
            return int(np.random.randint(np.iinfo(np.int64).max, dtype=np.int64))  # noqa: NPY002
        return state

    def _threads(self) -> int:
        return thread_count(self.n_threads)

    def _set_fitted(self, model: Any, dtype: Any) -> None:
        self._model = model
        self._dtype = np.dtype(dtype)
        self._components = model.components.astype(self._dtype)

    def _fitted(self) -> Any:
        model = getattr(self, "_model", None)
        if model is None:
            raise NotFittedError(
                "This TopicModel instance is not fitted yet. Call 'fit' with appropriate "
                "arguments before using this estimator."
            )
        return model

    def __sklearn_is_fitted__(self) -> bool:
        return getattr(self, "_model", None) is not None

    def _lsa(self, name: str) -> np.ndarray:
        model = self._fitted()
        if model.method != _core.TopicMethod.lsa:
            raise AttributeError(f"{name}_ is only defined with method='lsa'")
        return np.asarray(getattr(model, name)).astype(self._dtype)

    def _nmf(self, name: str) -> Any:
        model = self._fitted()
        if model.method != _core.TopicMethod.nmf:
            raise AttributeError(f"{name}_ is only defined with method='nmf'")
        return getattr(model, name)

    def __sklearn_tags__(self) -> Any:
        """A transformer of 2-D arrays, sparse ones too (non-negative ones for NMF)."""
        from sklearn.utils import InputTags

        tags = super().__sklearn_tags__()
        tags.input_tags = InputTags(
            two_d_array=True, sparse=True, positive_only=self.method == "nmf"
        )
        return tags

    # -- saving -------------------------------------------------------------------------------

    def _settings(self) -> dict[str, Any]:
        params = {name: _plain(value) for name, value in self.get_params().items()}
        dtype = getattr(self, "_dtype", None)
        return {
            "class": type(self).__name__,
            "params": params,
            "dtype": None if dtype is None else dtype.name,
        }

    def _to_bytes(self) -> bytes:
        return _core.save_topic_model(json.dumps(self._settings()), getattr(self, "_model", None))

    def _from_bytes(self, data: bytes, name: str) -> None:
        settings_text, model = _core.load_topic_model(data)
        try:
            settings = json.loads(settings_text)
            cls, params, dtype = settings["class"], settings["params"], settings["dtype"]
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{name}: not a gongwen topic model (bad settings)") from e
        if cls != type(self).__name__:
            raise ValueError(f"{name} holds a {cls}, not a {type(self).__name__}")
        if (model is None) != (dtype is None):
            raise ValueError(f"{name}: not a gongwen topic model (fitted state incomplete)")
        self.__init__(**params)  # type: ignore[misc]
        self._model = None
        if model is not None:
            self._set_fitted(model, dtype)


def _plain(value: Any) -> Any:
    """A parameter as JSON holds it (numpy numbers become Python ones)."""
    if isinstance(value, Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, Real) and not isinstance(value, bool):
        return float(value)
    return value


def _as_matrix(X: Any) -> Any:
    """`X` as the core reads it: a scipy sparse matrix as is, a dense 2-D array made sparse."""
    import scipy.sparse

    if scipy.sparse.issparse(X):
        return csr_for_core(X)
    if isinstance(X, str) or (
        isinstance(X, (list, tuple)) and len(X) > 0 and isinstance(X[0], str)
    ):
        raise TypeError(
            "TopicModel takes a document-term matrix, not text: vectorize the documents first "
            "(e.g. with gongwen.TfidfVectorizer)"
        )
    dense = np.asarray(X)
    if dense.ndim != 2 or dense.dtype.kind not in "biuf":
        raise TypeError(
            "X must be a scipy sparse matrix or a 2-D numeric array, not "
            f"{type(X).__name__} of shape {dense.shape} and dtype {dense.dtype}"
        )
    if dense.dtype not in (np.float32, np.float64):
        dense = dense.astype(np.float64)
    return csr_for_core(scipy.sparse.csr_matrix(dense))
