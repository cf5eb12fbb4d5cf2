"""Count, TF-IDF and hashed vectors of Chinese text, with scikit-learn's parameters and numbers.

The documents are raw strings (segmented in C++ by a :class:`~gongwen.Segmenter`) or lists of
words that the caller segmented already. They are read in batches, so that a generator over
files is never held whole; the result is a ``scipy.sparse.csr_matrix`` whose buffers are those
of the Eigen matrix the core built.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Iterable, Mapping
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._checks import check_bool, check_int, check_optional_int, check_top_n, thread_count
from ._estimator import _Estimator, _SavedAsBytes
from ._lexicon import segmenter_core
from ._util import as_text, csr_for_core, map_batches
from .errors import GongwenWarning, NotFittedError
from .segment import STOP_WORDS, Segmenter

if TYPE_CHECKING:
    import pandas as pd
    import scipy.sparse

__all__ = [
    "CountVectorizer",
    "HashingVectorizer",
    "NotFittedError",
    "TfidfVectorizer",
    "keywords_by_group",
]

#: Documents per call of the core: a progress bar moves and Ctrl-C is honoured between batches.
_BATCH = 1000

#: ... or this many characters (words, for word lists): each batch is copied to the core.
_BATCH_CHARS = 1 << 20

#: Show a progress bar by default for more documents than this (when their number is known).
_PROGRESS_FROM = 20 * _BATCH


class _Vectorizer(_SavedAsBytes, _Estimator):
    """What all three vectorizers share: parameters, analysis and reading documents."""

    # Set by each subclass's __init__.
    ngram_range: tuple[int, int]
    lowercase: bool
    stop_words: str | Iterable[str] | None
    dtype: Any
    segmenter: Segmenter | None
    n_threads: int | None
    progress: bool | None

    # -- analysis settings --------------------------------------------------------------------

    def _ngrams(self) -> tuple[int, int]:
        ngram_range = self.ngram_range
        if (
            not isinstance(ngram_range, tuple)
            or len(ngram_range) != 2
            or not all(isinstance(n, Integral) and not isinstance(n, bool) for n in ngram_range)
            or not 1 <= ngram_range[0] <= ngram_range[1]
        ):
            raise ValueError(
                f"Invalid value for ngram_range={ngram_range!r}: a tuple (min_n, max_n) with "
                "1 <= min_n <= max_n is expected."
            )
        return int(ngram_range[0]), int(ngram_range[1])

    def _stop_words(self) -> list[str]:
        stop_words = self.stop_words
        if stop_words is None:
            return []
        if isinstance(stop_words, str):
            if stop_words == "zh":
                return sorted(STOP_WORDS)
            raise ValueError(
                f"stop_words must be None, 'zh' or a list of words, not {stop_words!r}"
            )
        words = list(stop_words)
        for word in words:
            if not isinstance(word, str):
                raise TypeError(f"stop words must be str, not {type(word).__name__}")
        return [as_text(w) for w in words]

    def _analyzer_args(self) -> dict[str, Any]:
        lowercase = check_bool(self.lowercase, "lowercase")
        low, high = self._ngrams()
        return {
            "ngram_min": low,
            "ngram_max": high,
            "lowercase": lowercase,
            "stop_words": self._stop_words(),
        }

    def _dtype_arg(self, allowed: tuple[str, ...]) -> _core.Dtype:
        """The core's member for the `dtype` parameter, one of the numpy types named `allowed`."""
        try:
            name = np.dtype(self.dtype).name
        except TypeError:
            name = repr(self.dtype)
        if name not in allowed:
            raise ValueError(f"dtype must be one of {', '.join(allowed)}, not {self.dtype!r}")
        return _core.Dtype[name]

    def _segmenter_core(self) -> Any:
        return segmenter_core(self.segmenter)

    # -- reading documents --------------------------------------------------------------------

    def _feed(self, counter: Any, documents: Iterable[Any]) -> None:
        """Counts the documents, batch by batch (raw strings or lists of words)."""
        if isinstance(documents, (str, bytes)):
            raise ValueError("Iterable over raw text documents expected, string object received.")
        if not isinstance(documents, Iterable):
            raise TypeError(f"documents must be an iterable, not {type(documents).__name__}")
        segmenter = self._segmenter_core()
        threads = thread_count(self.n_threads)
        size = len(documents) if hasattr(documents, "__len__") else None
        progress = self.progress if self.progress is not None else (size or 0) > _PROGRESS_FROM
        position = [0]

        def count(batch: list[Any]) -> list[None]:
            if _is_word_list(batch[0]):
                bad = counter.add_word_lists(batch)
                if bad >= 0:
                    raise _bad_word_list(batch[bad], position[0] + bad)
            else:
                counter.add_texts(_texts(batch, position[0]), segmenter, threads)
            position[0] += len(batch)
            return []

        map_batches(
            count, documents, _BATCH, progress, size, "vectorizing", "doc", max_weight=_BATCH_CHARS
        )

    # -- saving -------------------------------------------------------------------------------

    def _settings(self) -> dict[str, Any]:
        params = self.get_params()
        params.pop("segmenter")
        params["ngram_range"] = list(params["ngram_range"])
        params["dtype"] = np.dtype(params["dtype"]).name
        if params.get("stop_words") is not None and not isinstance(params["stop_words"], str):
            params["stop_words"] = list(params["stop_words"])
        vocabulary = params.get("vocabulary")
        if vocabulary is not None:
            params["vocabulary"] = {
                "mapping": isinstance(vocabulary, Mapping),
                "terms": _vocabulary_terms(vocabulary),
            }
        return {"class": type(self).__name__, "params": params}

    def _fitted_state(self) -> tuple[list[str] | None, Any, int, Any]:
        return None, np.zeros(0, np.int64), 0, np.zeros(0)

    def _restore(self, vocabulary: Any, idf: Any) -> None:
        pass

    def _to_bytes(self) -> bytes:
        terms, df, documents, idf = self._fitted_state()
        segmenter = b"" if self.segmenter is None else self.segmenter._core.serialize()
        settings = self._settings()
        settings["segmenter"] = self.segmenter is not None
        return _core.save_vectorizer(json.dumps(settings), terms, df, documents, idf, segmenter)

    def _from_bytes(self, data: bytes, name: str) -> None:
        settings_text, vocabulary, idf, segmenter = _core.load_vectorizer(data)
        try:
            settings = json.loads(settings_text)
            cls, params = settings["class"], settings["params"]
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{name}: not a gongwen vectorizer (bad settings)") from e
        if cls != type(self).__name__:
            raise ValueError(f"{name} holds a {cls}, not a {type(self).__name__}")
        params["ngram_range"] = tuple(params["ngram_range"])
        params["dtype"] = np.dtype(params["dtype"]).type  # np.float32, as it was given
        if isinstance(params.get("vocabulary"), dict):
            saved = params["vocabulary"]
            terms = saved["terms"]
            params["vocabulary"] = (
                {t: i for i, t in enumerate(terms)} if saved["mapping"] else terms
            )
        params["segmenter"] = (
            Segmenter._from_core(_core.Segmenter.deserialize(segmenter))
            if settings.get("segmenter")
            else None
        )
        self.__init__(**params)  # type: ignore[misc]
        self._restore(vocabulary, idf)


def _is_word_list(document: Any) -> bool:
    return isinstance(document, (list, tuple))


def _missing(document: Any) -> bool:
    return document is None or (isinstance(document, float) and math.isnan(document))


def _bad_document(document: Any, position: int) -> Exception:
    if _missing(document):
        return ValueError(
            f"document {position} is missing ({document!r}); drop or fill missing values first"
        )
    return TypeError(
        f"document {position} is a {type(document).__name__}: documents must all be str, or "
        "all be lists of words"
    )


def _texts(batch: list[Any], start: int) -> list[str]:
    """The batch, checked to be all str (lone surrogates are fine: they segment as symbols)."""
    for i, document in enumerate(batch):
        if not isinstance(document, str):
            raise _bad_document(document, start + i)
    return batch


def _bad_word_list(document: Any, position: int) -> Exception:
    """The error for a document that the core found not to be a list of str."""
    if not _is_word_list(document):
        return _bad_document(document, position)
    word = next(w for w in document if not isinstance(w, str))
    return TypeError(f"document {position}: words must be str, not {type(word).__name__}")


def _vocabulary_terms(vocabulary: Any) -> list[str]:
    """The terms of a `vocabulary` parameter in column order, checked as scikit-learn does."""
    if isinstance(vocabulary, Mapping):
        terms = list(vocabulary)
        indices = list(vocabulary.values())
        if len(set(indices)) != len(indices):
            raise ValueError("Vocabulary contains repeated indices.")
        for i in range(len(indices)):
            if i not in vocabulary.values():
                raise ValueError(f"Vocabulary of size {len(indices)} doesn't contain index {i}.")
        terms = sorted(terms, key=vocabulary.__getitem__)
    else:
        if isinstance(vocabulary, str):
            raise TypeError("vocabulary must be a mapping or an iterable of terms, not a str")
        terms = list(vocabulary)
        seen: set[str] = set()
        for term in terms:
            if term in seen:
                raise ValueError(f"Duplicate term in vocabulary: {term!r}")
            seen.add(term)
    if not terms:
        raise ValueError("empty vocabulary passed to fit")
    for term in terms:
        if not isinstance(term, str):
            raise TypeError(f"vocabulary terms must be str, not {type(term).__name__}")
    return terms


def _document_bound(value: Any, name: str) -> tuple[float, bool]:
    """(bound, is_share) for min_df / max_df: an int counts documents, a float is a share."""
    if isinstance(value, Integral) and not isinstance(value, bool) and value >= 0:
        return float(value), False
    if isinstance(value, Real) and not isinstance(value, (bool, Integral)) and 0 <= value <= 1:
        return float(value), True
    raise ValueError(
        f"{name} must be an int >= 0 (documents) or a float in [0.0, 1.0] (a share), not {value!r}"
    )


class CountVectorizer(_Vectorizer):
    """Term counts of documents, as scikit-learn's ``CountVectorizer``.

    Parameters
    ----------
    ngram_range : (int, int), default (1, 1)
        The n-grams of words to count, from ``min_n`` to ``max_n`` words (joined by a space).
    min_df, max_df : int or float, default 1 and 1.0
        Keep terms found in at least `min_df` and at most `max_df` documents (an int counts
        documents, a float is a share of them). Ignored with a fixed `vocabulary`.
    max_features : int, optional
        Keep only the most frequent terms in the corpus. Ties are broken by term order
        (scikit-learn's choice among equal counts depends on its sort algorithm).
    vocabulary : mapping or iterable, optional
        A fixed vocabulary: ``{term: column}`` or terms in column order.
    binary : bool, default False
        Count 1 for every term present.
    lowercase : bool, default True
        Lowercase words first (GDP and gdp are one term).
    stop_words : None, "zh" or iterable of str
        Words left out before n-grams are made; ``"zh"`` is :data:`gongwen.STOP_WORDS`.
    dtype : numpy dtype, default int64
        int32, int64, float32 or float64.
    segmenter : Segmenter, optional
        Segments raw-text documents (default: ``gongwen.Segmenter()``).
    n_threads : int, optional
        Threads that segment (default: one per core).
    progress : bool, optional
        Show a progress bar (default: for more than 20,000 documents).

    Documents are raw strings, or lists of words when the caller has segmented them (taken as
    they are, punctuation included, and lowercased with `lowercase`). From raw text, the words are the segmenter's words, numbers and Latin words; punctuation and white
    space are not terms (scikit-learn's default pattern drops them too, along with every
    one-character word, which in Chinese is much of the text).
    """

    _dtypes: tuple[str, ...] = ("int64", "int32", "float32", "float64")
    # Counting needs only the columns: with a vocabulary given, transform works unfitted.
    _counts_unfitted = True

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 1),
        min_df: float = 1,
        max_df: float = 1.0,
        max_features: int | None = None,
        vocabulary: Mapping[str, int] | Iterable[str] | None = None,
        binary: bool = False,
        lowercase: bool = True,
        stop_words: str | Iterable[str] | None = None,
        dtype: Any = np.int64,
        segmenter: Segmenter | None = None,
        n_threads: int | None = None,
        progress: bool | None = None,
    ) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.vocabulary = vocabulary
        self.binary = binary
        self.lowercase = lowercase
        self.stop_words = stop_words
        self.dtype = dtype
        self.segmenter = segmenter
        self.n_threads = n_threads
        self.progress = progress

    # -- fitting ------------------------------------------------------------------------------

    def fit(self, raw_documents: Iterable[Any], y: Any = None) -> CountVectorizer:
        """Learn the vocabulary (and, for TF-IDF, the idf) of the documents."""
        self._fit(raw_documents, keep_rows=False)
        return self

    def fit_transform(self, raw_documents: Iterable[Any], y: Any = None) -> scipy.sparse.csr_matrix:
        """Learn the vocabulary and return the document-term matrix, reading documents once."""
        counter = self._fit(raw_documents, keep_rows=True)
        return self._matrix(counter)

    def transform(self, raw_documents: Iterable[Any]) -> scipy.sparse.csr_matrix:
        """The document-term matrix of documents, in the fitted vocabulary's columns.

        A :class:`CountVectorizer` given a ``vocabulary`` counts without being fitted, as
        scikit-learn's does.
        """
        terms = self._transform_terms()
        self._settings_checked()
        counter = _core.TermCounter.fixed(vocabulary=terms, keep_rows=True, **self._analyzer_args())
        self._feed(counter, raw_documents)
        counter.finish()
        return self._matrix(counter)

    def _fit(self, raw_documents: Iterable[Any], keep_rows: bool) -> Any:
        self._settings_checked()
        analyzer = self._analyzer_args()
        if self.vocabulary is not None:
            counter = _core.TermCounter.fixed(
                vocabulary=_vocabulary_terms(self.vocabulary), keep_rows=keep_rows, **analyzer
            )
        else:
            counter = _core.TermCounter.learning(keep_rows=keep_rows, **analyzer)
        self._feed(counter, raw_documents)
        min_df, min_share = _document_bound(self.min_df, "min_df")
        max_df, max_share = _document_bound(self.max_df, "max_df")
        terms, df, documents = counter.finish(
            min_df, min_share, max_df, max_share, self.max_features
        )
        self._set_vocabulary(terms, df, documents)
        return counter

    def _settings_checked(self) -> None:
        """Raises for a bad parameter before any document is read."""
        self._dtype_arg(self._dtypes)
        self._analyzer_args()
        _document_bound(self.min_df, "min_df")
        _document_bound(self.max_df, "max_df")
        check_optional_int(self.max_features, "max_features", 1)
        check_bool(self.binary, "binary")

    def _matrix(self, counter: Any) -> scipy.sparse.csr_matrix:
        return counter.matrix(self._dtype_arg(self._dtypes), self.binary)

    # -- the fitted vocabulary ----------------------------------------------------------------

    def _set_vocabulary(self, terms: list[str], df: np.ndarray, documents: int) -> None:
        self._terms = terms
        self._document_frequency = df
        self._documents = documents
        self._vocabulary: dict[str, int] | None = None
        self._eligible: np.ndarray | None = None
        self.fixed_vocabulary_ = self.vocabulary is not None

    def _transform_terms(self) -> list[str]:
        """The columns of transform's matrix: the fitted vocabulary, or the given one."""
        unfitted = getattr(self, "_terms", None) is None
        if unfitted and self.vocabulary is not None and self._counts_unfitted:
            return _vocabulary_terms(self.vocabulary)
        return self._check_fitted()

    def _check_fitted(self) -> list[str]:
        terms = getattr(self, "_terms", None)
        if terms is None:
            raise NotFittedError(
                f"This {type(self).__name__} instance is not fitted yet: call fit or "
                "fit_transform first."
            )
        return terms

    @property
    def vocabulary_(self) -> dict[str, int]:
        """``{term: column}`` of the fitted vocabulary."""
        terms = self._check_fitted()
        if self._vocabulary is None:
            self._vocabulary = {term: i for i, term in enumerate(terms)}
        return self._vocabulary

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The terms, in column order (an object array of str, as scikit-learn's)."""
        return np.asarray(self._check_fitted(), dtype=object)

    @property
    def document_frequency_(self) -> np.ndarray:
        """The number of fitted documents each term occurs in, in column order."""
        self._check_fitted()
        return self._document_frequency

    def _fitted_state(self) -> tuple[list[str] | None, Any, int, Any]:
        terms = getattr(self, "_terms", None)
        if terms is None:
            return super()._fitted_state()
        return terms, self._document_frequency, self._documents, np.zeros(0)

    def _restore(self, vocabulary: Any, idf: Any) -> None:
        if vocabulary is not None:
            self._set_vocabulary(*vocabulary)

    # -- keywords -----------------------------------------------------------------------------

    def keywords(
        self,
        documents: Any,
        top_n: int = 10,
        *,
        words_only: bool = True,
        min_length: int = 2,
        index: Any = None,
    ) -> pd.Series:
        """The `top_n` heaviest terms of each document, as ``(term, weight)`` pairs.

        Parameters
        ----------
        documents : sparse matrix or iterable
            A matrix from :meth:`transform` / :meth:`fit_transform`, or documents to transform.
        top_n : int, default 10
        words_only : bool, default True
            Leave out stop words (:data:`gongwen.STOP_WORDS` and the vectorizer's own), numbers,
            punctuation, and the n-grams that contain any of them.
        min_length : int, default 2
            Leave out terms with a word of fewer characters: a lone character (村, 党, or one
            that the segmenter split off an unknown name) seldom says what a text is about.
        index : optional
            The index of the result (default: a Series' own index, else 0, 1, ...).

        Returns
        -------
        pandas.Series
            One list of ``(term, weight)`` per document, heaviest first (ties in term order).
        """
        import pandas as pd
        import scipy.sparse

        top_n = check_top_n(top_n)
        terms = self._check_fitted()
        if index is None and isinstance(documents, pd.Series):
            index = documents.index
        matrix = documents if scipy.sparse.issparse(documents) else self.transform(documents)
        matrix = csr_for_core(matrix, len(terms))
        eligible = self._keyword_mask(words_only, min_length)
        top = _core.top_terms(matrix, eligible, int(top_n))
        values = [[(terms[c], w) for c, w in row] for row in top]
        if index is not None and len(index) != len(values):
            raise ValueError(f"index has {len(index)} entries for {len(values)} documents")
        return pd.Series(values, index=index, name="keywords", dtype=object)

    def keyword_mask(self, words_only: bool = True, min_length: int = 2) -> np.ndarray:
        """Which terms of the vocabulary can be keywords, by the tests of :meth:`keywords`.

        Returns a boolean array, one entry per column of the matrices (per term of
        :meth:`get_feature_names_out`); ``X[:, vec.keyword_mask()]`` keeps the columns that say
        what a text is about, e.g. before fitting a :class:`~gongwen.TopicModel`.
        """
        self._check_fitted()
        return self._keyword_mask(words_only, min_length).astype(bool)

    def _keyword_mask(self, words_only: bool, min_length: int) -> np.ndarray:
        """1 for the terms that can be keywords (the word test is made once per vocabulary)."""
        min_length = check_int(min_length, "min_length", 0)
        mask = np.fromiter(
            (all(len(w) >= min_length for w in t.split(" ")) for t in self._terms),
            np.uint8,
            len(self._terms),
        )
        if words_only:
            if self._eligible is None:
                stop = sorted(STOP_WORDS.union(self._stop_words()))
                self._eligible = np.asarray(
                    _core.keyword_eligible(self._terms, stop, self._segmenter_core()), np.uint8
                )
            mask &= self._eligible
        return mask


class TfidfVectorizer(CountVectorizer):
    """TF-IDF weights of documents, as scikit-learn's ``TfidfVectorizer``.

    The parameters of :class:`CountVectorizer`, and:

    norm : "l2", "l1" or None, default "l2"
        Scale each row to unit norm.
    use_idf : bool, default True
        Weight by inverse document frequency, ``ln(n / df) + 1``.
    smooth_idf : bool, default True
        Count one extra document holding every term: ``ln((1 + n) / (1 + df)) + 1``.
    sublinear_tf : bool, default False
        Use ``1 + ln(tf)`` for the term frequency.
    dtype : float32 (default) or float64
        With the same tokens, the weights equal scikit-learn's to within 1e-6 (float32).

    Example::

        vec = gongwen.TfidfVectorizer(stop_words="zh", min_df=2)
        X = vec.fit_transform(frame["text"])        # raw Chinese text
        vec.keywords(X, top_n=5)                     # a Series of [(term, weight), ...]
    """

    _dtypes = ("float32", "float64")

    # Weighing needs the idf of fitted documents: a given vocabulary is not enough.
    _counts_unfitted = False

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 1),
        min_df: float = 1,
        max_df: float = 1.0,
        max_features: int | None = None,
        vocabulary: Mapping[str, int] | Iterable[str] | None = None,
        binary: bool = False,
        lowercase: bool = True,
        stop_words: str | Iterable[str] | None = None,
        norm: str | None = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
        dtype: Any = np.float32,
        segmenter: Segmenter | None = None,
        n_threads: int | None = None,
        progress: bool | None = None,
    ) -> None:
        super().__init__(
            ngram_range=ngram_range,
            min_df=min_df,
            max_df=max_df,
            max_features=max_features,
            vocabulary=vocabulary,
            binary=binary,
            lowercase=lowercase,
            stop_words=stop_words,
            dtype=dtype,
            segmenter=segmenter,
            n_threads=n_threads,
            progress=progress,
        )
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def _settings_checked(self) -> None:
        super()._settings_checked()
        _norm_arg(self.norm)
        for name in ("use_idf", "smooth_idf", "sublinear_tf"):
            check_bool(getattr(self, name), name)

    def _set_vocabulary(self, terms: list[str], df: np.ndarray, documents: int) -> None:
        super()._set_vocabulary(terms, df, documents)
        self._idf = (
            np.asarray(_core.inverse_document_frequency(df, documents, self.smooth_idf))
            if self.use_idf
            else None
        )

    def _matrix(self, counter: Any) -> scipy.sparse.csr_matrix:
        idf = self._idf if self._idf is not None else []
        return counter.matrix(
            self._dtype_arg(self._dtypes),
            self.binary,
            _norm_arg(self.norm),
            self.sublinear_tf,
            idf,
        )

    @property
    def idf_(self) -> np.ndarray:
        """The inverse document frequency of each term (with ``use_idf``)."""
        self._check_fitted()
        if self._idf is None:
            raise AttributeError("idf_ is only defined with use_idf=True")
        return self._idf

    def _restore(self, vocabulary: Any, idf: Any) -> None:
        super()._restore(vocabulary, idf)
        if vocabulary is not None:
            self._idf = np.asarray(idf) if len(idf) else None  # as fitted, not recomputed

    def _fitted_state(self) -> tuple[list[str] | None, Any, int, Any]:
        terms, df, documents, _ = super()._fitted_state()
        idf = getattr(self, "_idf", None)
        return terms, df, documents, (idf if idf is not None and terms is not None else np.zeros(0))


def _norm_arg(norm: Any) -> _core.Norm:
    """The core's member for the `norm` parameter ("l1", "l2" or None)."""
    if norm is None:
        return _core.Norm.none
    if norm in ("l1", "l2"):
        return _core.Norm.l1 if norm == "l1" else _core.Norm.l2
    raise ValueError(f"norm must be 'l1', 'l2' or None, not {norm!r}")


class HashingVectorizer(_Vectorizer):
    """Hashed term counts, as scikit-learn's ``HashingVectorizer``: no vocabulary to learn.

    A term's column is its MurmurHash3 (the same as scikit-learn's) modulo `n_features`, so
    partitions of a corpus can be vectorized independently, in any order, on any machine, and
    their rows stacked. With the same tokens the values equal scikit-learn's.

    Parameters: `n_features` (default 2**20), `alternate_sign` (default True: a term whose hash
    is negative counts -1, so that collisions cancel out on average), `binary`, `norm` ("l2",
    "l1" or None), `ngram_range`, `lowercase`, `stop_words`, `dtype` (float32 or float64),
    `segmenter`, `n_threads`, `progress` as for :class:`CountVectorizer`.
    """

    def __init__(
        self,
        *,
        n_features: int = 2**20,
        ngram_range: tuple[int, int] = (1, 1),
        lowercase: bool = True,
        stop_words: str | Iterable[str] | None = None,
        alternate_sign: bool = True,
        binary: bool = False,
        norm: str | None = "l2",
        dtype: Any = np.float32,
        segmenter: Segmenter | None = None,
        n_threads: int | None = None,
        progress: bool | None = None,
    ) -> None:
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.lowercase = lowercase
        self.stop_words = stop_words
        self.alternate_sign = alternate_sign
        self.binary = binary
        self.norm = norm
        self.dtype = dtype
        self.segmenter = segmenter
        self.n_threads = n_threads
        self.progress = progress

    def fit(self, X: Any = None, y: Any = None) -> HashingVectorizer:
        """Check the parameters (there is nothing to learn)."""
        self._counter()
        return self

    def partial_fit(self, X: Any = None, y: Any = None) -> HashingVectorizer:
        """Nothing to learn: as :meth:`fit`."""
        return self.fit(X, y)

    def transform(self, raw_documents: Iterable[Any]) -> scipy.sparse.csr_matrix:
        """The hashed document-term matrix of the documents."""
        counter = self._counter()
        self._feed(counter, raw_documents)
        return counter.matrix(
            self._dtype_arg(("float32", "float64")), self.binary, _norm_arg(self.norm)
        )

    def fit_transform(self, raw_documents: Iterable[Any], y: Any = None) -> scipy.sparse.csr_matrix:
        """As :meth:`transform`."""
        return self.transform(raw_documents)

    def _counter(self) -> Any:
        n = check_int(self.n_features, "n_features", 1, 2**31 - 1)
        for name in ("alternate_sign", "binary"):
            check_bool(getattr(self, name), name)
        _norm_arg(self.norm)
        self._dtype_arg(("float32", "float64"))
        return _core.TermCounter.hashing(
            n_features=n, alternate_sign=self.alternate_sign, **self._analyzer_args()
        )


def keywords_by_group(
    frame: pd.DataFrame,
    by: str | list[str] = "author",
    top_n: int = 20,
    *,
    text: str = "text",
    vectorizer: TfidfVectorizer | None = None,
    words_only: bool = True,
    min_length: int = 2,
) -> pd.DataFrame:
    """The distinctive terms of each group of articles (each author unit, each year...).

    The articles of a group are read as one document, and the groups are weighed against each
    other with TF-IDF: a term ranks high in a group that uses it often and other groups do not.

    Parameters
    ----------
    frame : DataFrame
        One row per article, e.g. :meth:`gongwen.Corpus.to_frame`.
    by : str or list of str, default "author"
        The column(s) to group by; rows whose key is missing are left out.
    top_n : int, default 20
    text : str, default "text"
        The column holding the article text.
    vectorizer : TfidfVectorizer, optional
        Its parameters are used (a copy is fitted); default ``TfidfVectorizer(sublinear_tf=True)``.
    words_only, min_length
        As for :meth:`TfidfVectorizer.keywords`.

    Returns
    -------
    DataFrame
        The group key column(s), then ``articles`` (articles in the group), ``rank`` (1 for
        the most distinctive), ``term`` and ``weight``.
    """
    import pandas as pd

    top_n = check_top_n(top_n)
    keys = [by] if isinstance(by, str) else list(by)
    missing = [c for c in [*keys, text] if c not in frame.columns]
    if missing:
        raise KeyError(f"frame has no column {missing[0]!r}; columns: {list(frame.columns)}")
    grouped = frame.dropna(subset=keys).groupby(keys, sort=True)[text]
    documents = grouped.agg(lambda texts: "\n".join(t for t in texts if isinstance(t, str)))
    if documents.empty:
        raise ValueError("no articles to group")
    if len(documents) == 1:
        warnings.warn(
            f"all articles fall in one group of {keys}: its terms are the most frequent ones, "
            "not distinctive ones",
            GongwenWarning,
            stacklevel=2,
        )
    sizes = grouped.size()
    model = unfitted_copy(vectorizer)
    weights = model.fit_transform(documents)
    top = model.keywords(
        weights, top_n, words_only=words_only, min_length=min_length, index=documents.index
    )
    rows = []
    for key, pairs in top.items():
        key_values = key if isinstance(key, tuple) else (key,)
        for rank, (term, weight) in enumerate(pairs, start=1):
            rows.append((*key_values, int(sizes.loc[key]), rank, term, weight))
    return pd.DataFrame(rows, columns=[*keys, "articles", "rank", "term", "weight"])


def unfitted_copy(vectorizer: TfidfVectorizer | None) -> TfidfVectorizer:
    """A new vectorizer with `vectorizer`'s parameters (default ``TfidfVectorizer(sublinear_tf=
    True)``: long articles do not drown short ones), so that fitting leaves the caller's alone."""
    if vectorizer is None:
        return TfidfVectorizer(sublinear_tf=True)
    return type(vectorizer)(**vectorizer.get_params())
