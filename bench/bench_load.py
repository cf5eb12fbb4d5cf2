"""Loading a large corpus: documents of every kind against bulletins, on one thread and on every
core, in one run.

There is no peer that parses bulletins or 公文, so this measures gongwen against itself: the
throughput of reading, decoding, cleaning and parsing, what the parallel loader gains, and what
reading each file as a document of any kind (read_document: the kind decided, a 公文's
elements, citations) costs over reading it as a bulletin (read_bulletin). The two loaders run
in interleaved rounds on the same files; the best round of each is kept.

Input: ../shared/corpora/laws (3,503 Markdown files, about 58 MB), and the official documents of
tests/data/official (the gov.cn pages and the written 公文) repeated to a few MB. Run from the
project root:

    .venv/bin/python bench/bench_load.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import gongwen
from gongwen import _core

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT.parent / "shared" / "corpora" / "laws"
OFFICIAL = ROOT / "tests" / "data" / "official"


def _best(load: Callable[[], object], rounds: list[float]) -> object:
    start = time.perf_counter()
    result = load()
    rounds.append(time.perf_counter() - start)
    return result


def compare(name: str, files: list[str], threads: int, rounds: int) -> None:
    """Times the core's two loaders (C++ only) and Corpus.from_paths (with the Python objects)."""
    paths = [os.fsencode(f) for f in files]
    times: dict[str, list[float]] = {k: [] for k in ("bulletins", "documents", "corpus")}
    for _ in range(rounds):
        _best(lambda: _core.load_bulletins(paths, threads, ""), times["bulletins"])
        docs = _best(lambda: _core.load_documents(paths, threads, ""), times["documents"])
        corpus = _best(
            lambda: gongwen.Corpus.from_paths(files, n_threads=threads, progress=False),
            times["corpus"],
        )
    bulletins, documents, full = (min(times[k]) for k in ("bulletins", "documents", "corpus"))
    kinds: dict[str, int] = {}
    for r in docs:  # type: ignore[attr-defined]
        if r.document is not None:
            kinds[r.document.kind] = kinds.get(r.document.kind, 0) + 1
    print(
        f"{name:<10}{threads:>8}{bulletins:>12.2f}{documents:>12.2f}"
        f"{documents / bulletins:>8.2f}x{full:>12.2f}   {kinds}"
    )
    del corpus


def official_files(folder: Path, copies: int) -> list[str]:
    """The official fixtures copied `copies` times into `folder` (names differ, texts do not)."""
    sources = sorted(OFFICIAL.glob("*.txt")) + sorted(OFFICIAL.glob("written/*.txt"))
    files = []
    for i in range(copies):
        for source in sources:
            target = folder / f"{i:03d}_{source.name}"
            shutil.copyfile(source, target)
            files.append(str(target))
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    laws = gongwen.corpus.resolve_paths(LAWS)
    megabytes = sum(os.path.getsize(f) for f in laws) / 1e6
    cores = os.cpu_count() or 1
    print(f"laws: {len(laws)} files, {megabytes:.1f} MB; best of {args.rounds} interleaved rounds")
    print(
        f"{'corpus':<10}{'threads':>8}{'bulletins s':>12}{'documents s':>12}{'ratio':>9}"
        f"{'Corpus s':>12}   kinds"
    )
    for threads in sorted({1, cores}):
        compare("laws", laws, threads, args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        files = official_files(Path(tmp), 40)
        size = sum(os.path.getsize(f) for f in files) / 1e6
        print(f"official: {len(files)} files, {size:.1f} MB")
        for threads in sorted({1, cores}):
            compare("official", files, threads, args.rounds)


if __name__ == "__main__":
    main()
