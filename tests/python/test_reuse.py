"""gongwen.find_reuse: passages shared by pairs of documents."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from testdata import REFERENCE, SAMPLE

import gongwen
from gongwen.reuse import REUSE_COLUMNS

PASSAGE = (
    "坚持党建引领基层治理，推动组织资源向网格下沉，把党支部建在网格上，"
    "让党员在网格中亮身份、作表率，切实打通服务群众最后一公里"
)
BEFORE = "今年以来，我市深入开展调查研究，围绕重点任务细化工作举措。"
AFTER = "下一步，将持续总结经验做法，形成一批可复制可推广的制度成果。"
OTHER = "春节期间各地文化活动丰富多彩，群众游园赏灯，气氛热烈祥和。"


def assert_spans_slice_back(frame: pd.DataFrame, texts: dict | list | pd.Series) -> None:
    for row in frame.itertuples():
        assert texts[row.doc_a][row.start_a : row.end_a] == row.text_a
        assert texts[row.doc_b][row.start_b : row.end_b] == row.text_b


def test_a_copied_passage_with_other_punctuation_is_found() -> None:
    edited = PASSAGE.replace("，", "；", 1).replace("，把", "\n把").replace("、", " ")
    texts = [BEFORE + PASSAGE + AFTER, OTHER, OTHER + "\n" + edited + "。"]
    frame = gongwen.find_reuse(texts)
    assert list(frame.columns) == REUSE_COLUMNS
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row.doc_a, row.doc_b) == (0, 2)
    assert row.text_a == PASSAGE
    assert row.text_b == edited
    assert row.chars == 56
    assert row.similarity == 1.0
    assert_spans_slice_back(frame, texts)


def test_offsets_are_str_indices_with_astral_characters_and_surrogates() -> None:
    # Emoji and astral CJK (one str index each) and a lone surrogate before the passages.
    texts = ["😀𠀀\ud800前言：" + PASSAGE + "。", "𪚥𪚥𪚥" + PASSAGE.replace("，", ",") + "。后记"]
    frame = gongwen.find_reuse(texts)
    assert len(frame) == 1
    assert_spans_slice_back(frame, texts)
    # The closing 。 is in both texts, so it ends both passages.
    assert frame.text_a[0] == PASSAGE + "。"
    assert frame.start_b[0] == 3


def test_edits_within_a_passage_are_bridged() -> None:
    # Two characters replaced, a word inserted, one character deleted.
    edited = PASSAGE.replace("推动", "推进").replace("网格上", "网格之上").replace("切实", "实")
    frame = gongwen.find_reuse([BEFORE + PASSAGE, edited + AFTER])
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row.text_a == PASSAGE
    assert row.text_b == edited
    assert row.chars == 56 - 2  # 动 replaced, 切 deleted
    assert row.similarity == pytest.approx(54 / 57)  # and 之 inserted


def _paragraphs(bulletin: gongwen.Bulletin, low: int = 80, high: int = 600) -> list[str]:
    return [p for a in bulletin.articles for p in a.paragraphs if low <= len(p) <= high]


def _edit(passage: str, rng: random.Random) -> str:
    """Punctuation changed, a line break added, and three single characters edited."""
    chars = list(passage.replace("，", "；").replace("。", "，"))
    for _ in range(3):
        i = rng.randrange(5, len(chars) - 5)
        op = rng.choice(["replace", "insert", "delete"])
        if op == "replace":
            chars[i] = "某"
        elif op == "insert":
            chars.insert(i, "另")
        else:
            del chars[i]
    chars.insert(len(chars) // 2, "\n")
    return "".join(chars)


def test_planted_passages_are_found_in_real_text() -> None:
    rng = random.Random(7)
    hosts = _paragraphs(gongwen.read_bulletin(REFERENCE))[:16]
    assert len(hosts) == 16
    planted = []  # (source, target, start and end in source, start and end in target)
    texts = list(hosts)
    for k in range(0, 16, 2):
        source, target = k, k + 1
        length = rng.randrange(50, 70)
        start = rng.randrange(0, max(1, len(hosts[source]) - length))
        passage = hosts[source][start : start + length]
        edited = _edit(passage, rng)
        at = len(texts[target]) // 2
        texts[target] = texts[target][:at] + edited + texts[target][at:]
        planted.append((source, target, start, start + length, at, at + len(edited)))
    frame = gongwen.find_reuse(texts)
    assert_spans_slice_back(frame, texts)
    for source, target, sa, ea, sb, eb in planted:
        rows = frame[(frame.doc_a == source) & (frame.doc_b == target)]
        assert len(rows) == 1, (source, target)
        row = rows.iloc[0]
        # The reported spans cover most of the planted ones and little else.
        overlap_a = min(ea, row.end_a) - max(sa, row.start_a)
        overlap_b = min(eb, row.end_b) - max(sb, row.start_b)
        assert overlap_a >= 0.85 * (ea - sa)
        assert overlap_b >= 0.85 * (eb - sb)
        assert overlap_a >= 0.9 * (row.end_a - row.start_a)
        assert overlap_b >= 0.9 * (row.end_b - row.start_b)
        assert 0.8 <= row.similarity < 1
    assert len(frame) == len(planted)


def test_traditional_matches_simplified_when_asked() -> None:
    traditional = (
        "堅持黨建引領基層治理，推動組織資源向網格下沉，把黨支部建在網格上，讓黨員在網格中亮身份"
    )
    simplified = (
        "坚持党建引领基层治理，推动组织资源向网格下沉，把党支部建在网格上，让党员在网格中亮身份"
    )
    assert gongwen.find_reuse([traditional, simplified]).empty
    frame = gongwen.find_reuse([traditional, simplified], to_simplified=True)
    assert len(frame) == 1
    assert frame.text_a[0] == traditional
    assert frame.text_b[0] == simplified


def test_identical_documents_share_their_whole_text() -> None:
    text = "“" + PASSAGE + "。”"
    frame = gongwen.find_reuse([text, OTHER, text, text])
    assert list(zip(frame.doc_a, frame.doc_b)) == [(0, 2), (0, 3), (2, 3)]
    assert (frame.text_a == text).all()
    assert (frame.text_b == text).all()
    assert (frame.similarity == 1.0).all()


@pytest.mark.parametrize("texts", [[], [PASSAGE], ["", ""], [BEFORE, AFTER, OTHER]])
def test_no_reuse_gives_an_empty_frame_with_the_columns(texts: list[str]) -> None:
    frame = gongwen.find_reuse(texts)
    assert frame.empty
    assert list(frame.columns) == REUSE_COLUMNS
    assert frame.dtypes["start_a"] == "int64"
    assert frame.dtypes["similarity"] == "float64"


def test_empty_series_and_empty_corpus_give_empty_frames() -> None:
    for texts in (pd.Series([], dtype=object), gongwen.Corpus([])):
        frame = gongwen.find_reuse(texts)
        assert frame.empty
        assert list(frame.columns) == REUSE_COLUMNS


def test_a_single_document_is_never_paired_with_itself() -> None:
    # The passage twice in one document: reuse within a document is not reported.
    assert gongwen.find_reuse([PASSAGE + OTHER + PASSAGE]).empty
    assert gongwen.find_reuse(pd.Series([PASSAGE + PASSAGE], index=["甲"])).empty


def test_identical_documents_in_a_series_keep_their_labels() -> None:
    text = BEFORE + PASSAGE + AFTER
    texts = pd.Series([text, text], index=["第1期", "第2期"])
    frame = gongwen.find_reuse(texts)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row.doc_a, row.doc_b) == ("第1期", "第2期")
    assert (row.start_a, row.end_a, row.start_b, row.end_b) == (0, len(text), 0, len(text))
    assert_spans_slice_back(frame, texts)
    # Identical but too short for a passage: nothing.
    assert gongwen.find_reuse([BEFORE, BEFORE]).empty


def test_min_chars_and_min_similarity_filter() -> None:
    texts = [BEFORE + PASSAGE, PASSAGE + AFTER]
    assert len(gongwen.find_reuse(texts, 56)) == 1
    assert gongwen.find_reuse(texts, 57).empty
    edited = PASSAGE.replace("推动", "推进").replace("把党", "将党")
    assert len(gongwen.find_reuse([PASSAGE, edited], min_similarity=0.9)) == 1
    assert gongwen.find_reuse([PASSAGE, edited], min_similarity=0.99).empty


def test_max_df_drops_ngrams_shared_by_many_documents() -> None:
    texts = [f"第{i}份。" + PASSAGE for i in "一二三四"]
    assert len(gongwen.find_reuse(texts)) == 6
    assert gongwen.find_reuse(texts, max_df=3).empty
    assert gongwen.find_reuse(texts, max_df=0.5).empty  # 2 documents of 4
    assert len(gongwen.find_reuse(texts, max_df=1.0)) == 6


def test_a_series_index_labels_the_documents() -> None:
    texts = pd.Series(
        [BEFORE + PASSAGE, OTHER, PASSAGE + AFTER], index=["甲", "乙", "丙"], name="text"
    )
    frame = gongwen.find_reuse(texts)
    assert list(zip(frame.doc_a, frame.doc_b)) == [("甲", "丙")]
    assert_spans_slice_back(frame, texts)


def test_a_corpus_gives_one_document_per_article() -> None:
    first = gongwen.parse_bulletin("工作简报\n第1期\n\n" + BEFORE + PASSAGE + "。")
    second = gongwen.parse_bulletin("工作简报\n第2期\n\n" + OTHER + BEFORE + AFTER)
    third = gongwen.parse_bulletin("工作简报\n第3期\n\n" + BEFORE + AFTER + PASSAGE + "。")
    corpus = gongwen.Corpus([first, second, third])
    frame = gongwen.find_reuse(corpus)
    articles = corpus.to_frame()
    assert len(frame) == 2  # PASSAGE in articles 0 and 2, BEFORE + AFTER in 1 and 2
    assert_spans_slice_back(frame, articles["text"])
    assert set(zip(frame.doc_a, frame.doc_b)) == {(0, 2), (1, 2)}
    titled = frame.join(articles[["issue"]], on="doc_a")
    assert titled.issue.tolist() == [1, 2]


def test_the_sample_reports_share_passages() -> None:
    # The 2023 and 2024 government work reports repeat some of their wording.
    texts = pd.Series(
        {p.stem: p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("gov-work-report-*"))}
    )
    frame = gongwen.find_reuse(texts)
    assert len(frame) > 0
    assert set(frame.doc_a) == {"gov-work-report-2023"}
    assert_spans_slice_back(frame, texts)
    assert (frame.chars >= 30).all()
    assert (frame.similarity >= 0.8).all()
    one = gongwen.find_reuse(texts, n_threads=1)
    pd.testing.assert_frame_equal(frame, one)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_chars": 0}, "min_chars"),
        ({"min_chars": 2.5}, "min_chars"),
        ({"ngram": 2}, "ngram"),
        ({"ngram": 65}, "ngram"),
        ({"max_df": 1}, "max_df"),
        ({"max_df": 1.5}, "max_df"),
        ({"max_df": 0.0}, "max_df"),
        ({"max_df": "many"}, "max_df"),
        ({"min_similarity": 1.1}, "min_similarity"),
        ({"min_similarity": -0.5}, "min_similarity"),
        ({"n_threads": -1}, "n_threads"),
    ],
)
def test_bad_arguments_raise_value_error(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gongwen.find_reuse([PASSAGE, PASSAGE], **kwargs)


def test_bad_texts_raise_type_error() -> None:
    with pytest.raises(TypeError, match="one str"):
        gongwen.find_reuse(PASSAGE)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        gongwen.find_reuse([PASSAGE, None])
    with pytest.raises(TypeError, match="DataFrame"):
        gongwen.find_reuse(pd.DataFrame({"text": [PASSAGE]}))
    with pytest.raises(TypeError, match="iterable"):
        gongwen.find_reuse(42)
    with pytest.raises(TypeError, match="to_simplified"):
        gongwen.find_reuse([PASSAGE], to_simplified=1)


def test_n_threads_none_uses_every_core_and_zero_is_refused() -> None:
    texts = [BEFORE + PASSAGE, PASSAGE + AFTER]
    expected = gongwen.find_reuse(texts, n_threads=1)
    with pytest.raises(ValueError, match="n_threads must be a positive integer, or None"):
        gongwen.find_reuse(texts, n_threads=0)
    pd.testing.assert_frame_equal(gongwen.find_reuse(texts, n_threads=None), expected)
    pd.testing.assert_frame_equal(gongwen.find_reuse(iter(texts), n_threads=3), expected)
