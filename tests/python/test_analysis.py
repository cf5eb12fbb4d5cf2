"""The corpus compared: Corpus.topics, similar_articles, find_reuse, reuse_html and the report."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from testdata import SAMPLE

import gongwen
from gongwen.display import reuse_html
from gongwen.report import corpus_findings, render_report


@pytest.fixture(scope="module")
def corpus() -> gongwen.Corpus:
    return gongwen.Corpus.from_paths(SAMPLE)


@pytest.fixture(scope="module")
def frame(corpus: gongwen.Corpus) -> pd.DataFrame:
    return corpus.to_frame()


def row_of(frame: pd.DataFrame, title_part: str) -> int:
    (rows,) = np.nonzero(frame["title"].str.contains(title_part).to_numpy())
    assert len(rows) == 1, title_part
    return int(frame.index[rows[0]])


def corpus_of(*texts: str) -> gongwen.Corpus:
    return gongwen.Corpus([gongwen.parse_bulletin(t) for t in texts])


# -- topics ---------------------------------------------------------------------------------------


def test_topics_label_their_columns_and_share_each_article(
    corpus: gongwen.Corpus, frame: pd.DataFrame
) -> None:
    topics = corpus.topics(n_topics=3)
    assert list(topics.weights.columns) == topics.labels and len(topics.labels) == 3
    assert topics.weights.index.equals(frame.index)
    assert np.allclose(topics.weights.sum(axis=1), 1.0, atol=1e-5)
    assert (topics.weights.to_numpy() >= 0).all()
    # Content words only: no stop word, number or single character among the terms.
    terms = set(topics.terms["term"])
    assert terms and all(len(t) >= 2 for t in terms) and not terms & gongwen.STOP_WORDS
    assert all(label.startswith(f"{i}: ") for i, label in enumerate(topics.labels))
    # The two committee laws fall under one topic, the two work reports under one.
    dominant = topics.dominant()
    laws = [row_of(frame, "居民委员会"), row_of(frame, "村民委员会")]
    reports = [row_of(frame, "2023年中华"), row_of(frame, "2024年中华")]
    assert dominant[laws[0]] == dominant[laws[1]]
    assert dominant[reports[0]] == dominant[reports[1]]


def test_topics_are_seeded_and_default_to_a_few(corpus: gongwen.Corpus) -> None:
    first, again = corpus.topics(), corpus.topics()
    assert len(first.labels) == 4  # round(sqrt(14 articles))
    assert first.labels == again.labels
    assert np.array_equal(first.weights.to_numpy(), again.weights.to_numpy())
    lsa = corpus.topics(2, method="lsa")
    assert lsa.model.explained_variance_ratio_.shape == (2,)


def test_topics_of_a_corpus_without_words_is_a_clear_error() -> None:
    with pytest.raises(ValueError):
        corpus_of("。。。", "，，").topics()


# -- nearest articles -----------------------------------------------------------------------------


def test_similar_articles_pair_the_laws_and_the_reports(
    corpus: gongwen.Corpus, frame: pd.DataFrame
) -> None:
    near = corpus.similar_articles(top_n=2)
    assert list(near.columns) == [
        "article",
        "rank",
        "neighbour",
        "score",
        "title",
        "neighbour_title",
    ]
    assert len(near) == 2 * len(frame)
    first = near[near["rank"] == 1].set_index("article")["neighbour"]
    urban, village = row_of(frame, "居民委员会"), row_of(frame, "村民委员会")
    y2023, y2024 = row_of(frame, "2023年中华"), row_of(frame, "2024年中华")
    assert first[urban] == village and first[village] == urban
    assert first[y2023] == y2024 and first[y2024] == y2023
    assert (near["article"] != near["neighbour"]).all()
    # Scores are the cosines of the TF-IDF rows, nearest first.
    matrix = gongwen.TfidfVectorizer(sublinear_tf=True).fit_transform(frame["text"])
    dense = matrix.toarray().astype(float)
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    for row in near.itertuples():
        assert row.score == pytest.approx(dense[row.article] @ dense[row.neighbour], abs=1e-5)
    assert (near.groupby("article")["score"].diff().dropna() <= 0).all()
    assert (near["title"] == frame["title"].reindex(near["article"]).to_numpy()).all()


def test_similar_articles_threshold_and_small_corpora(corpus: gongwen.Corpus) -> None:
    near = corpus.similar_articles(top_n=7, threshold=0.3)
    assert len(near) < 7 * len(corpus.articles) and (near["score"] >= 0.3).all()
    assert corpus_of("党建引领乡村振兴").similar_articles().empty
    assert gongwen.Corpus().similar_articles().empty
    with pytest.raises(ValueError, match="top_n must be"):
        corpus.similar_articles(top_n=0)


# -- reused passages ------------------------------------------------------------------------------


def test_corpus_find_reuse_names_the_articles(corpus: gongwen.Corpus, frame: pd.DataFrame) -> None:
    reuse = corpus.find_reuse()
    assert not reuse.empty
    y2023, y2024 = row_of(frame, "2023年中华"), row_of(frame, "2024年中华")
    pairs = set(zip(reuse["doc_a"], reuse["doc_b"]))
    assert (y2023, y2024) in pairs
    for row in reuse.itertuples():
        assert frame["text"][row.doc_a][row.start_a : row.end_a] == row.text_a
        assert frame["text"][row.doc_b][row.start_b : row.end_b] == row.text_b
        assert row.title_a == frame["title"][row.doc_a]
        assert row.title_b == frame["title"][row.doc_b]
    assert (reuse["chars"] >= 30).all()
    assert gongwen.Corpus().find_reuse().empty


def test_reuse_html_marks_shared_text_and_edits() -> None:
    a = "前文。各地要坚持党建引领，推动乡村振兴，建强村党组织书记队伍，落实书记项目制度。后文"
    b = "开头：各地要坚持党建引领、推动乡村全面振兴，建强村党组织书记队伍，落实书记项目制度。结尾"
    reuse = gongwen.find_reuse([a, b], min_chars=20)
    assert len(reuse) == 1
    html = reuse_html(reuse, [a, b], context=3)
    assert html.count("<tr>") == 2  # a heading row and a passage row
    assert "<mark>各地要坚持党建引领</mark>" in html
    assert '<span class="gw-edit">全面</span>' in html  # inserted in b only
    assert '<span class="gw-context">前文。</span>' in html  # context before the passage
    assert "<style>" in html
    without_context = reuse_html(reuse)
    assert "gw-context" not in without_context.split("</style>")[1]
    assert "No reused passages" in reuse_html(reuse.iloc[:0])


def test_reuse_html_escapes_and_limits() -> None:
    passage = "<b>坚持党建引领推动基层治理现代化建设落实书记项目制度</b>"
    texts = pd.Series([passage + "甲", "乙" + passage], index=["x&y", "z"])
    reuse = gongwen.find_reuse(texts, min_chars=20)
    html = reuse_html(reuse, texts)
    assert "<b>" not in html.split("</style>")[1]
    assert "&lt;" in html and "&gt;" in html and "x&amp;y" in html
    assert (
        reuse_html(reuse, texts, max_rows=0) == '<p class="gw-reuse-none">No reused passages.</p>'
    )


# -- report ---------------------------------------------------------------------------------------


def test_report_shows_topics_neighbours_and_reuse(corpus: gongwen.Corpus) -> None:
    findings = corpus_findings(corpus)
    html = render_report(corpus, findings=findings)
    assert "主题 Topics (4)" in html
    assert "相似文章 Nearest articles" in html
    assert "重复段落 Reused passages" in html and "<mark>" in html
    for term in findings.topics.terms.loc[findings.topics.terms["topic"] == 0, "term"]:
        assert term in html


@pytest.mark.parametrize(
    "texts",
    [
        ("党建引领乡村振兴，书记项目落地见效。",),  # one article
        ("。。。", "！！"),  # no words at all
    ],
)
def test_report_of_tiny_corpora(texts: tuple[str, ...]) -> None:
    corpus = corpus_of(*texts)
    findings = corpus_findings(corpus)
    assert findings.topics is None
    assert findings.neighbours is None or findings.neighbours.empty
    html = render_report(corpus, findings=findings)
    assert "主题 Topics" not in html and "No reused passages" in html


# -- the article table: one frame, one matrix per set of parameters --------------------------------


@pytest.fixture
def fits(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The parameters of every TfidfVectorizer fit made while the test runs."""
    made: list[dict] = []
    original = gongwen.TfidfVectorizer.fit_transform

    def counted(self: gongwen.TfidfVectorizer, *args: object, **kwargs: object) -> object:
        made.append(self.get_params())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(gongwen.TfidfVectorizer, "fit_transform", counted)
    return made


def test_the_report_fits_one_matrix_for_keywords_topics_and_neighbours(fits: list[dict]) -> None:
    corpus = gongwen.Corpus.from_paths(SAMPLE)
    findings = corpus_findings(corpus)
    assert len(fits) == 1
    assert findings.topics is not None and findings.neighbours is not None
    render_report(corpus, findings=findings)
    assert len(fits) == 1


def test_the_table_and_matrices_are_made_once(fits: list[dict]) -> None:
    corpus = gongwen.Corpus.from_paths(SAMPLE)
    assert corpus.articles is corpus.articles
    first = corpus.articles.tfidf()
    assert corpus.articles.tfidf() is first and len(fits) == 1
    corpus.keywords()
    corpus.topics()
    corpus.similar_articles()
    assert len(fits) == 1
    mine = gongwen.TfidfVectorizer(sublinear_tf=True, min_df=2)
    other = corpus.articles.tfidf(mine)
    assert other.matrix.shape[1] < first.matrix.shape[1] and len(fits) == 2
    assert corpus.articles.tfidf(gongwen.TfidfVectorizer(sublinear_tf=True, min_df=2)) is other
    with pytest.raises(gongwen.NotFittedError):
        mine.get_feature_names_out()  # the caller's vectorizer stays unfitted
    # Threads and the progress bar change nothing in the matrix; a new segmenter might.
    corpus.articles.tfidf(gongwen.TfidfVectorizer(sublinear_tf=True, n_threads=1, progress=False))
    assert len(fits) == 2
    corpus.articles.tfidf(gongwen.TfidfVectorizer(sublinear_tf=True, segmenter=gongwen.Segmenter()))
    assert len(fits) == 3


def test_the_cached_matrix_is_the_one_a_fit_gives(corpus: gongwen.Corpus) -> None:
    table = corpus.articles
    matrix, vectorizer = table.tfidf()
    expected = gongwen.TfidfVectorizer(sublinear_tf=True).fit_transform(corpus.to_frame()["text"])
    assert (matrix != expected).nnz == 0
    assert list(vectorizer.get_feature_names_out()) == list(
        gongwen.TfidfVectorizer(sublinear_tf=True).fit(table.texts).get_feature_names_out()
    )
    assert table.frame.index.equals(table.texts.index) and len(table) == matrix.shape[0]


def test_to_frame_is_a_copy_that_leaves_the_table_alone(corpus: gongwen.Corpus) -> None:
    frame = corpus.to_frame()
    frame["text"] = ""
    frame["extra"] = 1
    assert "extra" not in corpus.articles.frame
    assert (corpus.articles.frame["text"].str.len() > 0).all()
    assert corpus.to_frame().equals(gongwen.Corpus(corpus.documents).to_frame())


def test_a_corpus_does_not_change(corpus: gongwen.Corpus) -> None:
    import pickle

    assert isinstance(corpus.documents, tuple) and isinstance(corpus.bulletins, tuple)
    with pytest.raises(AttributeError):
        corpus.documents = ()  # type: ignore[misc]
    copy = pickle.loads(pickle.dumps(corpus))
    assert copy.to_frame().equals(corpus.to_frame()) and copy.errors == corpus.errors
    corpus.articles.tfidf()
    # The table and its matrices are made again from the documents, not pickled beside them.
    assert len(pickle.dumps(corpus)) < 1.01 * len(pickle.dumps((corpus.documents, corpus.errors)))


def test_the_analyses_take_a_table_and_its_matrix() -> None:
    from gongwen.analysis import article_keywords, article_topics, similar_articles

    frame = pd.DataFrame(
        {
            "title": ["甲", "乙", "丙"],
            "text": ["党建引领基层治理，网格员走访。", "基层治理靠网格员。", "乡村振兴产业发展。"],
        },
        index=[10, 20, 30],
    )
    table = gongwen.ArticleTable(frame)
    tfidf = table.tfidf()
    keywords = article_keywords(frame, tfidf, 2)
    assert list(keywords.index) == [10, 20, 30]
    near = similar_articles(frame, tfidf, 1)
    assert near.set_index("article")["neighbour"].to_dict() == {10: 20, 20: 10, 30: 10}
    topics = article_topics(frame, tfidf, 2)
    assert list(topics.weights.index) == [10, 20, 30]
    assert gongwen.find_reuse(table).empty  # a table is read as its texts
    with pytest.raises(ValueError, match="'text' column"):
        gongwen.ArticleTable(pd.DataFrame({"title": ["甲"]}))
    with pytest.raises(ValueError, match="no articles"):
        gongwen.ArticleTable(frame.iloc[:0]).tfidf()
