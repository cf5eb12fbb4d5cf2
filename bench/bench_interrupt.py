"""Ctrl-C: how long each long call takes to stop after SIGINT, whatever phase it is in.

Input: the article texts of ../shared/corpora/laws (3,503 Markdown files) twice over, about 40 M
characters. For each call, a child process runs it once to time it, then again and again,
receiving SIGINT at moments spread over the call (0.2, 0.5, 1, 2, 3, 4, 6, 8 s and 2% to 97% of
its length), so that every phase is hit; the child notes when the KeyboardInterrupt reached
Python, and the table gives the worst and the median delay. There is no peer. Run from the
project root (about 35 minutes for all the calls; name some to run only those):

    .venv/bin/python bench/bench_interrupt.py [call ...]
"""

from __future__ import annotations

import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

LAWS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "laws"

# Each call's set-up (untimed) and the call, run by the child.
CALLS = {
    "Corpus.from_paths": "call = lambda: gongwen.Corpus.from_paths(FILES * 2, progress=False)",
    "cut_many": "call = lambda: seg.cut_many(texts, progress=False)",
    "fit_transform (text)": (
        "call = lambda: gongwen.TfidfVectorizer(progress=False).fit_transform(texts)"
    ),
    "fit_transform (words)": (
        "words = seg.cut_many(texts, progress=False)\n"
        "call = lambda: gongwen.TfidfVectorizer(progress=False).fit_transform(words)"
    ),
    "keywords": (
        "vec = gongwen.TfidfVectorizer(progress=False)\n"
        "X = vec.fit_transform(texts)\n"
        "call = lambda: vec.keywords(X, top_n=10)"
    ),
    "most_similar": (
        "X = gongwen.TfidfVectorizer(progress=False).fit_transform(texts)\n"
        "call = lambda: gongwen.most_similar(X, top_n=10)"
    ),
    "NMF (20 topics)": (
        "X = gongwen.TfidfVectorizer(progress=False).fit_transform(texts)\n"
        "call = lambda: gongwen.TopicModel(20, method='nmf', random_state=0).fit(X)"
    ),
    "LSA (100 topics, 20 iterations)": (
        "X = gongwen.TfidfVectorizer(progress=False).fit_transform(texts)\n"
        "call = lambda: gongwen.TopicModel(100, random_state=0, n_iter=20).fit(X)"
    ),
    "find_reuse": "call = lambda: gongwen.find_reuse(texts)",
    "discover_words": "call = lambda: gongwen.discover_words(texts)",
    "adapt_frequencies": "call = lambda: seg.adapt_frequencies(texts)",
    "evaluate_segmentation": (
        "gold = [' '.join(w) for w in seg.cut_many(texts, progress=False)]\n"
        "predicted = [' '.join(t.replace(' ', '')) for t in gold]\n"
        "call = lambda: gongwen.evaluate_segmentation(gold, predicted)"
    ),
}

CHILD = """
import signal, sys, time
# A child of a background job starts with SIGINT ignored; Python then installs no handler.
signal.signal(signal.SIGINT, signal.default_int_handler)
import glob
import gongwen
FILES = sorted(glob.glob({laws!r} + "/**/*.md", recursive=True))
texts = [open(p, encoding="utf-8").read().split("<!-- INFO END -->", 1)[-1] for p in FILES] * 2
seg = gongwen.Segmenter()
{setup}
print("READY", flush=True)
start = time.monotonic()
try:
    call()
    print("FINISHED", time.monotonic() - start, flush=True)
except KeyboardInterrupt:
    print("INTERRUPTED", time.monotonic(), flush=True)
"""


def run(name: str, delay: float | None) -> tuple[str, float]:
    """('finished', seconds) or ('stopped', seconds from SIGINT to the KeyboardInterrupt)."""
    code = CHILD.format(laws=str(LAWS), setup=CALLS[name])
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        if child.stdout.readline().strip() != "READY":
            raise RuntimeError(f"{name}: the child failed to start")
        sent = 0.0
        if delay is not None:
            time.sleep(delay)
            sent = time.monotonic()
            child.send_signal(signal.SIGINT)
        kind, value = child.stdout.readline().split()
        child.wait(timeout=600)
    finally:
        child.kill()
    if kind == "INTERRUPTED":
        return "stopped", float(value) - sent
    return "finished", float(value)


def delays(seconds: float) -> list[float]:
    points = {round(f * seconds, 2) for f in (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)}
    points |= {round(f * seconds, 2) for f in (0.8, 0.9, 0.97)}
    points |= {p for p in (0.2, 0.5, 1, 2, 3, 4, 6, 8) if p < 0.97 * seconds}
    return sorted(p for p in points if p >= 0.05)


def main() -> None:
    names = sys.argv[1:] or list(CALLS)
    print(f"{'call':<33}{'seconds':>8}{'SIGINTs':>8}{'worst stop':>12}{'median':>8}")
    for name in names:
        _, seconds = run(name, None)
        stops = []
        for delay in delays(seconds):
            kind, value = run(name, delay)
            if kind == "stopped":
                stops.append(value)
        worst = max(stops) if stops else float("nan")
        median = statistics.median(stops) if stops else float("nan")
        print(f"{name:<33}{seconds:>8.2f}{len(stops):>8}{worst:>11.3f}s{median:>7.3f}s", flush=True)


if __name__ == "__main__":
    main()
