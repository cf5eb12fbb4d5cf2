"""The vectorizers against scikit-learn (a test-only dependency), and their own behaviour."""

from __future__ import annotations

import itertools
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse
from sklearn.feature_extraction.text import CountVectorizer as SkCount
from sklearn.feature_extraction.text import HashingVectorizer as SkHashing
from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from testdata import SAMPLE

import gongwen


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The articles of the sample corpus."""
    frame = gongwen.Corpus.from_paths(SAMPLE).to_frame()
    return frame["text"].tolist()


@pytest.fixture(scope="module")
def tokens(texts: list[str]) -> list[list[str]]:
    """The same articles as word lists (punctuation kept: the caller's tokens are taken as is)."""
    return gongwen.Segmenter().cut_many(texts)


def sklearn_twin(cls: type, **params: object) -> object:
    """The scikit-learn vectorizer that takes the same word lists as given."""
    lower = params.pop("lowercase", True)
    return cls(
        tokenizer=lambda words: words,
        preprocessor=(lambda words: [w.lower() for w in words]) if lower else (lambda w: w),
        token_pattern=None,
        lowercase=False,
        **params,
    )


def assert_same(ours: scipy.sparse.csr_matrix, theirs: scipy.sparse.csr_matrix) -> None:
    """Equal to within 1e-6, relative for weights above 1 (unnormalised float32 ones reach 100,
    where float32 itself resolves only 1e-5)."""
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours.toarray(), theirs.toarray(), rtol=1e-6, atol=1e-6)


GRID = [
    dict(zip(("ngram_range", "min_df", "max_df", "norm", "sublinear_tf", "smooth_idf"), combo))
    for combo in itertools.product(
        [(1, 1), (1, 2), (2, 3)],
        [1, 2, 0.1],
        [1.0, 0.6, 5],
        ["l2", "l1", None],
        [False, True],
        [True, False],
    )
]


@pytest.fixture(scope="module")
def short_tokens(tokens: list[list[str]]) -> list[list[str]]:
    """The first 1,500 words of each article: the grid runs fast and still meets each case."""
    return [words[:1500] for words in tokens]


@pytest.mark.parametrize("params", GRID, ids=lambda p: "-".join(map(str, p.values())))
def test_tfidf_equals_sklearn(short_tokens: list[list[str]], params: dict) -> None:
    tokens = short_tokens
    ours = gongwen.TfidfVectorizer(**params)
    theirs = sklearn_twin(SkTfidf, **params)
    x, y = ours.fit_transform(tokens), theirs.fit_transform(tokens)
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())
    assert ours.vocabulary_ == theirs.vocabulary_
    np.testing.assert_allclose(ours.idf_, theirs.idf_, rtol=1e-12)
    assert x.dtype == np.float32
    assert_same(x, y)
    assert_same(ours.transform(tokens[:3]), theirs.transform(tokens[:3]))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"binary": True, "use_idf": False},
        {"stop_words": ["的", "和", "是"], "ngram_range": (1, 2)},
        {"max_features": 50},
        {"lowercase": False},
        {"vocabulary": ["党建", "发展", "乡村振兴", "不存在的词"]},
        {"vocabulary": {"发展": 1, "党建": 0}},
        {"dtype": np.float64},
    ],
)
def test_options_equal_sklearn(tokens: list[list[str]], params: dict) -> None:
    ours = gongwen.TfidfVectorizer(**params)
    theirs = sklearn_twin(SkTfidf, **params)
    x, y = ours.fit_transform(tokens), theirs.fit_transform(tokens)
    assert list(ours.get_feature_names_out()) == list(theirs.get_feature_names_out())
    assert_same(x, y)


def test_word_lists_of_distinct_objects_and_tuples_count_alike(tokens: list[list[str]]) -> None:
    # cut_many shares one str per word; other tokenizers make a new str per occurrence.
    fresh = [tuple(w.encode().decode() for w in words) for words in tokens]
    assert fresh[0][0] is not tokens[0][0]
    shared = gongwen.CountVectorizer().fit_transform(tokens)
    copied = gongwen.CountVectorizer().fit_transform(fresh)
    assert (shared != copied).nnz == 0


def test_batches_end_at_a_count_or_a_weight() -> None:
    from gongwen._util import batches

    assert list(batches(range(5), 2)) == [[0, 1], [2, 3], [4]]
    texts = ["a" * 3, "b" * 3, "c", "d" * 10, "e"]
    assert list(batches(texts, 10, max_weight=6)) == [texts[:2], texts[2:4], texts[4:]]


def test_max_features_keeps_the_most_frequent_with_ties_in_term_order() -> None:
    docs = [["b", "a", "c", "c"], ["d", "a", "b"]]  # a, b: 2 each; c: 2; d: 1
    vec = gongwen.CountVectorizer(max_features=2).fit(docs)
    assert list(vec.get_feature_names_out()) == ["a", "b"]


def test_counts_equal_sklearn(tokens: list[list[str]]) -> None:
    for params in [{}, {"binary": True}, {"ngram_range": (1, 2), "min_df": 2}]:
        ours = gongwen.CountVectorizer(**params)
        theirs = sklearn_twin(SkCount, **params)
        x = ours.fit_transform(tokens)
        assert x.dtype == np.int64
        assert_same(x, theirs.fit_transform(tokens))
        np.testing.assert_array_equal(
            ours.document_frequency_, (theirs.transform(tokens) > 0).sum(axis=0).A1
        )


@pytest.mark.parametrize(
    "params",
    [
        {"n_features": 2**10},
        {"n_features": 2**6, "alternate_sign": False, "norm": "l1"},
        {"n_features": 2**8, "binary": True, "norm": None, "ngram_range": (1, 2)},
    ],
)
def test_hashing_equals_sklearn(tokens: list[list[str]], params: dict) -> None:
    ours = gongwen.HashingVectorizer(dtype=np.float64, **params)
    theirs = sklearn_twin(SkHashing, **params)
    assert_same(ours.transform(tokens), theirs.transform(tokens))


def test_hashing_needs_no_fit_and_partitions_stack(texts: list[str]) -> None:
    vec = gongwen.HashingVectorizer(n_features=2**12)
    whole = vec.transform(texts)
    parts = scipy.sparse.vstack([vec.transform(texts[:2]), vec.transform(texts[2:])])
    np.testing.assert_array_equal(whole.toarray(), parts.toarray())
    with pytest.raises(ValueError, match="n_features"):
        gongwen.HashingVectorizer(n_features=0).fit()


def test_raw_text_is_segmented_and_sklearn_drops_one_character_words(texts: list[str]) -> None:
    vec = gongwen.CountVectorizer()
    x = vec.fit_transform(texts)
    terms = set(vec.get_feature_names_out())
    assert {"党建", "乡村振兴", "书记项目", "村", "党"} <= terms
    assert not terms & {"，", "。", "、", " "}
    # scikit-learn's default token pattern keeps only runs of two or more word characters.
    default = SkCount().fit(texts)
    assert "党" not in default.vocabulary_
    assert x.shape == (len(texts), len(terms))


def test_a_series_keeps_its_index_and_a_generator_is_streamed(texts: list[str]) -> None:
    series = pd.Series(texts, index=[f"a{i}" for i in range(len(texts))])
    vec = gongwen.TfidfVectorizer(stop_words="zh")
    x = vec.fit_transform(series)
    keywords = vec.keywords(x, top_n=3, index=series.index)
    assert list(keywords.index) == list(series.index)
    assert list(vec.keywords(series, top_n=3).index) == list(series.index)
    streamed = gongwen.TfidfVectorizer(stop_words="zh").fit(t for t in texts)
    assert list(streamed.get_feature_names_out()) == list(vec.get_feature_names_out())
    np.testing.assert_allclose(vec.transform(iter(texts)).toarray(), x.toarray(), atol=1e-7)


def test_keywords_are_words_heaviest_first(texts: list[str]) -> None:
    vec = gongwen.TfidfVectorizer(ngram_range=(1, 2))
    x = vec.fit_transform(texts)
    keywords = vec.keywords(x, top_n=8)
    assert len(keywords) == len(texts)
    for row, pairs in zip(x, keywords):
        weights = [w for _, w in pairs]
        assert weights == sorted(weights, reverse=True)
        for term, weight in pairs:
            assert all(w not in gongwen.STOP_WORDS for w in term.split(" "))
            assert not any(ch.isdigit() for ch in term)
            assert weight == pytest.approx(row[0, vec.vocabulary_[term]])
    everything = vec.keywords(x, top_n=8, words_only=False)
    assert any(
        any(w in gongwen.STOP_WORDS for w in term.split(" "))
        for pairs in everything
        for term, _ in pairs
    )
    with pytest.raises(ValueError, match="top_n"):
        vec.keywords(x, top_n=-1)
    with pytest.raises(ValueError, match="columns"):
        vec.keywords(x[:, :10])


def test_keywords_by_group() -> None:
    frame = gongwen.Corpus.from_paths(SAMPLE).to_frame()
    table = gongwen.keywords_by_group(frame, by="author", top_n=5)
    assert list(table.columns) == ["author", "articles", "rank", "term", "weight"]
    assert set(table["author"]) == set(frame["author"].dropna())
    assert (table.groupby("author")["rank"].max() == 5).all()
    assert (table["articles"] == 1).all()
    weights = table[table["author"] == "中共桐城市委"]["weight"].tolist()
    assert weights == sorted(weights, reverse=True)
    assert all(len(w) >= 2 for term in table["term"] for w in term.split(" "))
    # Rows with a missing key are left out: the national documents have no publication.
    two = gongwen.keywords_by_group(frame, by=["publication", "author"], top_n=3)
    assert list(two.columns[:2]) == ["publication", "author"] and len(two) == 9
    with pytest.warns(gongwen.GongwenWarning, match="one group"):
        gongwen.keywords_by_group(frame, by="publication")
    with pytest.raises(KeyError, match="nope"):
        gongwen.keywords_by_group(frame, by="nope")


def test_empty_inputs_and_stop_word_only_documents() -> None:
    with pytest.raises(ValueError, match="empty vocabulary"):
        gongwen.TfidfVectorizer().fit([])
    with pytest.raises(ValueError, match="empty vocabulary"):
        gongwen.TfidfVectorizer(stop_words="zh").fit(["的了和", "我们的"])
    with pytest.raises(ValueError, match="empty vocabulary"):
        SkTfidf(stop_words=["a"]).fit(["a a"])  # scikit-learn says the same
    vec = gongwen.TfidfVectorizer().fit(["党建引领", ""])
    x = vec.transform(["", "完全没见过的词语", "党建引领"])
    assert x.shape == (3, len(vec.vocabulary_))
    assert x[0].nnz == 0 and x[1].nnz == 0 and x[2].nnz == 1


def test_bad_documents_and_parameters_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="string object received"):
        gongwen.TfidfVectorizer().fit("党建引领")
    with pytest.raises(ValueError, match="document 1 is missing"):
        gongwen.TfidfVectorizer().fit(["党建", None])
    with pytest.raises(ValueError, match="document 2 is missing"):
        gongwen.TfidfVectorizer().fit(pd.Series(["党建", "引领", np.nan]))
    with pytest.raises(TypeError, match="document 1 is a int"):
        gongwen.TfidfVectorizer().fit(["党建", 3])
    with pytest.raises(TypeError, match="words must be str"):
        gongwen.TfidfVectorizer().fit([["党建", 3]])
    with pytest.raises(ValueError, match="max_df corresponds"):
        gongwen.TfidfVectorizer(min_df=3, max_df=2).fit([["a"], ["a"], ["a"]])
    with pytest.raises(ValueError, match="no terms remain"):
        gongwen.TfidfVectorizer(min_df=2).fit([["a"], ["b"]])
    with pytest.raises(ValueError, match="Duplicate term"):
        gongwen.TfidfVectorizer(vocabulary=["a", "a"]).fit([["a"]])
    with pytest.raises(ValueError, match="doesn't contain index 1"):
        gongwen.TfidfVectorizer(vocabulary={"a": 0, "b": 2}).fit([["a"]])
    for bad in [
        {"ngram_range": (2, 1)},
        {"ngram_range": [1, 2]},
        {"min_df": 1.5},
        {"max_df": -1},
        {"max_features": 0},
        {"norm": "l3"},
        {"dtype": np.int64},
        {"stop_words": "english"},
    ]:
        with pytest.raises(ValueError):
            gongwen.TfidfVectorizer(**bad).fit([["a"]])
    with pytest.raises(gongwen.NotFittedError, match="not fitted"):
        gongwen.TfidfVectorizer().transform(["党建"])
    assert issubclass(gongwen.NotFittedError, AttributeError)
    # Lone surrogates (which UTF-8 cannot hold) segment as symbols in raw text, and become
    # U+FFFD in a word list, instead of failing.
    vec = gongwen.CountVectorizer().fit(["党建\ud800引领"])
    assert list(vec.get_feature_names_out()) == ["党建", "引领"]
    vec = gongwen.CountVectorizer().fit([["党建\ud800"]])
    assert list(vec.get_feature_names_out()) == ["党建\ufffd"]


def test_pipeline_and_grid_search() -> None:
    texts = ["推进乡村振兴发展产业", "乡村振兴产业兴旺", "发展乡村产业振兴"] * 4 + [
        "加强基层党建引领",
        "党建引领基层治理",
        "基层党组织建设党建",
    ] * 4
    labels = [0] * 12 + [1] * 12
    pipeline = Pipeline([("tfidf", gongwen.TfidfVectorizer()), ("clf", LogisticRegression())])
    search = GridSearchCV(pipeline, {"tfidf__ngram_range": [(1, 1), (1, 2)]}, cv=2)
    search.fit(texts, labels)
    assert search.best_score_ == 1.0
    assert search.predict(["党建引领乡村振兴中的基层治理"])[0] == 1
    params = gongwen.TfidfVectorizer(min_df=2).get_params()
    assert params["min_df"] == 2 and params["norm"] == "l2"
    assert repr(gongwen.TfidfVectorizer(min_df=2)) == "TfidfVectorizer(min_df=2)"
    with pytest.raises(ValueError, match="Invalid parameter"):
        gongwen.TfidfVectorizer().set_params(bogus=1)


def test_pickle_save_and_load(tmp_path: Path, texts: list[str]) -> None:
    segmenter = gongwen.Segmenter(user_words=["组织工作会议"])
    vec = gongwen.TfidfVectorizer(ngram_range=(1, 2), stop_words="zh", segmenter=segmenter)
    x = vec.fit_transform(texts)
    for copy in [
        pickle.loads(pickle.dumps(vec)),
        gongwen.TfidfVectorizer.load(_saved(vec, tmp_path / "vec.gw")),
    ]:
        assert copy.get_params().keys() == vec.get_params().keys()
        assert copy.ngram_range == (1, 2) and copy.stop_words == "zh"
        assert copy.dtype is np.float32
        assert "组织工作会议" in copy.segmenter
        np.testing.assert_array_equal(copy.idf_, vec.idf_)
        np.testing.assert_array_equal(copy.transform(texts).toarray(), x.toarray())
    unfitted = pickle.loads(pickle.dumps(gongwen.CountVectorizer(vocabulary={"b": 0, "a": 1})))
    assert unfitted.vocabulary == {"b": 0, "a": 1}
    hashing = pickle.loads(pickle.dumps(gongwen.HashingVectorizer(n_features=64, norm=None)))
    assert hashing.n_features == 64 and hashing.norm is None
    no_idf = pickle.loads(pickle.dumps(gongwen.TfidfVectorizer(use_idf=False).fit(texts)))
    with pytest.raises(AttributeError, match="use_idf"):
        _ = no_idf.idf_
    with pytest.raises(ValueError, match="holds a TfidfVectorizer"):
        gongwen.CountVectorizer.load(tmp_path / "vec.gw")
    data = (tmp_path / "vec.gw").read_bytes()
    (tmp_path / "cut.gw").write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="truncated|corrupted"):
        gongwen.TfidfVectorizer.load(tmp_path / "cut.gw")
    flipped = bytearray(data)
    flipped[len(data) // 3] ^= 0x01
    (tmp_path / "flipped.gw").write_bytes(bytes(flipped))
    with pytest.raises(ValueError, match="corrupted"):
        gongwen.TfidfVectorizer.load(tmp_path / "flipped.gw")
    with pytest.raises(FileNotFoundError):
        gongwen.TfidfVectorizer.load(tmp_path / "missing.gw")


def _saved(vec: gongwen.TfidfVectorizer, path: Path) -> Path:
    vec.save(path)
    return path


def test_output_buffers_are_not_copied(texts: list[str]) -> None:
    x = gongwen.TfidfVectorizer().fit_transform(texts)
    assert x.indices.dtype == np.int32 and x.indptr.dtype == np.int32
    # The arrays view memory owned by the core's matrix, kept alive by their base.
    assert x.data.base is not None and not x.data.flags.owndata
    assert x.has_sorted_indices


def test_corpus_keywords_follow_the_frame_and_skip_lone_characters() -> None:
    corpus = gongwen.Corpus.from_paths(SAMPLE)
    frame = corpus.to_frame()
    keywords = corpus.keywords(top_n=5)
    assert list(keywords.index) == list(frame.index)
    second = [term for term, _ in keywords.iloc[1]]  # 坚持党建引领 促进乡村振兴
    assert "乡村振兴" in second and all(len(term) >= 2 for term in second)
    vec = gongwen.TfidfVectorizer(sublinear_tf=True)
    x = vec.fit_transform(frame["text"])
    with_single = vec.keywords(x, top_n=50, min_length=1)
    assert any(len(term) == 1 for pairs in with_single for term, _ in pairs)
    bigrams = gongwen.TfidfVectorizer(ngram_range=(2, 2)).fit(frame["text"])
    for pairs in bigrams.keywords(frame["text"], top_n=20):
        assert all(len(w) >= 2 for term, _ in pairs for w in term.split(" "))
    with pytest.raises(ValueError, match="min_length"):
        vec.keywords(x, min_length=-1)


def test_a_given_vocabulary_counts_without_fitting() -> None:
    # As scikit-learn: a CountVectorizer with a vocabulary transforms unfitted; TF-IDF needs idf.
    vocabulary = {"引领": 0, "党建": 1, "缺席": 2}
    counts = gongwen.CountVectorizer(vocabulary=vocabulary).transform([["党建", "引领", "党建"]])
    assert counts.toarray().tolist() == [[1, 2, 0]]
    with pytest.raises(gongwen.NotFittedError):
        gongwen.TfidfVectorizer(vocabulary=vocabulary).transform(["坚持党建引领"])
    with pytest.raises(gongwen.NotFittedError):
        gongwen.CountVectorizer().transform(["坚持党建引领"])
