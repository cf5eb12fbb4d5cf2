"""Topic models: gongwen.TopicModel (LSA and NMF) against scikit-learn's TruncatedSVD and NMF.

One run, one matrix: the TF-IDF weights of the ../shared/corpora/laws folder (3,503 files, one
file a document, read as UTF-8), made by ``gongwen.TfidfVectorizer(min_df=2)`` (float32 CSR;
untimed). Each model is fitted on it with the same settings on both sides:

1. LSA: ``gongwen.TopicModel(k, method="lsa", n_iter=5, n_oversamples=10)`` against
   ``TruncatedSVD(k, n_iter=5, n_oversamples=10)`` (scikit-learn's defaults, randomized
   solver). Quality: the explained variance (the sum of explained_variance_ratio_), for
   random_state=0 in the timed runs, then (untimed) seed by seed over --seeds seeds.
2. NMF at the same number of passes: ``TopicModel(k, method="nmf", max_iter=N, tol=0)``
   against ``NMF(k, max_iter=N, tol=0)`` (coordinate descent, NNDSVDa start: scikit-learn's
   defaults); tol=0 makes both run all N passes. Quality: the reconstruction error
   ``|X - W H|_F`` (reconstruction_err_), lower is better.
3. NMF with the default tol=1e-4 on both sides: each stops when its own test says so.

Timing: best of --rounds interleaved rounds in this process, wall seconds and CPU seconds of
the process (all threads); the runs of one round take turns so that a slow spell of the shared
machine does not fall on one only. gongwen runs on one thread per core (its default) and on one
thread; scikit-learn as installed (its sparse products are single-threaded; its dense steps use
the BLAS's threads, one per core) and with the BLAS on one thread (threadpoolctl, installed
with scikit-learn). Every seeded gongwen run is checked to give the same numbers on 1 thread
as on all (two separate fits: the seeded runs repeat). Run from the project root:

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/bench_topics.py
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import gongwen

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
LAWS = CORPORA / "laws"


def tfidf_matrix() -> Any:
    files = sorted(LAWS.rglob("*.md"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    start = time.perf_counter()
    matrix = gongwen.TfidfVectorizer(min_df=2).fit_transform(texts)
    seconds = time.perf_counter() - start
    characters = sum(len(t) for t in texts)
    print(f"Corpus: {len(texts):,} files of {LAWS}, {characters:,} characters")
    print(
        f"TF-IDF (gongwen.TfidfVectorizer(min_df=2), {seconds:.1f} s, untimed below): "
        f"{matrix.shape[0]:,} documents x {matrix.shape[1]:,} terms, {matrix.nnz:,} nonzeros, "
        f"{matrix.dtype}"
    )
    return matrix


def interleaved(
    runs: dict[str, Callable[[], Any]], rounds: int
) -> dict[str, tuple[float, float, Any]]:
    """Best wall and CPU seconds and the last result of each run over `rounds` rounds."""
    best: dict[str, tuple[float, float, Any]] = {
        name: (float("inf"), float("inf"), None) for name in runs
    }
    for _ in range(rounds):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            result = run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            old = best[name]
            best[name] = (min(old[0], wall), min(old[1], cpu), result)
    return best


def report(
    timed: dict[str, tuple[float, float, Any]],
    quality: Callable[[Any], float],
    label: str,
    peer: str,
    higher_is_better: bool,
    passes: Callable[[Any], str] = lambda model: "",
) -> None:
    print(f"{'model':<46}{'seconds':>9}{'CPU s':>8}{label:>15}{'passes':>8}{'peer / this':>13}")
    for name, (wall, cpu, model) in timed.items():
        print(
            f"{name:<46}{wall:>9.3f}{cpu:>8.2f}{quality(model):>15.6f}{passes(model):>8}"
            f"{timed[peer][0] / wall:>12.2f}x"
        )
    ours, theirs = quality(timed[GONGWEN][2]), quality(timed[peer][2])
    better = "higher" if higher_is_better else "lower"
    print(f"{label}: gongwen / {peer.split(' (')[0]} = {ours / theirs:.4f} ({better} is better)")


GONGWEN = "gongwen TopicModel"
ONE = "gongwen TopicModel (n_threads=1)"


def one_blas_thread(fit: Callable[[], Any]) -> Callable[[], Any]:
    """`fit` with the BLAS limited to one thread (scikit-learn's dense steps use it)."""
    from threadpoolctl import threadpool_limits

    def run() -> Any:
        with threadpool_limits(1):
            return fit()

    return run


def same_numbers(a: gongwen.TopicModel, b: gongwen.TopicModel) -> str:
    return "yes" if np.array_equal(a.components_, b.components_) else "NO"


def run_lsa(matrix: Any, topics: int, rounds: int, seeds: range) -> None:
    from sklearn.decomposition import TruncatedSVD

    cores = os.cpu_count() or 1
    print(
        f"\n1. LSA, {topics} topics, n_iter=5, n_oversamples=10, random_state=0; best of {rounds}"
    )
    print(f"   interleaved rounds (gongwen on {cores} threads unless said)")
    peer = "sklearn TruncatedSVD"

    def sklearn_svd() -> Any:
        return TruncatedSVD(topics, n_iter=5, n_oversamples=10, random_state=0).fit(matrix)

    timed = interleaved(
        {
            GONGWEN: lambda: gongwen.TopicModel(topics, method="lsa", random_state=0).fit(matrix),
            ONE: lambda: gongwen.TopicModel(topics, method="lsa", random_state=0, n_threads=1).fit(
                matrix
            ),
            peer: sklearn_svd,
            f"{peer} (1 BLAS thread)": one_blas_thread(sklearn_svd),
        },
        rounds,
    )
    report(timed, lambda m: m.explained_variance_ratio_.sum(), "explained var", peer, True)
    print(
        f"same numbers on 1 thread as on {cores}: {same_numbers(timed[GONGWEN][2], timed[ONE][2])}"
    )
    # One seed's draw can favour either side: the same comparison over several seeds, untimed.
    ours = np.array(
        [lsa_variance(gongwen.TopicModel(topics, random_state=s), matrix) for s in seeds]
    )
    theirs = np.array([lsa_variance(TruncatedSVD(topics, random_state=s), matrix) for s in seeds])
    ratio = ours / theirs
    print(f"explained var over random_state 0..{len(seeds) - 1} (untimed):")
    print(f"{'model':<46}{'mean':>10}{'min':>10}{'max':>10}")
    for name, values in ((GONGWEN, ours), (peer, theirs)):
        print(f"{name:<46}{values.mean():>10.6f}{values.min():>10.6f}{values.max():>10.6f}")
    print(f"gongwen / {peer}, seed by seed: mean {ratio.mean():.4f}, worst {ratio.min():.4f}")


def lsa_variance(model: Any, matrix: Any) -> float:
    return float(model.fit(matrix).explained_variance_ratio_.sum())


def run_nmf(matrix: Any, topics: int, rounds: int, max_iter: int | None) -> None:
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning

    peer = "sklearn NMF"
    if max_iter is not None:
        settings = {"max_iter": max_iter, "tol": 0.0}
        print(f"\n2. NMF, {topics} topics, the same {max_iter} passes (tol=0), random_state=0;")
    else:
        settings = {}
        print(f"\n3. NMF, {topics} topics, defaults (max_iter=200, tol=1e-4), random_state=0;")
    print(f"   best of {rounds} interleaved rounds")

    def sklearn_nmf() -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter reached, as asked
            return NMF(topics, random_state=0, **settings).fit(matrix)

    timed = interleaved(
        {
            GONGWEN: lambda: gongwen.TopicModel(
                topics, method="nmf", random_state=0, **settings
            ).fit(matrix),
            ONE: lambda: gongwen.TopicModel(
                topics, method="nmf", random_state=0, n_threads=1, **settings
            ).fit(matrix),
            peer: sklearn_nmf,
            f"{peer} (1 BLAS thread)": one_blas_thread(sklearn_nmf),
        },
        rounds,
    )
    report(
        timed,
        lambda m: m.reconstruction_err_,
        "recon. error",
        peer,
        False,
        passes=lambda m: str(m.n_iter_),
    )
    print(f"same numbers on 1 thread as on all: {same_numbers(timed[GONGWEN][2], timed[ONE][2])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["lsa", "nmf", "nmf-default"], help="run one part")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (default 3)")
    parser.add_argument("--topics", type=int, default=20, help="topics (default 20)")
    parser.add_argument("--seeds", type=int, default=10, help="LSA seeds compared (default 10)")
    parser.add_argument("--max-iter", type=int, default=100, help="NMF passes in 2 (default 100)")
    args = parser.parse_args()
    matrix = tfidf_matrix()
    if args.only in (None, "lsa"):
        run_lsa(matrix, args.topics, args.rounds, range(args.seeds))
    if args.only in (None, "nmf"):
        run_nmf(matrix, args.topics, args.rounds, args.max_iter)
    if args.only in (None, "nmf-default"):
        run_nmf(matrix, args.topics, args.rounds, None)


if __name__ == "__main__":
    main()
