"""TF-IDF matrices: gongwen.TfidfVectorizer against jieba + scikit-learn's TfidfVectorizer.

Three measurements, in one run, each tool on the same documents (one document per file, read
as UTF-8 with Path.read_text, the same way for both; the matrices must have as many rows):

1. Raw text to TF-IDF matrix, on the government work reports and congress reports of
   ../shared/corpora/gov-reports-national/text plus the 宪法, 刑法, 民法典, 民法商法 and 行政法
   folders of ../shared/corpora/laws (about 3 million characters):
   ``gongwen.TfidfVectorizer().fit_transform(texts)`` (its defaults: one segmenting thread per
   core, float32) against ``sklearn.feature_extraction.text.TfidfVectorizer(tokenizer=jieba.lcut,
   token_pattern=None, lowercase=False)`` (jieba's precise mode with its default HMM=True for
   unknown words; scikit-learn's default float64). Time: best of --rounds interleaved rounds in
   this process, with both dictionaries loaded beforehand (jieba.initialize(), and a first
   gongwen call that builds its default Segmenter), so their load time is excluded. Peak memory:
   each tool once in a fresh process (this script with --child), dictionary load included. The
   vocabularies differ: the tokenizers differ, and scikit-learn keeps the punctuation and white
   space that jieba returns as terms, where gongwen leaves them out.
2. Token lists to TF-IDF matrix, the same documents cut into words once (by
   gongwen.Segmenter.cut_many, untimed): ``gongwen.TfidfVectorizer().fit_transform(word_lists)``
   against ``TfidfVectorizer(analyzer=lambda words: words)``; also gongwen with
   lowercase=False, the peer's exact equivalent, whose matrix is checked against the peer's.
3. The whole ../shared/corpora/laws folder (3,503 files, about 20 million characters) from raw
   text by gongwen: time (best of --rounds, in this process) and peak memory (fresh process).

Peak memory is the child process's peak resident set at its end, nothing subtracted ("peak"),
and the same less the peak after its imports and reading the texts ("growth"). It is read from
VmHWM in /proc/self/status, not from ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries
ru_maxrss across fork and exec, so a child of this (by then large) process would report this
process's peak, not its own. Run from the project root:

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/bench_tfidf.py
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# gongwen, jieba and scikit-learn are imported where they are used, not here: a memory child
# must hold only the libraries of the tool it measures.

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
REPORTS = CORPORA / "gov-reports-national" / "text"
LAWS = CORPORA / "laws"
LAW_PARTS = ("宪法", "刑法", "民法典", "民法商法", "行政法")

GONGWEN, PEER = "gongwen TfidfVectorizer", "jieba.lcut + sklearn TfidfVectorizer"


def corpus_files(corpus: str) -> list[Path]:
    if corpus == "laws":
        return sorted(LAWS.rglob("*.md"))
    files = sorted(REPORTS.rglob("*.txt"))
    for part in LAW_PARTS:
        files += sorted((LAWS / part).rglob("*.md"))
    return files


def read_texts(corpus: str) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in corpus_files(corpus)]


def describe(texts: list[str]) -> str:
    characters = sum(len(t) for t in texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return f"{len(texts):,} documents, {characters:,} characters, {megabytes:.1f} MB UTF-8"


# -- the vectorizers: each returns (matrix, vocabulary size) -------------------------------------


def gongwen_tfidf(documents: list[Any], **params: Any) -> tuple[Any, int]:
    import gongwen

    vectorizer = gongwen.TfidfVectorizer(**params)
    matrix = vectorizer.fit_transform(documents)
    return matrix, len(vectorizer.get_feature_names_out())


def sklearn_jieba_tfidf(texts: list[str]) -> tuple[Any, int]:
    import jieba
    from sklearn.feature_extraction.text import TfidfVectorizer

    # token_pattern=None: the tokenizer decides what a token is (no warning about the pattern).
    vectorizer = TfidfVectorizer(tokenizer=jieba.lcut, token_pattern=None, lowercase=False)
    matrix = vectorizer.fit_transform(texts)
    return matrix, len(vectorizer.vocabulary_)


def sklearn_words_tfidf(word_lists: list[list[str]]) -> tuple[Any, int]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=lambda words: words)
    matrix = vectorizer.fit_transform(word_lists)
    return matrix, len(vectorizer.vocabulary_)


def load_dictionaries(tool: str) -> None:
    """Loads the tool's dictionary, so that a timing leaves it out."""
    if tool == "gongwen":
        import gongwen

        # The vectorizer segments with a shared default Segmenter, built on first use.
        gongwen.TfidfVectorizer().fit_transform(["党建工作"])
    else:
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()


# -- timing --------------------------------------------------------------------------------------


def interleaved(runs: dict[str, Callable[[], Any]], rounds: int) -> dict[str, tuple[float, Any]]:
    """Best time and last result of each run over `rounds` rounds, the runs taking turns in each
    round, so that a slow spell of the (shared, virtual) machine does not fall on one only."""
    best: dict[str, tuple[float, Any]] = {name: (float("inf"), None) for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            result = run()
            seconds = time.perf_counter() - start
            best[name] = (min(best[name][0], seconds), result)
    return best


def print_timings(timed: dict[str, tuple[float, Any]], megabytes: float, peer: str) -> None:
    print(
        f"{'vectorizer':<48}{'seconds':>9}{'MB/s':>8}{'rows':>6}{'terms':>8}{'gongwen faster':>16}"
    )
    base = timed[GONGWEN][0]
    for name, (seconds, (matrix, terms)) in timed.items():
        print(
            f"{name:<48}{seconds:>9.3f}{megabytes / seconds:>8.1f}{matrix.shape[0]:>6}"
            f"{terms:>8,}{seconds / base:>15.2f}x"
        )
    rows = {matrix.shape[0] for _, (matrix, _) in timed.values()}
    if len(rows) != 1:
        raise SystemExit(f"the matrices differ in rows: {sorted(rows)}")
    print(f"gongwen is {timed[peer][0] / base:.2f}x as fast as {peer}")


def run_raw(texts: list[str], megabytes: float, rounds: int) -> None:
    cores = os.cpu_count() or 1
    print(f"\n1. Raw text to TF-IDF matrix, best of {rounds} interleaved rounds (dictionary loads")
    print(f"   excluded; gongwen faster: against gongwen with its default {cores} threads)")
    load_dictionaries("gongwen")
    load_dictionaries("jieba")
    timed = interleaved(
        {
            GONGWEN: lambda: gongwen_tfidf(texts),
            f"{GONGWEN} (n_threads=1)": lambda: gongwen_tfidf(texts, n_threads=1),
            PEER: lambda: sklearn_jieba_tfidf(texts),
        },
        rounds,
    )
    print_timings(timed, megabytes, PEER)


def run_words(texts: list[str], megabytes: float, rounds: int) -> None:
    import gongwen

    word_lists = gongwen.Segmenter().cut_many(texts)
    words = sum(len(w) for w in word_lists)
    print(f"\n2. Token lists to TF-IDF matrix ({words:,} words, cut by gongwen, untimed), best of")
    print(f"   {rounds} interleaved rounds; MB/s counts the UTF-8 of the texts the words came from")
    peer = "sklearn TfidfVectorizer(analyzer=lambda w: w)"
    # A callable analyzer takes the words as they are; gongwen lowercases them by default (5G
    # becomes 5g), so lowercase=False is the peer's exact equivalent.
    verbatim = f"{GONGWEN} (lowercase=False)"
    timed = interleaved(
        {
            GONGWEN: lambda: gongwen_tfidf(word_lists),
            verbatim: lambda: gongwen_tfidf(word_lists, lowercase=False),
            peer: lambda: sklearn_words_tfidf(word_lists),
        },
        rounds,
    )
    print_timings(timed, megabytes, peer)
    ours, theirs = timed[verbatim][1][0], timed[peer][1][0]
    if ours.shape == theirs.shape:
        # Same words, same sorted vocabulary: the weights should agree (float32 against float64).
        difference = abs(ours - theirs).max()
        print(f"largest difference, lowercase=False against the peer: {difference:.1e}")


# -- memory, each measurement in a fresh process -------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM, which exec resets, unlike ru_maxrss)."""
    with open("/proc/self/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024 / 1e6  # in KiB


def child(tool: str, corpus: str) -> None:
    """Runs one vectorizer once and prints its figures as JSON (in a fresh process)."""
    if tool == "gongwen":
        # scipy.sparse: the result's type, imported before the baseline as the peer's is.
        import scipy.sparse  # noqa: F401

        import gongwen  # noqa: F401
    else:
        import jieba  # noqa: F401
        import sklearn.feature_extraction.text  # noqa: F401
    texts = read_texts(corpus)
    baseline = peak_rss_mb()
    load_dictionaries(tool)
    start = time.perf_counter()
    matrix, terms = gongwen_tfidf(texts) if tool == "gongwen" else sklearn_jieba_tfidf(texts)
    seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    figures = {"seconds": seconds, "peak": peak, "growth": peak - baseline}
    print(json.dumps({**figures, "rows": matrix.shape[0], "terms": terms}))


def measure(tool: str, corpus: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", tool, "--corpus", corpus],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


def run_memory() -> None:
    print("\n   Peak memory, each tool once in a fresh process (dictionary load included):")
    print("   baseline = peak RSS (VmHWM) after imports and reading the texts; peak = the same at")
    print("   the end, nothing subtracted; growth = peak less baseline")
    print(f"{'vectorizer':<48}{'baseline MB':>12}{'peak MB':>9}{'growth MB':>11}")
    figures = {
        name: measure(tool, "sample") for name, tool in ((GONGWEN, "gongwen"), (PEER, "jieba"))
    }
    for name, f in figures.items():
        baseline = f["peak"] - f["growth"]
        print(f"{name:<48}{baseline:>12.0f}{f['peak']:>9.0f}{f['growth']:>11.0f}")
    ours, theirs = figures[GONGWEN], figures[PEER]
    print(
        f"gongwen / peer: peak {ours['peak'] / theirs['peak']:.2f}, "
        f"growth {ours['growth'] / theirs['growth']:.2f}"
    )


def run_laws(rounds: int) -> None:
    texts = read_texts("laws")
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print("\n3. The whole laws folder (one file a document) by gongwen from raw text:")
    print(f"   {describe(texts)}")
    print(f"   time: best of {rounds} rounds in this process; memory: once in a fresh process")
    seconds, _ = interleaved({GONGWEN: lambda: gongwen_tfidf(texts)}, rounds)[GONGWEN]
    f = measure("gongwen", "laws")  # the child reads the texts itself
    print(f"{'seconds':>9}{'MB/s':>8}{'rows':>7}{'terms':>9}{'peak MB':>9}{'growth MB':>11}")
    print(
        f"{seconds:>9.2f}{megabytes / seconds:>8.1f}{f['rows']:>7}{f['terms']:>9,}"
        f"{f['peak']:>9.0f}{f['growth']:>11.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["raw", "words", "laws"], help="run one part")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (default 3)")
    parser.add_argument("--child", choices=["gongwen", "jieba"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", choices=["sample", "laws"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus)
        return
    if args.only in (None, "raw", "words"):
        texts = read_texts("sample")
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"Corpus: {describe(texts)}")
        print(
            f"  gov-reports-national/text and laws/{{{','.join(LAW_PARTS)}}}; one file a document"
        )
    if args.only in (None, "raw"):
        run_raw(texts, megabytes, args.rounds)
        run_memory()
    if args.only in (None, "words"):
        run_words(texts, megabytes, args.rounds)
    if args.only in (None, "laws"):
        run_laws(args.rounds)


if __name__ == "__main__":
    main()
