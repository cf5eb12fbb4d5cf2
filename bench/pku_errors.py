"""Where gongwen's closed-track segmentation of the PKU test set goes wrong.

Lists the words gongwen makes that the gold standard does not have, and the gold words it
misses, most frequent first, then scores again with 新世纪 split as the gold splits it: the PKU
training word list has 新世纪 as one word while the test's gold always writes 新 世纪, so any
segmenter that trusts the word list loses on it. Reads ../shared/eval/icwb2 in place (research
use only). Run from the project root:

    .venv/bin/python bench/pku_errors.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import gongwen

ICWB2 = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "icwb2"


def spans(words: list[str]) -> set[tuple[int, int]]:
    out, start = set(), 0
    for word in words:
        out.add((start, start + len(word)))
        start += len(word)
    return out


def f1(gold: list[list[str]], predicted: list[list[str]]) -> float:
    matched = found = wanted = 0
    for g, p in zip(gold, predicted):
        matched += len(spans(g) & spans(p))
        found += len(p)
        wanted += len(g)
    precision, recall = matched / found, matched / wanted
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    lines = (ICWB2 / "pku_test.utf8").read_text(encoding="utf-8").splitlines()
    gold = [g.split() for g in (ICWB2 / "pku_test_gold.utf8").read_text("utf-8").splitlines()]
    segmenter = gongwen.Segmenter(dictionary=ICWB2 / "pku_training_words.utf8")
    predicted = [[w for w in words if w.strip()] for words in segmenter.cut_many(lines)]
    extra, missed = Counter(), Counter()
    for g, p in zip(gold, predicted):
        text = "".join(g)
        extra.update(text[a:b] for a, b in spans(p) - spans(g))
        missed.update(text[a:b] for a, b in spans(g) - spans(p))
    print(f"words made but not in the gold ({sum(extra.values())}):")
    print("  " + " ".join(f"{w}({n})" for w, n in extra.most_common(30)))
    print(f"gold words missed ({sum(missed.values())}):")
    print("  " + " ".join(f"{w}({n})" for w, n in missed.most_common(30)))
    split = [
        [part for w in p for part in (["新", "世纪"] if w == "新世纪" else [w])] for p in predicted
    ]
    print(f"F1 as segmented: {f1(gold, predicted):.4f}")
    print(f"F1 with 新世纪 split as the gold splits it: {f1(gold, split):.4f}")


if __name__ == "__main__":
    main()
