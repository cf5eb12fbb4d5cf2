"""Loading a large corpus: Corpus.from_paths on one thread and on every core, in one run.

There is no peer that parses bulletins, so this measures gongwen against itself: the
throughput of reading, decoding, cleaning and parsing, and what the parallel loader gains.
Input: ../shared/corpora/laws (3,503 Markdown files, about 58 MB). Run from the project root:

    .venv/bin/python bench/bench_load.py
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import gongwen

LAWS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "laws"


def main() -> None:
    files = gongwen.corpus.resolve_paths(LAWS)
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    cores = os.cpu_count() or 1
    print(f"{len(files)} files, {megabytes:.1f} MB")
    print(f"{'threads':>8}{'seconds':>9}{'MB/s':>8}{'articles':>10}{'speed-up':>10}")
    base = None
    for threads in sorted({1, cores}):
        start = time.perf_counter()
        corpus = gongwen.Corpus.from_paths(files, n_threads=threads, progress=False)
        seconds = time.perf_counter() - start
        base = base or seconds
        articles = sum(len(b.articles) for b in corpus)
        print(
            f"{threads:>8}{seconds:>9.2f}{megabytes / seconds:>8.1f}{articles:>10}"
            f"{base / seconds:>9.2f}x"
        )


if __name__ == "__main__":
    main()
