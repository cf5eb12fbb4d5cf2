"""Top-10 most similar documents: gongwen.most_similar against scikit-learn's cosine_similarity.

The corpus: the files of ../shared/corpora/laws (sorted by path), each cut into pieces of about
500 characters (consecutive non-empty lines joined until they reach 500 characters; a last piece
shorter than 100 characters is dropped; headings, front matter and HTML comments are skipped),
of which 20,000 are taken, evenly spaced. They are vectorised once by
``gongwen.TfidfVectorizer()`` (its defaults: float32, no stop words), untimed; both tools get
that same matrix.

1. Sparse TF-IDF rows, the 10 nearest neighbours of every row among the others:
   ``gongwen.most_similar(X, top_n=10)`` against ``sklearn.metrics.pairwise.cosine_similarity`` on
   blocks of 1,000 rows (each block against all rows, the rows themselves excluded), then
   ``numpy.argpartition`` for the 10 best of each row and a sort of those 10 (score descending,
   index ascending), as one would write it by hand. The neighbour lists are checked to agree up
   to ties: their scores agree rank by rank to 1e-5 (scikit-learn computes in float32, gongwen
   in double rounded to float32), and each list's scores are the float64 cosines of its rows to
   1e-5, so that where the indices differ, the rows' scores tie (to 1e-5).
2. Dense rows, the same on 20,000 random 100-dimensional vectors (Dirichlet, like topic
   proportions, float32).

Time: best of --rounds interleaved rounds in this process (gongwen with its default one thread
per core, and with one thread; scikit-learn's sparse product is single-threaded, its dense one
uses the threads of its BLAS), with the CPU time of that round (all of this process's threads),
which shows how much a busy machine stretched the wall time. Peak memory: each tool once in a fresh process (this script with
--child), as the peak resident set (VmHWM) at its end less the peak after loading the matrix
("growth"). Run from the project root:

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/bench_similarity.py
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
LAWS = CORPORA / "laws"
DOCUMENTS = 20_000
PIECE = 500
K = 10
BLOCK = 1000
TOLERANCE = 1e-5

GONGWEN, PEER = "gongwen.most_similar", "sklearn cosine_similarity + argpartition"


# -- the corpus ----------------------------------------------------------------------------------


def pieces(text: str) -> list[str]:
    """The ~500-character pieces of one file."""
    out, current = [], ""
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith(("#", "<!--", "---")):
            continue
        current += line
        if len(current) >= PIECE:
            out.append(current)
            current = ""
    if len(current) >= 100:
        out.append(current)
    return out


def documents() -> list[str]:
    every = [p for path in sorted(LAWS.rglob("*.md")) for p in pieces(path.read_text("utf-8"))]
    step = len(every) / DOCUMENTS
    return [every[int(i * step)] for i in range(DOCUMENTS)]


def tfidf_matrix() -> Any:
    import gongwen

    texts = documents()
    X = gongwen.TfidfVectorizer().fit_transform(texts)
    characters = sum(len(t) for t in texts)
    print(
        f"Corpus: {len(texts):,} pieces of ../shared/corpora/laws ({characters:,} characters); "
        f"TF-IDF {X.shape[0]:,} x {X.shape[1]:,}, {X.nnz:,} nonzeros, {X.dtype}"
    )
    return X


def topic_vectors() -> np.ndarray:
    rng = np.random.default_rng(0)
    return rng.dirichlet(np.full(100, 0.1), size=DOCUMENTS).astype(np.float32)


# -- the two tools: each returns (indices, scores), rows sorted best first ------------------------


def gongwen_top(X: Any, n_threads: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    import gongwen

    return gongwen.most_similar(X, top_n=K, n_threads=n_threads)


def sklearn_top(X: Any) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.metrics.pairwise import cosine_similarity

    n = X.shape[0]
    indices = np.empty((n, K), np.int64)
    scores = np.empty((n, K), np.float32)
    for start in range(0, n, BLOCK):
        stop = min(n, start + BLOCK)
        block = cosine_similarity(X[start:stop], X)  # a dense (rows, n) array
        block[np.arange(stop - start), np.arange(start, stop)] = -np.inf  # not itself
        best = np.argpartition(-block, K, axis=1)[:, :K]
        best_scores = np.take_along_axis(block, best, axis=1)
        order = np.lexsort((best, -best_scores), axis=1)  # score descending, then index
        indices[start:stop] = np.take_along_axis(best, order, axis=1)
        scores[start:stop] = np.take_along_axis(best_scores, order, axis=1)
    return indices, scores


# -- checking ------------------------------------------------------------------------------------


def exact_scores(X: Any, indices: np.ndarray) -> np.ndarray:
    """The cosine of each row with each of its listed rows, in float64."""
    import scipy.sparse
    from sklearn.preprocessing import normalize

    unit = normalize(X.astype(np.float64))
    out = np.empty(indices.shape)
    for i in range(indices.shape[1]):
        if scipy.sparse.issparse(unit):
            out[:, i] = np.asarray(unit.multiply(unit[indices[:, i]]).sum(axis=1)).ravel()
        else:
            out[:, i] = np.einsum("ij,ij->i", unit, unit[indices[:, i]])
    return out


def compare(
    X: Any, ours: tuple[np.ndarray, np.ndarray], theirs: tuple[np.ndarray, np.ndarray]
) -> None:
    """Checks that the two agree up to ties: their scores agree rank by rank, and each list's
    scores are the cosines of its rows (so where the indices differ, the rows have equal
    scores). Exits when they do not."""
    (our_indices, our_scores), (their_indices, their_scores) = ours, theirs
    n = our_indices.shape[0]
    rank_difference = float(np.abs(our_scores - their_scores).max())
    ours_off = float(np.abs(exact_scores(X, our_indices) - our_scores).max())
    theirs_off = float(np.abs(exact_scores(X, their_indices) - their_scores).max())
    distinct = all(len(set(row)) == K for row in our_indices.tolist())
    itself = bool((our_indices == np.arange(n)[:, None]).any())
    identical = int((our_indices == their_indices).all(axis=1).sum())
    print(
        f"neighbours: {identical:,} of {n:,} rows identical; largest difference of the scores "
        f"rank by rank {rank_difference:.1e}, of a listed score from the float64 cosine: "
        f"gongwen {ours_off:.1e}, peer {theirs_off:.1e}"
    )
    if max(rank_difference, ours_off, theirs_off) > TOLERANCE or not distinct or itself:
        raise SystemExit("the neighbours disagree beyond ties")
    print("so the other rows differ only in the order or choice of rows whose scores tie")


# -- timing and memory ---------------------------------------------------------------------------


def interleaved(
    runs: dict[str, Callable[[], Any]], rounds: int
) -> dict[str, tuple[float, float, Any]]:
    """Best wall time, the CPU time of that round (all threads of this process) and the last
    result of each run over `rounds` rounds, the runs taking turns."""
    best: dict[str, tuple[float, float, Any]] = {name: (float("inf"), 0.0, None) for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start, cpu = time.perf_counter(), time.process_time()
            result = run()
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            if seconds < best[name][0]:
                best[name] = (seconds, cpu, result)
            else:
                best[name] = (*best[name][:2], result)
    return best


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM, which exec resets, unlike ru_maxrss)."""
    with open("/proc/self/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024 / 1e6  # in KiB


def child(tool: str, path: str) -> None:
    """Runs one tool once on the saved matrix and prints its figures as JSON."""
    import scipy.sparse

    if tool == "gongwen":
        import gongwen  # noqa: F401
    else:
        import sklearn.metrics.pairwise  # noqa: F401
    X = scipy.sparse.load_npz(path) if path.endswith(".npz") else np.load(path)
    baseline = peak_rss_mb()
    start = time.perf_counter()
    gongwen_top(X) if tool == "gongwen" else sklearn_top(X)
    seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    print(json.dumps({"seconds": seconds, "peak": peak, "growth": peak - baseline}))


def measure(tool: str, path: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", tool, "--matrix", path],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


def run(title: str, X: Any, path: str, rounds: int) -> None:
    cores = os.cpu_count() or 1
    print(f"\n{title}: top {K} of every row, best of {rounds} interleaved rounds")
    timed = interleaved(
        {
            GONGWEN: lambda: gongwen_top(X),
            f"{GONGWEN} (n_threads=1)": lambda: gongwen_top(X, n_threads=1),
            PEER: lambda: sklearn_top(X),
        },
        rounds,
    )
    memory = {GONGWEN: measure("gongwen", path), PEER: measure("sklearn", path)}
    print(
        f"{'':<44}{'seconds':>9}{'CPU s':>8}{'peak MB':>9}{'growth MB':>11}{'gongwen faster':>16}"
    )
    peer_seconds = timed[PEER][0]
    for name, (seconds, cpu, _) in timed.items():
        m = memory.get(name)
        peak = f"{m['peak']:>9.0f}{m['growth']:>11.0f}" if m else f"{'':>20}"
        print(f"{name:<44}{seconds:>9.2f}{cpu:>8.2f}{peak}{peer_seconds / seconds:>15.1f}x")
    one = f"{GONGWEN} (n_threads=1)"
    print(
        f"gongwen ({cores} threads) is {peer_seconds / timed[GONGWEN][0]:.1f}x as fast as the "
        f"peer, with one thread {peer_seconds / timed[one][0]:.1f}x; peak memory "
        f"{memory[GONGWEN]['peak'] / memory[PEER]['peak']:.2f} of the peer's, growth "
        f"{memory[GONGWEN]['growth'] / memory[PEER]['growth']:.2f}"
    )
    compare(X, timed[GONGWEN][2], timed[PEER][2])
    single = timed[one][2]
    if not (np.array_equal(single[0], timed[GONGWEN][2][0])):
        raise SystemExit("gongwen's results depend on the number of threads")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["sparse", "dense"], help="run one part")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (default 3)")
    parser.add_argument("--child", choices=["gongwen", "sklearn"], help=argparse.SUPPRESS)
    parser.add_argument("--matrix", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.matrix)
        return
    import scipy.sparse

    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "sparse"):
            X = tfidf_matrix()
            path = str(Path(tmp) / "tfidf.npz")
            scipy.sparse.save_npz(path, X)
            run("1. Sparse TF-IDF rows", X, path, args.rounds)
        if args.only in (None, "dense"):
            V = topic_vectors()
            path = str(Path(tmp) / "topics.npy")
            np.save(path, V)
            run(f"2. Dense rows ({V.shape[0]:,} x {V.shape[1]}, float32)", V, path, args.rounds)


if __name__ == "__main__":
    main()
