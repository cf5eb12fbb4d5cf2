"""Word segmentation: gongwen against jieba, rjieba (jieba in Rust) and ICU's word breaker.

Accuracy on the SIGHAN 2005 PKU test set (../shared/eval/icwb2, research use only: read in
place, never copied), scored with gongwen.evaluate_segmentation (which agrees with the bakeoff's
scorer): each segmenter with its own default lexicon, and with the PKU training word list as
the lexicon (the bakeoff's closed-track condition; "frequencies adapted" adds one step of
Viterbi training on the test input itself, unsupervised, weight 0.5; "unknown off" leaves out
the unknown-word model, whose parameters come from jieba, i.e. from outside the closed track). Speed on government text: the government
work reports of ../shared/corpora, line by line, each segmenter in the same process on the same
lines; the default lexicons' load time and memory in fresh processes. Run from the project
root:

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/bench_segment.py
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import icu
import jieba
import rjieba

import gongwen

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ICWB2 = SHARED / "eval" / "icwb2"
REPORTS = SHARED / "corpora" / "gov-reports-national" / "text"

Cut = Callable[[str], list]


def read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def icu_cut() -> Cut:
    breaker = icu.BreakIterator.createWordInstance(icu.Locale("zh"))

    def cut(text: str) -> list[str]:
        # ICU counts in UTF-16 units: slice a UTF-16 copy so astral characters come out right.
        units = text.encode("utf-16-le")
        breaker.setText(text)
        bounds = [0, *breaker]
        pieces = (units[2 * a : 2 * b].decode("utf-16-le") for a, b in zip(bounds, bounds[1:]))
        return [p for p in pieces if not p.isspace()]

    return cut


def jieba_with_words(words_path: Path) -> Cut:
    # jieba's dictionary format needs a frequency: give every word the same.
    tmp = Path(tempfile.mkdtemp()) / "words.txt"
    tmp.write_text(
        "".join(f"{w} 1\n" for w in read_lines(words_path) if w.strip()), encoding="utf-8"
    )
    tokenizer = jieba.Tokenizer(dictionary=str(tmp))
    tokenizer.initialize()
    return lambda text: tokenizer.lcut(text, HMM=False)


def accuracy(name: str, cut: Cut, lines: list[str], gold: list[str], words: list[str]) -> None:
    predicted = [" ".join(w for w in cut(line) if w.strip()) for line in lines]
    s = gongwen.evaluate_segmentation(gold, predicted, words)
    print(
        f"{name:<44}{s.precision:>7.4f}{s.recall:>7.4f}{s.f1:>7.4f}{s.oov_recall:>8.4f}"
        f"{s.iv_recall:>7.4f}"
    )


def run_accuracy() -> None:
    lines = read_lines(ICWB2 / "pku_test.utf8")
    gold = read_lines(ICWB2 / "pku_test_gold.utf8")
    words_path = ICWB2 / "pku_training_words.utf8"
    words = read_lines(words_path)
    jieba.setLogLevel(60)
    jieba.initialize()
    print("Accuracy, SIGHAN 2005 PKU test set (1,945 lines, 104,372 words)")
    print(f"{'segmenter':<44}{'P':>7}{'R':>7}{'F1':>7}{'OOV-R':>8}{'IV-R':>7}")
    print("-- each with its own default lexicon")
    accuracy("gongwen (default)", gongwen.Segmenter().cut, lines, gold, words)
    accuracy(
        "gongwen (unknown_words=False)",
        gongwen.Segmenter(unknown_words=False).cut,
        lines,
        gold,
        words,
    )
    accuracy("jieba (HMM off)", lambda t: jieba.lcut(t, HMM=False), lines, gold, words)
    accuracy("jieba (HMM on)", lambda t: jieba.lcut(t, HMM=True), lines, gold, words)
    accuracy("rjieba (HMM off)", lambda t: rjieba.cut(t, False), lines, gold, words)
    accuracy("ICU word breaker", icu_cut(), lines, gold, words)
    print("-- PKU training word list as the lexicon (closed track)")
    accuracy(
        "gongwen (dictionary=pku_training_words)",
        gongwen.Segmenter(dictionary=words_path).cut,
        lines,
        gold,
        words,
    )
    strict = gongwen.Segmenter(dictionary=words_path, unknown_words=False)
    accuracy("gongwen (word list, unknown_words=False)", strict.cut, lines, gold, words)
    adapted = gongwen.Segmenter(dictionary=words_path)
    adapted.adapt_frequencies(lines, weight=0.5)
    accuracy("gongwen (word list, frequencies adapted)", adapted.cut, lines, gold, words)
    strict.adapt_frequencies(lines, weight=0.5)
    accuracy("gongwen (word list, adapted, unknown off)", strict.cut, lines, gold, words)
    accuracy("jieba (word list, HMM off)", jieba_with_words(words_path), lines, gold, words)
    half = len(lines) // 2
    print("-- gongwen (default) on each half of the test set")
    seg = gongwen.Segmenter()
    accuracy("first half", seg.cut, lines[:half], gold[:half], words)
    accuracy("second half", seg.cut, lines[half:], gold[half:], words)


def run_once(cut: Cut, lines: list[str]) -> float:
    start = time.perf_counter()
    for line in lines:
        cut(line)
    return time.perf_counter() - start


def interleaved(runs: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Best time of each run over `rounds` rounds, the runs taking turns in each round, so that
    a slow spell of the (shared, virtual) machine does not fall on one of them only."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            best[name] = min(best[name], run())
    return best


def run_speed(rounds: int) -> None:
    lines = [
        line
        for path in sorted(REPORTS.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    megabytes = sum(len(line.encode("utf-8")) for line in lines) / 1e6
    seg = gongwen.Segmenter()
    icu_segment = icu_cut()
    seg.cut("党建")
    jieba.initialize()
    print(
        f"\nSpeed, government work reports: {len(lines):,} lines, {megabytes:.1f} MB, "
        f"best of {rounds} interleaved rounds"
    )
    print(f"{'segmenter':<44}{'seconds':>9}{'MB/s':>8}{'gongwen faster':>16}")
    per_line = interleaved(
        {
            "gongwen Segmenter.cut, 1 thread": lambda: run_once(seg.cut, lines),
            "jieba.lcut (precise mode, HMM off)": lambda: run_once(
                lambda t: jieba.lcut(t, HMM=False), lines
            ),
            "rjieba.cut (HMM off)": lambda: run_once(lambda t: rjieba.cut(t, False), lines),
            "ICU word breaker (PyICU)": lambda: run_once(icu_segment, lines),
        },
        rounds,
    )
    base = per_line["gongwen Segmenter.cut, 1 thread"]
    for name, seconds in per_line.items():
        print(f"{name:<44}{seconds:>9.3f}{megabytes / seconds:>8.1f}{seconds / base:>15.1f}x")
    many = interleaved(
        {
            "gongwen cut_many, 1 thread": lambda: run_once(
                lambda _: seg.cut_many(lines, n_threads=1), [None]
            ),
            "gongwen cut_many, 2 threads": lambda: run_once(
                lambda _: seg.cut_many(lines, n_threads=2), [None]
            ),
        },
        rounds,
    )
    for name, seconds in many.items():
        print(f"{name:<44}{seconds:>9.3f}{megabytes / seconds:>8.1f}")
    one, two = many.values()
    print(f"cut_many: two threads are {one / two:.2f}x faster than one")


LOAD_PROBE = """
import os, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
rss0 = rss()
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
print(seconds, rss() - rss0)
"""

LOADERS = {
    "gongwen.Segmenter() (first cut included)": "import gongwen\ns = gongwen.Segmenter()\ns.cut('党建')",
    "jieba.initialize() (cache warm)": "import jieba\njieba.setLogLevel(60)\njieba.initialize()",
    "rjieba (first cut)": "import rjieba\nrjieba.cut('党建')",
}


def run_load() -> None:
    print("\nDefault lexicon: load time and memory (fresh process; imports excluded)")
    print(f"{'loader':<44}{'seconds':>9}{'MB':>8}")
    for name, body in LOADERS.items():
        imports = "\n".join(line for line in body.split("\n") if line.startswith("import"))
        rest = "\n".join(line for line in body.split("\n") if not line.startswith("import"))
        code = imports + "\n" + LOAD_PROBE.format(body=rest)
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        seconds, megabytes = map(float, out.stdout.split())
        print(f"{name:<44}{seconds:>9.3f}{megabytes:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["accuracy", "speed", "load"], help="run one part")
    parser.add_argument("--rounds", type=int, default=7, help="timing rounds (default 7)")
    args = parser.parse_args()
    if args.only in (None, "accuracy"):
        run_accuracy()
    if args.only in (None, "speed"):
        run_speed(args.rounds)
    if args.only in (None, "load"):
        run_load()


if __name__ == "__main__":
    main()
