"""The report's findings with one shared TF-IDF matrix against one fit per analysis.

What ``python -m gongwen report`` (and ``make demo``) computes after loading: each article's
keywords, the corpus's topics, each article's nearest articles and the reused passages
(``gongwen.report.corpus_findings``). A ``Corpus`` keeps its article table and its TF-IDF
matrix, so the three TF-IDF analyses share one segmentation and one fit. The peer is the way
it was before: each analysis on a corpus that has nothing made yet (a new ``Corpus`` over the
same bulletins for each), which builds the table and fits the matrix three times.

Both sides start from the same loaded bulletins (loading is not timed) and must give the same
findings (checked). Timing: best of --rounds interleaved rounds, wall and CPU seconds of the
process. Run from the project root:

    .venv/bin/python bench/bench_report.py                 # the sample corpus of make demo
    .venv/bin/python bench/bench_report.py ../shared/corpora/gov-reports-national
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from typing import Any

import pandas as pd

import gongwen
from gongwen.report import CorpusFindings, corpus_findings


def shared(bulletins: tuple[gongwen.Bulletin, ...]) -> CorpusFindings:
    """The findings as the report makes them: one corpus, one table, one matrix."""
    return corpus_findings(gongwen.Corpus(bulletins))


def one_fit_each(bulletins: tuple[gongwen.Bulletin, ...]) -> CorpusFindings:
    """The findings with a fresh corpus (no table, no matrix yet) for each analysis."""

    def fresh() -> gongwen.Corpus:
        return gongwen.Corpus(bulletins)

    keywords = list(fresh().keywords(12))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        topics = fresh().topics()
    return CorpusFindings(keywords, topics, fresh().similar_articles(3), fresh().find_reuse())


def timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def same(a: CorpusFindings, b: CorpusFindings) -> bool:
    return (
        a.keywords == b.keywords
        and a.topics.terms.equals(b.topics.terms)
        and a.topics.weights.equals(b.topics.weights)
        and a.neighbours.equals(b.neighbours)
        and a.reuse.equals(b.reuse)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(gongwen.sample_dir())])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    corpus = gongwen.Corpus.from_paths(args.paths, progress=False)
    bulletins = corpus.bulletins
    texts = corpus.articles.texts
    print(
        f"Corpus: {len(bulletins)} documents, {len(texts)} articles, "
        f"{int(texts.str.len().sum()):,} characters ({', '.join(args.paths)})"
    )
    shared(bulletins)  # warm-up: the default lexicon, imports
    best: dict[str, tuple[float, float]] = {}
    results: dict[str, CorpusFindings] = {}
    for _ in range(args.rounds):
        for name, work in (("one matrix (gongwen)", shared), ("one fit each", one_fit_each)):
            wall, cpu, results[name] = timed(lambda work=work: work(bulletins))
            old = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(old[0], wall), min(old[1], cpu))
    assert same(*results.values()), "the two ways gave different findings"
    print("findings identical: yes")
    rows = pd.DataFrame(best, index=["wall s", "cpu s"]).T
    ours = rows.loc["one matrix (gongwen)"]
    rows["gongwen faster"] = (rows["wall s"] / ours["wall s"]).map(lambda x: f"{x:.2f}x")
    print(f"best of {args.rounds} interleaved rounds:")
    print(rows.round(3).to_string())


if __name__ == "__main__":
    main()
