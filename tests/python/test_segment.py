"""The segmenter through the Python API."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest
from testdata import REFERENCE

import gongwen

GOVERNMENT_TERMS = [
    "党建引领",
    "乡村振兴",
    "基层治理",
    "书记项目",
    "网格员",
    "双招双引",
    "积分超市",
    "红色物业",
]


@pytest.fixture(scope="module")
def segmenter() -> gongwen.Segmenter:
    return gongwen.Segmenter()


def test_government_vocabulary(segmenter: gongwen.Segmenter) -> None:
    words = segmenter.cut(
        "坚持党建引领，推进乡村振兴和基层治理，实施书记项目，配强网格员，设立积分超市，打造红色物业，推动双招双引。"
    )
    for term in GOVERNMENT_TERMS:
        assert term in words


def test_numbers_and_latin_words(segmenter: gongwen.Segmenter) -> None:
    assert segmenter.cut("2022年以来发展43.9万亩，占31%，达1.31万项") == [
        "2022年", "以来", "发展", "43.9万", "亩", "，", "占", "31%", "，", "达", "1.31万", "项",
    ]  # fmt: skip
    assert segmenter.cut("全区GDP增幅，5G网络") == ["全区", "GDP", "增幅", "，", "5G", "网络"]


def test_tokens_slice_the_text(segmenter: gongwen.Segmenter) -> None:
    text = "党建引领 GDP增长5.2%，😀👍🏽\U00020000黨"
    tokens = segmenter.tokenize(text)
    assert "".join(t.text for t in tokens) == text
    for t in tokens:
        assert text[t.start : t.end] == t.text
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["党建引领"] == "word"
    assert kinds[" "] == "space"
    assert kinds["GDP"] == "latin"
    assert kinds["5.2%"] == "number"
    assert kinds["，"] == "punct"
    assert {t.text: t.tag for t in tokens}["5.2%"] == "m"


def test_tokens_make_a_dataframe(segmenter: gongwen.Segmenter) -> None:
    import pandas as pd

    frame = pd.DataFrame(segmenter.tokenize("党建引领 GDP"))
    assert list(frame.columns) == ["text", "start", "end", "kind", "tag"]
    assert list(frame["kind"]) == ["word", "space", "latin"]


def test_hostile_input_is_covered_exactly(segmenter: gongwen.Segmenter) -> None:
    text = "a\x00b\x01\ud800c\ufeff d\u0301 👨‍👩‍👧 🇨🇳 \U00020000\U0002a700 مرحبا\t\n"
    tokens = segmenter.tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert [t.start for t in tokens[1:]] == [t.end for t in tokens[:-1]]
    assert segmenter.cut("") == []
    assert segmenter.tokenize("") == []


def test_fifty_megabytes_on_one_line(segmenter: gongwen.Segmenter) -> None:
    text = "党建引领基层治理，乡村振兴。" * (50_000_000 // 42)
    words = segmenter.cut(text)
    assert sum(map(len, words)) == len(text)


def test_a_long_text_shares_the_str_of_each_word(segmenter: gongwen.Segmenter) -> None:
    words = segmenter.cut("坚持党建引领，推动乡村振兴。" * 1000)
    assert words[:6] == ["坚持", "党建引领", "，", "推动", "乡村振兴", "。"]
    assert len({id(w) for w in words}) == 6  # 6,000 words, 6 objects
    short = segmenter.cut("党建引领，党建引领")
    assert short == ["党建引领", "，", "党建引领"]


def test_cut_many_matches_cut(segmenter: gongwen.Segmenter) -> None:
    lines = [line for line in REFERENCE.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert segmenter.cut_many(lines, n_threads=2) == [segmenter.cut(line) for line in lines]
    assert segmenter.cut_many(iter(lines[:5])) == [segmenter.cut(line) for line in lines[:5]]
    with pytest.raises(ValueError, match="n_threads"):
        segmenter.cut_many(lines, n_threads=0)


def test_one_segmenter_from_many_threads(segmenter: gongwen.Segmenter) -> None:
    lines = [line for line in REFERENCE.read_text(encoding="utf-8").split("\n") if line.strip()]
    expected = [segmenter.cut(line) for line in lines]
    failures: list[str] = []

    def work() -> None:
        for _ in range(20):
            if [segmenter.cut(line) for line in lines] != expected:
                failures.append("mismatch")

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_user_words_and_dictionaries(tmp_path: Path) -> None:
    segmenter = gongwen.Segmenter(user_words=["文都e家", ("德邻社", 100, "nz")])
    assert segmenter.cut("打造文都e家平台和德邻社") == ["打造", "文都e家", "平台", "和", "德邻社"]
    assert segmenter.word_frequency("德邻社") == 100
    assert "德邻社" in segmenter
    assert segmenter.del_word("德邻社")
    assert "德邻社" not in segmenter
    userdict = tmp_path / "user.txt"
    userdict.write_text("# 我的词典\n说事会 n\n五心驿站 20\n", encoding="utf-8")
    assert segmenter.load_userdict(userdict) == 2
    assert "五心驿站" in segmenter.cut("建成五心驿站")
    bad = tmp_path / "bad.txt"
    bad.write_text("好词 10\n坏词 -3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt, line 2"):
        segmenter.load_userdict(bad)
    with pytest.raises(FileNotFoundError):
        segmenter.load_userdict(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        segmenter.load_userdict(tmp_path)
    with pytest.raises(ValueError, match="freq"):
        segmenter.add_word("词", freq=-1)


def test_a_word_list_as_the_lexicon(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("党建\n引领\n基层\n治理\n基层治理\n", encoding="utf-8")
    segmenter = gongwen.Segmenter(dictionary=words)
    assert len(segmenter) == 5
    assert segmenter.cut("党建引领基层治理") == ["党建", "引领", "基层治理"]
    with pytest.raises(FileNotFoundError):
        gongwen.Segmenter(dictionary=tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        gongwen.Segmenter(dictionary=tmp_path)


def test_traditional_text() -> None:
    segmenter = gongwen.Segmenter(to_simplified=True)
    assert segmenter.cut("堅持黨建引領推進鄉村振興") == ["堅持", "黨建引領", "推進", "鄉村振興"]


def test_pickle_save_and_load(tmp_path: Path) -> None:
    segmenter = gongwen.Segmenter(user_words=["文都e家"], granularity=1.5)
    segmenter.del_word("党建引领")
    text = "打造文都e家平台，坚持党建引领"
    restored = pickle.loads(pickle.dumps(segmenter))
    assert restored.cut(text) == segmenter.cut(text)
    path = tmp_path / "segmenter.bin"
    segmenter.save(path)
    loaded = gongwen.Segmenter.load(path)
    assert loaded.cut(text) == segmenter.cut(text)
    assert "granularity=1.5" in repr(loaded)
    data = path.read_bytes()
    for cut in (0, 7, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:cut])
        with pytest.raises(ValueError):
            gongwen.Segmenter.load(path)
    path.write_bytes(data[:20] + bytes([data[20] ^ 1]) + data[21:])
    with pytest.raises(ValueError, match="corrupted|checksum"):
        gongwen.Segmenter.load(path)


def test_evaluate_segmentation() -> None:
    scores = gongwen.evaluate_segmentation(
        ["共同  创造  美好  的  新  世纪", "女士  们  ，"],
        ["共同 创造 美好 的 新世纪", "女士们 ，"],
        vocabulary=["共同", "创造", "美好", "的", "新", "世纪", "女士"],
    )
    assert scores.correct_words == 5
    assert scores.precision == pytest.approx(5 / 7)
    assert scores.recall == pytest.approx(5 / 9)
    assert scores.f1 == pytest.approx(2 * (5 / 7) * (5 / 9) / (5 / 7 + 5 / 9))
    assert scores.oov_recall == pytest.approx(0.5)
    assert gongwen.evaluate_segmentation(["a b"], ["a b"]).oov_recall is None
    with pytest.raises(ValueError, match="differ"):
        gongwen.evaluate_segmentation(["ab"], ["ac"])


def test_stop_words(tmp_path: Path) -> None:
    assert "的" in gongwen.STOP_WORDS and len(gongwen.STOP_WORDS) > 500
    path = tmp_path / "stop.txt"
    path.write_text("# 停用词\n的\n 了 \n", encoding="utf-8")
    assert gongwen.load_stop_words(path) == frozenset({"的", "了"})
    path.write_bytes(b"\xff\xfe\n")
    with pytest.raises(ValueError, match="line 1"):
        gongwen.load_stop_words(path)
    with pytest.raises(IsADirectoryError):
        gongwen.load_stop_words(tmp_path)


def test_discover_words_finds_the_bulletins_terms() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    found = gongwen.discover_words(text, min_count=2, min_entropy=0.5)
    assert list(found.columns) == [
        "word", "count", "cohesion", "left_entropy", "right_entropy", "association", "score", "in_lexicon",
    ]  # fmt: skip
    words = set(found["word"])
    for term in ["乡村振兴", "基层治理", "党建引领", "书记项目", "网格员", "双招双引"]:
        assert term in words
    assert "书记项" not in words  # a fragment of 书记项目
    assert found["score"].is_monotonic_decreasing
    assert found.set_index("word").loc["乡村振兴", "in_lexicon"]
    assert gongwen.discover_words([], min_count=2).empty
    with pytest.raises(ValueError):
        gongwen.discover_words(text, min_count=0)


def test_adapt_adds_the_corpus_words() -> None:
    # Real text, and a term the lexicon lacks used in varied company.
    corpus = [p.read_text(encoding="utf-8") for p in gongwen.sample_paths()]
    corpus += [
        f"{before}积分超市{after}"
        for before, after in [
            ("村里开设", "，"), ("党员在", "兑换"), ("推广", "模式"), ("“", "”"),
            ("社区", "开业"), ("依托", "激励"), ("建成", "12个"), ("群众到", "领取"),
        ]
    ]  # fmt: skip
    segmenter = gongwen.Segmenter()
    segmenter.del_word("积分超市")
    assert "积分超市" not in segmenter.cut("设立积分超市")
    added = segmenter.adapt(corpus, min_count=5)
    assert "积分超市" in set(added["word"])
    assert segmenter.cut("设立积分超市") == ["设立", "积分超市"]
    assert not any("的" in word for word in added["word"])


def test_adapt_frequencies(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("研究\n研究生\n生命\n起源\n命\n", encoding="utf-8")
    segmenter = gongwen.Segmenter(dictionary=words)
    assert segmenter.adapt_frequencies(["研究生命起源"] * 20) > 0
    assert segmenter.word_frequency("研究") > 1
    with pytest.raises(ValueError, match="weight"):
        segmenter.adapt_frequencies(["研究"], weight=-1)
