"""Property-based tests: whatever the text, the tokens cover it exactly, in order, once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import gongwen

SEGMENTER = gongwen.Segmenter()
SIMPLIFYING = gongwen.Segmenter(to_simplified=True)

# Any code point, surrogates included, and text weighted towards what gongwen meets.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)
CHINESE_TEXT = st.text(
    alphabet=st.sampled_from(
        list("党建引领乡村振兴基层治理的一是年月日二〇三十百分之点万亿")
        + list("0123456789.,%-abcXYZ ，。、“”——…\n\t\u3000\ufeff\u200d\ufe0f😀👍🏽\U00020000黨")
    ),
    max_size=300,
)


def assert_covers(segmenter: gongwen.Segmenter, text: str) -> None:
    tokens = segmenter.tokenize(text)
    assert "".join(t.text for t in tokens) == text
    position = 0
    for t in tokens:
        assert t.start == position < t.end
        assert text[t.start : t.end] == t.text
        assert t.kind in {"word", "number", "latin", "punct", "space"}
        position = t.end
    assert position == len(text)
    assert "".join(segmenter.cut(text)) == "".join(t.text for t in tokens if t.kind != "space")


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_text_is_covered(text: str) -> None:
    assert_covers(SEGMENTER, text)
    assert_covers(SIMPLIFYING, text)


@settings(max_examples=300, deadline=None)
@given(CHINESE_TEXT)
def test_chinese_like_text_is_covered(text: str) -> None:
    assert_covers(SEGMENTER, text)


@settings(max_examples=50, deadline=None)
@given(st.lists(CHINESE_TEXT, max_size=20))
def test_cut_many_agrees_with_cut(texts: list[str]) -> None:
    assert SEGMENTER.cut_many(texts, n_threads=2) == [SEGMENTER.cut(t) for t in texts]
